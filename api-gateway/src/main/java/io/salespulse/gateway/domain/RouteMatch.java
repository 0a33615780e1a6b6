package io.salespulse.gateway.domain;

import java.util.Set;

/** What the route table says about a method and path, before anyone looks at the token. */
public sealed interface RouteMatch {

    /** A rule applies; {@code upstreamPath} is the path to call on the upstream. */
    record Routed(RouteRule rule, String upstreamPath) implements RouteMatch {
    }

    /** The path is known but not with this method (405, with these in {@code Allow}). */
    record MethodNotAllowed(Set<String> allowed) implements RouteMatch {
        public MethodNotAllowed {
            allowed = Set.copyOf(allowed);
        }
    }

    /** No service owns this path (404). */
    record NotFound() implements RouteMatch {
    }
}
