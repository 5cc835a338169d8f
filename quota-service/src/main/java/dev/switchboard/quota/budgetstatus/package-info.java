/** How much of a budget's current period is used and reserved, read from its Redis counter. */
package dev.switchboard.quota.budgetstatus;
