/** The error body internal APIs answer with. */
package dev.switchboard.contracts.error;
