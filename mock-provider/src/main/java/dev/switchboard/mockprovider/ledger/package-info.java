/** The mock's record of what it received and what it generated: the ground truth that billing tests compare against. */
package dev.switchboard.mockprovider.ledger;
