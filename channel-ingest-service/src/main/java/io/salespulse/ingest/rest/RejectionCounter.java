package io.salespulse.ingest.rest;

import io.salespulse.ingest.domain.IngestMetrics;
import io.salespulse.support.Problem;
import jakarta.ws.rs.container.ContainerResponseContext;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;
import org.jboss.resteasy.reactive.server.SimpleResourceInfo;

/**
 * Counts refused orders (salespulse_ingest_rejected_total by reason) in one place, whoever produced the error:
 * Bean Validation and JSON errors are answered by the shared mapper before the resource method runs.
 * Authentication failures are not orders and are not counted; 413 never reaches this layer (Vert.x answers it).
 */
public class RejectionCounter {
    private final IngestMetrics metrics;

    public RejectionCounter(IngestMetrics metrics) {
        this.metrics = metrics;
    }

    @ServerResponseFilter
    public void count(ContainerResponseContext response, SimpleResourceInfo resource) {
        if (resource == null || resource.getResourceClass() != OrderResource.class) {
            return;
        }
        String reason = switch (response.getStatus()) {
            case 400 -> response.getEntity() instanceof Problem problem && "Malformed JSON".equals(problem.title())
                    ? "malformed" : "invalid";
            case 409 -> "in_progress";
            case 422 -> "idempotency_key_reused";
            case 503 -> "unavailable";
            case 500 -> "error";
            default -> null;
        };
        if (reason != null) {
            metrics.rejected(reason);
        }
    }
}
