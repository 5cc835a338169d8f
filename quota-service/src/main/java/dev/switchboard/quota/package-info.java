/** The quota-service application: teams, API keys and admission of gateway requests. */
package dev.switchboard.quota;
