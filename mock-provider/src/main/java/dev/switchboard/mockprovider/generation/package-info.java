/**
 * The steps every generating endpoint shares (gate, vendor 400s, ledger entry, sending), so each vendor package
 * supplies only its request reader and its wire format.
 */
package dev.switchboard.mockprovider.generation;
