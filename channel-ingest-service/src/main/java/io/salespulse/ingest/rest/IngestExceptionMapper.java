package io.salespulse.ingest.rest;

import io.quarkus.logging.Log;
import io.salespulse.ingest.config.IngestConfig;
import io.salespulse.ingest.data.IdempotencyStoreException;
import io.salespulse.ingest.data.StoreException;
import io.salespulse.ingest.domain.IdempotencyKeyReusedException;
import io.salespulse.ingest.domain.RequestInProgressException;
import io.salespulse.ingest.domain.LocationNotPermittedException;
import io.salespulse.ingest.domain.SourceNotPermittedException;
import io.salespulse.ingest.domain.pos.PosFileException;
import io.salespulse.ingest.domain.pos.PosImportAbortedException;
import io.salespulse.ingest.domain.webhook.CustomerStoreUnavailableException;
import io.salespulse.ingest.domain.webhook.WebhookRejectedException;
import io.salespulse.ingest.messaging.PublishFailedException;
import io.salespulse.support.Problem;
import io.salespulse.support.ProblemExceptionMapper;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;


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
    public Response sourceNotPermitted(SourceNotPermittedException e) {
        return ProblemExceptionMapper.response(Problem.of(403, "Forbidden", e.getMessage()));
    }

    @ServerExceptionMapper
    public Response locationNotPermitted(LocationNotPermittedException e) {
        return ProblemExceptionMapper.response(Problem.of(403, "Forbidden", e.getMessage()));
    }

    @ServerExceptionMapper
    public Response inProgress(RequestInProgressException e) {
        return retryLater(Problem.of(409, "Request in progress",
                "The first request with this Idempotency-Key (or externalId) is still being processed; retry shortly"),
                1);
    }

    /** The platform redelivers a refused webhook, so the customer data is handed over on a later attempt. */
    @ServerExceptionMapper
    public Response customerStoreUnavailable(CustomerStoreUnavailableException e) {
        return retryLater(Problem.of(503, "Service Unavailable",
                "The delivery's customer data could not be stored right now; the delivery was not recorded, "
                        + "deliver it again"), retryAfterSeconds);
    }

    /** Unknown source, missing or wrong signature: the same 401 for all, the log tells them apart. */
    @ServerExceptionMapper
    public Response webhookRejected(WebhookRejectedException e) {
        return ProblemExceptionMapper.response(Problem.of(401, "Unauthorized", e.getMessage()));
    }

    @ServerExceptionMapper
    public Response posFile(PosFileException e) {
        return ProblemExceptionMapper.response(Problem.of(400, "Not a POS export", e.getMessage()));
    }

    @ServerExceptionMapper
    public Response posAborted(PosImportAbortedException e) {
        return retryLater(Problem.of(503, "Import interrupted", e.getMessage()), retryAfterSeconds);
    }

    @ServerExceptionMapper
    public Response storeDown(StoreException e) {
        Log.error("PostgreSQL unavailable", e);
        return retryLater(Problem.of(503, "Service Unavailable", "The database is unavailable right now; retry later"),
                retryAfterSeconds);
    }

    private static Response retryLater(Problem problem, long seconds) {
        return Response.fromResponse(ProblemExceptionMapper.response(problem))
                .header(HttpHeaders.RETRY_AFTER, Long.toString(seconds))
                .build();
    }
}
