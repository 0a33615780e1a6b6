package io.salespulse.gateway.domain;

import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Request ids tie a client's request to the logs of every service it touched. A client may bring its own
 * (retries keep theirs), but only a short token of safe characters: anything else could forge log lines or
 * bloat headers, so it is replaced by a fresh UUID.
 */
public final class RequestIds {
    public static final String HEADER = "X-Request-Id";
    private static final Pattern SANE = Pattern.compile("[A-Za-z0-9._:-]{1,128}");

    private RequestIds() {
    }

    public static String keepOrCreate(String offered) {
        return offered != null && SANE.matcher(offered).matches() ? offered : UUID.randomUUID().toString();
    }
}
