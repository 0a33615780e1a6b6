package io.salespulse.support;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import io.quarkus.logging.Log;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/** Turns every error into RFC 7807 problem+json: clear 4xx for bad input, never a stack trace to the caller. */
public class ProblemExceptionMapper {

    @ServerExceptionMapper
    public Response invalidInput(ConstraintViolationException e) {
        List<Problem.FieldError> errors = e.getConstraintViolations().stream()
                .map(ProblemExceptionMapper::fieldError)
                .sorted(Comparator.comparing(Problem.FieldError::field))
                .toList();
        return response(new Problem("about:blank", "Invalid request", 400,
                "The request has " + errors.size() + " invalid field(s)", null, errors));
    }

    @ServerExceptionMapper
    public Response unreadable(JsonProcessingException e) {
        return response(Problem.of(400, "Malformed JSON", e.getOriginalMessage()));
    }

    /**
     * JSON that is not what the endpoint expects (a string where a number belongs, an unknown enum value...).
     * Quarkus' own mapper for this exact class would answer without problem+json, so it is mapped here, naming
     * the field in the same notation as Bean Validation errors.
     */
    @ServerExceptionMapper
    public Response mismatchedInput(MismatchedInputException e) {
        String field = jsonPath(e.getPath());
        List<Problem.FieldError> errors = field.isEmpty() ? List.of()
                : List.of(new Problem.FieldError(field, expectation(e.getTargetType())));
        String detail = field.isEmpty() ? e.getOriginalMessage() : "The request has 1 invalid field(s)";
        return response(new Problem("about:blank", "Malformed JSON", 400, detail, null, errors));
    }

    @ServerExceptionMapper
    public Response unauthenticated(AuthenticationFailedException e) {
        return response(Problem.of(401, "Unauthorized", "A valid bearer token is required"));
    }

    @ServerExceptionMapper
    public Response unauthenticated(UnauthorizedException e) {
        return response(Problem.of(401, "Unauthorized", "A valid bearer token is required"));
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e) {
        return response(Problem.of(403, "Forbidden", "Your role does not allow this"));
    }

    @ServerExceptionMapper
    public Response problem(ProblemException e) {
        return response(e.problem());
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e) {
        // Syntactically broken JSON reaches us wrapped in a plain 400: say what is wrong with it.
        if (e.getCause() instanceof JsonProcessingException json) {
            return json instanceof MismatchedInputException mismatched ? mismatchedInput(mismatched) : unreadable(json);
        }
        Response.StatusType status = e.getResponse().getStatusInfo();
        return response(Problem.of(status.getStatusCode(), status.getReasonPhrase(), e.getMessage()));
    }

    @ServerExceptionMapper(priority = 10_000)
    public Response unexpected(Exception e) {
        Log.error("Unexpected error", e);
        return response(Problem.of(500, "Internal Server Error", "An unexpected error occurred"));
    }

    private static Problem.FieldError fieldError(ConstraintViolation<?> violation) {
        String path = violation.getPropertyPath().toString();
        // Drop the method and parameter name ("create.order.lines[0].quantity" -> "lines[0].quantity").
        String[] parts = path.split("\\.", 3);
        String field = parts.length == 3 ? parts[2] : parts[parts.length - 1];
        return new Problem.FieldError(field, violation.getMessage());
    }

    /** {@code lines[0].quantity}. */
    private static String jsonPath(List<JsonMappingException.Reference> references) {
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

    public static Response response(Problem problem) {
        return Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem).build();
    }
}
