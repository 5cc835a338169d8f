/** Reservation leases: what an admitted request holds until it is settled, released, or the lease expires. */
package dev.switchboard.quota.reservation;
