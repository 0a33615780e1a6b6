package io.salespulse.analytics.domain;

import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Today's 'source' rollup rows as the dashboard shows them: grouped by channel, then per source. */
public final class SourceBreakdowns {
    private SourceBreakdowns() {
    }

    /**
     * Channels in the order of {@code byChannel} (revenue descending, as the channel breakdown shows them; a
     * channel missing there comes last, by name), then sources by revenue descending and by name.
     *
     * @param sourceRows breakdowns of the 'source' dimension, keyed by {@link ChannelSource#key()}
     */
    public static List<SourceBreakdown> group(List<Breakdown> byChannel, List<Breakdown> sourceRows) {
        Map<String, Integer> channelRank = new HashMap<>();
        for (int i = 0; i < byChannel.size(); i++) {
            channelRank.putIfAbsent(byChannel.get(i).key(), i);
        }
        Comparator<SourceBreakdown> order = Comparator
                .comparing((SourceBreakdown s) -> channelRank.getOrDefault(s.channel(), Integer.MAX_VALUE))
                .thenComparing(SourceBreakdown::channel)
                .thenComparing(SourceBreakdown::revenue, Comparator.reverseOrder())
                .thenComparing(SourceBreakdown::source);
        return sourceRows.stream()
                .map(row -> {
                    ChannelSource key = ChannelSource.ofKey(row.key());
                    return new SourceBreakdown(key.channel(), key.source(), row.revenue(), row.orders(), row.units());
                })
                .sorted(order)
                .toList();
    }
}
