/** The mock's own control endpoints under {@code /_mock}: fault rules, ledger, health. */
package dev.switchboard.mockprovider.admin;
