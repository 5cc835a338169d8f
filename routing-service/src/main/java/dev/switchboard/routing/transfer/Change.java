package dev.switchboard.routing.transfer;

/** What importing one entry did to the stored entity. */
public enum Change {
    CREATED, UPDATED, UNCHANGED
}
