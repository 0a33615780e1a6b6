package io.salespulse.inventory.domain;

/** RAISED -> ACKNOWLEDGED -> RESOLVED, or RAISED -> RESOLVED. An alert is open until it is RESOLVED. */
public enum AlertState {
    RAISED, ACKNOWLEDGED, RESOLVED;

    public boolean isOpen() {
        return this != RESOLVED;
    }
}
