package io.salespulse.inventory.domain;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ExitMatcherTest {
    private static final Instant T = Instant.parse("2026-01-15T10:00:00Z");
    private final ExitMatcher matcher = new ExitMatcher(Duration.ofMinutes(15));

    private static Instant at(int minutes) {
        return T.plus(Duration.ofMinutes(minutes));
    }

    @Test
    void anExitWithoutAnySaleIsUnmatched() {
        var result = matcher.match(List.of(new ExitMatcher.Exit(1, T, 2)), List.of());
        assertThat(result.matches()).isEmpty();
        assertThat(result.settled()).containsExactly(new ExitMatcher.Settled(new ExitMatcher.Exit(1, T, 2), 0, 2));
        assertThat(result.unmatchedUnits()).isEqualTo(2);
    }

    @Test
    void aSoldUnitJustifiesOneExitOnly() {
        var result = matcher.match(
                List.of(new ExitMatcher.Exit(1, at(0), 1), new ExitMatcher.Exit(2, at(1), 1)),
                List.of(new ExitMatcher.Sale(10, at(-2), 1)));
        assertThat(result.matches()).containsExactly(new ExitMatcher.Match(1, 10, 1));
        assertThat(result.settled()).extracting(ExitMatcher.Settled::unmatchedUnits).containsExactly(0, 1);
    }

    @Test
    void aSaleOfSeveralUnitsJustifiesAsManyExitsAndSeveralSalesOneExit() {
        var result = matcher.match(
                List.of(new ExitMatcher.Exit(1, at(0), 2), new ExitMatcher.Exit(2, at(3), 3)),
                List.of(new ExitMatcher.Sale(10, at(-5), 3), new ExitMatcher.Sale(11, at(2), 1)));
        assertThat(result.matches()).containsExactly(new ExitMatcher.Match(1, 10, 2), new ExitMatcher.Match(2, 10, 1),
                new ExitMatcher.Match(2, 11, 1));
        assertThat(result.settled()).extracting(ExitMatcher.Settled::matchedUnits).containsExactly(2, 2);
        assertThat(result.unmatchedUnits()).isEqualTo(1);
    }

    @Test
    void windowEdgesAreInclusiveOnBothSides() {
        var sales = List.of(new ExitMatcher.Sale(10, at(-15), 1), new ExitMatcher.Sale(11, at(15), 1),
                new ExitMatcher.Sale(12, at(-15).minusMillis(1), 1), new ExitMatcher.Sale(13, at(15).plusMillis(1), 1));
        var result = matcher.match(List.of(new ExitMatcher.Exit(1, T, 4)), sales);
        assertThat(result.matches()).extracting(ExitMatcher.Match::movementId).containsExactly(10L, 11L);
        assertThat(result.unmatchedUnits()).isEqualTo(2);
    }

    @Test
    void takesTheEarliestUsableSaleSoThatALaterExitKeepsItsOnlySale() {
        // nearest-in-time would give sale 11 (1 min away) to the first exit and leave the second one unjustified
        var result = matcher.match(
                List.of(new ExitMatcher.Exit(1, at(0), 1), new ExitMatcher.Exit(2, at(10), 1)),
                List.of(new ExitMatcher.Sale(10, at(-10), 1), new ExitMatcher.Sale(11, at(1), 1)));
        assertThat(result.matches()).containsExactly(new ExitMatcher.Match(1, 10, 1), new ExitMatcher.Match(2, 11, 1));
        assertThat(result.unmatchedUnits()).isZero();
    }

    @Test
    void unitsAlreadyUsedByEarlierExitsAreNotAvailableAgain() {
        var result = matcher.match(List.of(new ExitMatcher.Exit(1, T, 1)),
                List.of(new ExitMatcher.Sale(10, at(-1), 0)));
        assertThat(result.matches()).isEmpty();
        assertThat(result.unmatchedUnits()).isEqualTo(1);
    }

    @Test
    void exitsAreSettledInTimeOrderWhateverTheInputOrder() {
        var result = matcher.match(
                List.of(new ExitMatcher.Exit(2, at(20), 1), new ExitMatcher.Exit(1, at(0), 1)),
                List.of(new ExitMatcher.Sale(10, at(5), 1)));
        // the sale is within both windows; the earlier exit takes it
        assertThat(result.matches()).containsExactly(new ExitMatcher.Match(1, 10, 1));
        assertThat(result.settled()).extracting(s -> s.exit().ref()).containsExactly(1, 2);
    }

    @Test
    void rejectsEmptyExitsAndNegativeWindows() {
        assertThatThrownBy(() -> new ExitMatcher.Exit(1, T, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ExitMatcher(Duration.ofSeconds(-1))).isInstanceOf(IllegalArgumentException.class);
    }
}
