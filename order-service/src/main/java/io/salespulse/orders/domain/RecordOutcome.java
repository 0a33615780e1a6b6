package io.salespulse.orders.domain;

/** What became of one sale event of a batch. */
public sealed interface RecordOutcome {

    /**
     * The event is recorded: {@code order} is the stored order (for a duplicate, the one recorded earlier);
     * {@code inserted} tells whether this delivery created it.
     */
    record Recorded(Order order, boolean inserted) implements RecordOutcome {
    }

    /** The event cannot be recorded and goes to the dead-letter topic. */
    record Rejected(Rejection rejection) implements RecordOutcome {
    }
}
