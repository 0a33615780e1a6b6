package io.salespulse.orders.messaging;

import io.salespulse.orders.config.OrdersConfig;
import org.junit.jupiter.api.Test;

import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RetrierTest {
    private final Retrier retrier = new Retrier(config());

    @Test
    void retriesATransientFailureUntilTheBatchGoesThrough() {
        AtomicInteger attempts = new AtomicInteger();

        String result = retrier.call("a batch", () -> {
            if (attempts.incrementAndGet() < 3) {
                throw new SQLTransientConnectionException("database unavailable");
            }
            return "recorded";
        });

        assertThat(result).isEqualTo("recorded");
        assertThat(attempts).hasValue(3);
    }

    @Test
    void givesUpOnlyAtShutdownSoTheBatchIsNotAcknowledged() {
        retrier.onStop(null);

        assertThatThrownBy(() -> retrier.call("a batch", () -> {
            throw new SQLTransientConnectionException("database unavailable");
        })).isInstanceOf(IllegalStateException.class).hasMessageContaining("abandoned at shutdown");
    }

    private static OrdersConfig config() {
        return new OrdersConfig() {
            @Override
            public Retry retry() {
                return new Retry() {
                    @Override
                    public Duration initialBackoff() {
                        return Duration.ofMillis(1);
                    }

                    @Override
                    public Duration maxBackoff() {
                        return Duration.ofMillis(5);
                    }
                };
            }

            @Override
            public Duration publishTimeout() {
                return Duration.ofSeconds(1);
            }

            @Override
            public CatalogGate catalogGate() {
                return null;
            }
        };
    }
}
