package io.salespulse.analytics.domain;

import java.util.List;

/** Where live updates go (the WebSocket fan-out); lets the consumers stay unaware of WebSockets. */
public interface LivePublisher {

    /** Orders new to this instance, in event-time order. */
    void ordersRecorded(List<RecordedOrder> orders);

    /** A forwarded event: {@code alert} or {@code stock.level} with its payload as data. */
    void event(String type, Object data);
}
