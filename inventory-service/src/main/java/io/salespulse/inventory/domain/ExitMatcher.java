package io.salespulse.inventory.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Matches units that left a location through an RFID exit with recorded sales of the same product at the same
 * location: a sale recorded within {@code window} before or after the exit read justifies as many exits as it sold
 * units, and each sold unit justifies one exit only. Exit units left without a sale are possible shrinkage.
 *
 * <p>Exits are taken in time order and each takes the earliest sale still usable. Every sale can serve an exit
 * within the same fixed window, so the earliest sale is the one later exits can least use: this greedy choice
 * justifies as many exits as any assignment can (nearest-in-time would not: it can take the only sale a later exit
 * could have used).
 */
public final class ExitMatcher {

    /** Units of one product seen leaving at {@code seenAt}; {@code ref} is the caller's handle for the result. */
    public record Exit(int ref, Instant seenAt, int units) {
        public Exit {
            if (units <= 0) {
                throw new IllegalArgumentException("an exit has at least one unit");
            }
        }
    }

    /** A recorded sale (stock movement) and how many of its units have not justified an exit yet. */
    public record Sale(long movementId, Instant occurredAt, int available) {
    }

    /** {@code units} of exit {@code exitRef} are justified by sale movement {@code movementId}. */
    public record Match(int exitRef, long movementId, int units) {
    }

    /** Per exit: units justified and units left unjustified. */
    public record Settled(Exit exit, int matchedUnits, int unmatchedUnits) {
    }

    public record Result(List<Match> matches, List<Settled> settled) {
        public int unmatchedUnits() {
            return settled.stream().mapToInt(Settled::unmatchedUnits).sum();
        }
    }

    private final Duration window;

    public ExitMatcher(Duration window) {
        if (window.isNegative()) {
            throw new IllegalArgumentException("The match window cannot be negative");
        }
        this.window = window;
    }

    /** Exits and sales of ONE product at ONE location. */
    public Result match(List<Exit> exits, List<Sale> sales) {
        List<Sale> byTime = sales.stream().filter(s -> s.available() > 0)
                .sorted(Comparator.comparing(Sale::occurredAt).thenComparingLong(Sale::movementId)).toList();
        int[] left = byTime.stream().mapToInt(Sale::available).toArray();
        List<Exit> ordered = exits.stream()
                .sorted(Comparator.comparing(Exit::seenAt).thenComparingInt(Exit::ref)).toList();
        List<Match> matches = new ArrayList<>();
        List<Settled> settled = new ArrayList<>();
        int first = 0;
        for (Exit exit : ordered) {
            Instant from = exit.seenAt().minus(window);
            Instant to = exit.seenAt().plus(window);
            // sales too early for this exit are too early for every later one
            while (first < byTime.size() && (byTime.get(first).occurredAt().isBefore(from) || left[first] == 0)) {
                first++;
            }
            int need = exit.units();
            for (int i = first; i < byTime.size() && need > 0; i++) {
                Sale sale = byTime.get(i);
                if (sale.occurredAt().isAfter(to)) {
                    break;
                }
                int take = Math.min(need, left[i]);
                if (take > 0) {
                    left[i] -= take;
                    need -= take;
                    matches.add(new Match(exit.ref(), sale.movementId(), take));
                }
            }
            settled.add(new Settled(exit, exit.units() - need, need));
        }
        return new Result(List.copyOf(matches), List.copyOf(settled));
    }
}
