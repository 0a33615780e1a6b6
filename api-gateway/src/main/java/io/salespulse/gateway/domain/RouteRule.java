package io.salespulse.gateway.domain;

import java.util.Set;

/**
 * One line of the role matrix: requests with one of {@code methods} to {@code path} (exactly, or as a prefix
 * followed by {@code /} or nothing) go to {@code upstream} if {@code access} allows the caller.
 * An exact path may hold placeholders as in JAX-RS ({@code /api/products/{id}/changes}): each stands for any one
 * segment, so an endpoint below an id can have other roles than the prefix it falls under.
 */
public record RouteRule(String path, boolean exact, Set<String> methods, Upstream upstream, Access access) {

    public RouteRule {
        methods = Set.copyOf(methods);
        if (!exact && isTemplate(path)) {
            throw new IllegalArgumentException("Only exact paths take placeholders: " + path);
        }
    }

    public boolean matchesPath(String requestPath) {
        if (isTemplate(path)) {
            return matchesTemplate(requestPath);
        }
        if (requestPath.equals(path) || requestPath.equals(path + "/")) {
            return true;
        }
        // A prefix must end at a segment boundary: /api/orders must not capture /api/ordersummary.
        return !exact && requestPath.startsWith(path + "/");
    }

    public boolean allowsMethod(String method) {
        return methods.contains(method);
    }

    /** Segment by segment; an empty segment fills a placeholder too, so the stricter rule also catches "//". */
    private boolean matchesTemplate(String requestPath) {
        String withoutSlash = requestPath.endsWith("/") ? requestPath.substring(0, requestPath.length() - 1)
                : requestPath;
        String[] expected = path.split("/", -1);
        String[] actual = withoutSlash.split("/", -1);
        if (expected.length != actual.length) {
            return false;
        }
        for (int i = 0; i < expected.length; i++) {
            if (!isPlaceholder(expected[i]) && !expected[i].equals(actual[i])) {
                return false;
            }
        }
        return true;
    }

    private static boolean isTemplate(String path) {
        return path.contains("{");
    }

    private static boolean isPlaceholder(String segment) {
        return segment.startsWith("{") && segment.endsWith("}");
    }
}
