/** Token and money budgets per scope and calendar period: the admin API; enforcement is the admission engine's. */
package dev.switchboard.quota.budget;
