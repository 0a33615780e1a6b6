package io.salespulse.gateway.client;

import io.salespulse.gateway.domain.Upstream;
import io.vertx.core.net.HostAndPort;

import java.net.URI;

/** Where an upstream lives, parsed once from its base URL. */
public record UpstreamTarget(Upstream upstream, String host, int port, boolean ssl, String basePath) {

    public static UpstreamTarget of(Upstream upstream, URI baseUrl) {
        String scheme = baseUrl.getScheme();
        if (!"http".equals(scheme) && !"https".equals(scheme) || baseUrl.getHost() == null) {
            throw new IllegalArgumentException("Upstream " + upstream + " needs an http(s) URL with a host, got " + baseUrl);
        }
        boolean ssl = "https".equals(scheme);
        int port = baseUrl.getPort() != -1 ? baseUrl.getPort() : ssl ? 443 : 80;
        String path = baseUrl.getRawPath() == null ? "" : baseUrl.getRawPath();
        String basePath = path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
        return new UpstreamTarget(upstream, baseUrl.getHost(), port, ssl, basePath);
    }

    /** The request target on the upstream: its base path, the mapped path and the client's query, untouched. */
    public String uri(String path, String rawQuery) {
        return basePath + path + (rawQuery == null || rawQuery.isEmpty() ? "" : "?" + rawQuery);
    }

    public HostAndPort authority() {
        return HostAndPort.create(host, port);
    }

    @Override
    public String toString() {
        return (ssl ? "https://" : "http://") + host + ":" + port + basePath;
    }
}
