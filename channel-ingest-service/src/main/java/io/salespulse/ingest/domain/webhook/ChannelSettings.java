package io.salespulse.ingest.domain.webhook;

import io.salespulse.ingest.domain.Channel;

/** How a source's orders are published: as which channel, at which location, in which currency when none is given. */
public record ChannelSettings(Channel channel, String locationId, String defaultCurrency) {
}
