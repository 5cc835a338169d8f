/** Teams: the unit that owns gateway keys and, later, shared limits and budgets. */
package dev.switchboard.quota.team;
