package io.salespulse.analytics.domain;

import java.util.List;

/**
 * A source within its channel, and its key in the 'source' rollups: {@code WEB|shopify:shop.myshopify.com}.
 * The channel is part of the key because one source may sell through several channels (a shop on its web site and
 * on a marketplace). Channel names never contain '|', so the first one separates the two, whatever the source
 * holds.
 */
public record ChannelSource(String channel, String source) {
    /** The channels of the sale-event contract. */
    public static final List<String> CHANNELS = List.of("WEB", "STORE", "MARKETPLACE", "SCANNER", "RFID", "API");
    private static final char SEPARATOR = '|';

    public static String key(String channel, String source) {
        return channel + SEPARATOR + source;
    }

    public String key() {
        return key(channel, source);
    }

    public static ChannelSource ofKey(String key) {
        int at = key.indexOf(SEPARATOR);
        if (at < 0) {
            throw new IllegalArgumentException("not a channel|source key: " + key);
        }
        return new ChannelSource(key.substring(0, at), key.substring(at + 1));
    }
}
