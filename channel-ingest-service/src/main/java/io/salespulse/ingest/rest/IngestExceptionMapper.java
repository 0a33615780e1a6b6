package io.salespulse.ingest.rest;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import io.quarkus.logging.Log;
import io.salespulse.ingest.config.IngestConfig;
import io.salespulse.ingest.data.IdempotencyStoreException;
import io.salespulse.ingest.domain.IdempotencyKeyReusedException;
import io.salespulse.ingest.domain.RequestInProgressException;
import io.salespulse.ingest.messaging.PublishFailedException;
import io.salespulse.support.Problem;
import io.salespulse.support.ProblemExceptionMapper;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/** This service's problems, in the platform's problem+json shape (io.salespulse.support.ProblemExceptionMapper). */
public class IngestExceptionMapper {
    private final long retryAfterSeconds;

    public IngestExceptionMapper(IngestConfig config) {
        this.retryAfterSeconds = Math.max(1, config.retryAfter().toSeconds());
    }

    @ServerExceptionMapper
    public Response kafkaUnavailable(PublishFailedException e) {
        return retryLater(Problem.of(503, "Service Unavailable",
                "The order could not be stored durably right now and was not accepted; retry with the same "
                        + "Idempotency-Key"), retryAfterSeconds);
    }

    @ServerExceptionMapper
    public Response storeUnavailable(IdempotencyStoreException e) {
        Log.error("Idempotency store unavailable", e);
        return retryLater(Problem.of(503, "Service Unavailable",
                "The order could not be checked for duplicates right now and was not accepted; retry later"),
                retryAfterSeconds);
    }

    @ServerExceptionMapper
    public Response keyReused(IdempotencyKeyReusedException e) {
        return ProblemExceptionMapper.response(Problem.of(422, "Idempotency key reused",
                "This Idempotency-Key (or externalId within its source) was already used for a different order; "
                        + "use a new key for a new order"));
    }

    @ServerExceptionMapper
    public Response inProgress(RequestInProgressException e) {
        return retryLater(Problem.of(409, "Request in progress",
                "The first request with this Idempotency-Key (or externalId) is still being processed; retry shortly"),
                1);
    }

    /**
     * A body that is JSON but not an order (a string where a number belongs, an unknown channel...). Jackson's own
     * mapper for this exception would answer without problem+json, so this service maps it, naming the field.
     */
    @ServerExceptionMapper
    public Response mismatchedInput(MismatchedInputException e) {
        String field = path(e.getPath());
        List<Problem.FieldError> errors = field.isEmpty() ? List.of()
                : List.of(new Problem.FieldError(field, expectation(e.getTargetType())));
        String detail = field.isEmpty() ? e.getOriginalMessage() : "The request has 1 invalid field(s)";
        return ProblemExceptionMapper.response(new Problem("about:blank", "Malformed JSON", 400, detail, null, errors));
    }

    private static Response retryLater(Problem problem, long seconds) {
        return Response.fromResponse(ProblemExceptionMapper.response(problem))
                .header(HttpHeaders.RETRY_AFTER, Long.toString(seconds))
                .build();
    }

    /** {@code lines[0].quantity}, the same notation as Bean Validation errors. */
    private static String path(List<JsonMappingException.Reference> references) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference reference : references) {
            if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            } else if (reference.getFieldName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(reference.getFieldName());
            }
        }
        return path.toString();
    }

    private static String expectation(Class<?> type) {
        if (type == null) {
            return "has the wrong type";
        }
        if (type == Integer.class || type == int.class || type == Long.class || type == long.class) {
            return "must be a whole number";
        }
        if (type == BigDecimal.class) {
            return "must be a decimal number (a JSON number or string)";
        }
        if (type == Instant.class) {
            return "must be an ISO-8601 instant such as 2026-01-15T10:15:30Z";
        }
        if (type.isEnum()) {
            return "must be one of " + Arrays.toString(type.getEnumConstants());
        }
        if (type == String.class) {
            return "must be a string";
        }
        return "has the wrong type";
    }
}
