package io.salespulse.gateway.domain;

import java.util.Set;

/**
 * One line of the role matrix: requests with one of {@code methods} to {@code path} (exactly, or as a prefix
 * followed by {@code /} or nothing) go to {@code upstream} if {@code access} allows the caller.
 */
public record RouteRule(String path, boolean exact, Set<String> methods, Upstream upstream, Access access) {

    public RouteRule {
        methods = Set.copyOf(methods);
    }

    public boolean matchesPath(String requestPath) {
        if (requestPath.equals(path) || requestPath.equals(path + "/")) {
            return true;
        }
        // A prefix must end at a segment boundary: /api/orders must not capture /api/ordersummary.
        return !exact && requestPath.startsWith(path + "/");
    }

    public boolean allowsMethod(String method) {
        return methods.contains(method);
    }
}
