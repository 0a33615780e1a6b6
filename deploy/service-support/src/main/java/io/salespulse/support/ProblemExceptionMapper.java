package io.salespulse.support;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.quarkus.logging.Log;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

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

    public static Response response(Problem problem) {
        return Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem).build();
    }
}
