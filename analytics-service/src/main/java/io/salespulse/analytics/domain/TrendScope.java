package io.salespulse.analytics.domain;

import java.util.List;

/**
 * What a trend adds up: everything, one channel, or one source (within one channel, or under every channel it
 * sells through). Says which rollup rows of a day hold that: a dimension and the keys whose figures are summed.
 */
public record TrendScope(String channel, String source) {
    public static final TrendScope ALL = new TrendScope(null, null);

    public Dimension dimension() {
        if (source != null) {
            return Dimension.SOURCE;
        }
        return channel != null ? Dimension.CHANNEL : Dimension.TOTAL;
    }

    public List<String> keys() {
        if (source != null) {
            return channel != null ? List.of(ChannelSource.key(channel, source))
                    : ChannelSource.CHANNELS.stream().map(c -> ChannelSource.key(c, source)).toList();
        }
        return List.of(channel != null ? channel : Rollups.TOTAL_KEY);
    }
}
