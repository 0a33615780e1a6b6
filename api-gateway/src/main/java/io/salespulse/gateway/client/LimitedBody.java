package io.salespulse.gateway.client;

import io.vertx.core.Handler;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.streams.ReadStream;

/**
 * A request body stream that fails once more than {@code maxBytes} have gone through. Content-Length is checked
 * before proxying; this catches chunked bodies, which announce no length, while they stream to the upstream.
 */
public final class LimitedBody implements ReadStream<Buffer> {
    private final ReadStream<Buffer> source;
    private final long maxBytes;
    private long received;
    private boolean exceeded;
    private Handler<Throwable> exceptionHandler;

    /** Raised into the pipe so that the proxy aborts the upstream request. */
    public static final class TooLargeException extends RuntimeException {
        TooLargeException(long maxBytes) {
            super("Request body exceeds " + maxBytes + " bytes", null, false, false);
        }
    }

    public LimitedBody(ReadStream<Buffer> source, long maxBytes) {
        this.source = source;
        this.maxBytes = maxBytes;
    }

    public boolean exceeded() {
        return exceeded;
    }

    @Override
    public ReadStream<Buffer> exceptionHandler(Handler<Throwable> handler) {
        this.exceptionHandler = handler;
        source.exceptionHandler(handler);
        return this;
    }

    @Override
    public ReadStream<Buffer> handler(Handler<Buffer> handler) {
        if (handler == null) {
            source.handler(null);
            return this;
        }
        source.handler(chunk -> {
            if (exceeded) {
                return;
            }
            received += chunk.length();
            if (received > maxBytes) {
                exceeded = true;
                source.pause();
                if (exceptionHandler != null) {
                    exceptionHandler.handle(new TooLargeException(maxBytes));
                }
                return;
            }
            handler.handle(chunk);
        });
        return this;
    }

    @Override
    public ReadStream<Buffer> pause() {
        source.pause();
        return this;
    }

    @Override
    public ReadStream<Buffer> resume() {
        source.resume();
        return this;
    }

    @Override
    public ReadStream<Buffer> fetch(long amount) {
        source.fetch(amount);
        return this;
    }

    @Override
    public ReadStream<Buffer> endHandler(Handler<Void> endHandler) {
        source.endHandler(endHandler);
        return this;
    }
}
