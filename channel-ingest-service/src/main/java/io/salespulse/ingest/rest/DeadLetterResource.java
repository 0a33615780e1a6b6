package io.salespulse.ingest.rest;

import io.salespulse.ingest.data.DeadLetterRepository;
import io.salespulse.ingest.data.DeadLetterRow;
import io.salespulse.ingest.data.DeadLetterStatus;
import io.salespulse.ingest.domain.deadletter.DeadLetterService;
import io.salespulse.ingest.domain.deadletter.ReplayResult;
import io.salespulse.support.Problem;
import io.salespulse.support.ProblemException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * Rejected input of the whole platform ({@code /api/ingest/deadletters} behind the gateway): webhook deliveries this
 * service could not map and every record of sales.deadletter.v1 (e.g. sales with SKUs the catalog did not know).
 * Managers look; an admin replays once the cause is fixed.
 */
@Path("/ingest/deadletters")
@Tag(name = "Dead letters", description = "Rejected deliveries and events, and their replay")
@Produces(MediaType.APPLICATION_JSON)
public class DeadLetterResource {
    private final DeadLetterService deadLetters;
    private final JsonWebToken caller;

    public DeadLetterResource(DeadLetterService deadLetters, JsonWebToken caller) {
        this.deadLetters = deadLetters;
        this.caller = caller;
    }

    @GET
    @RolesAllowed({"admin", "manager"})
    @Operation(summary = "List dead letters, newest first",
            description = "Filter by status (OPEN by default, REPLAYED or ALL) and source; page with nextCursor.")
    @APIResponse(responseCode = "200", description = "A page of dead letters (without payloads)",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Page.class)))
    @APIResponse(responseCode = "400", description = "Unknown status or a broken cursor",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Page list(@Parameter(description = "OPEN (default), REPLAYED or ALL") @RestQuery String status,
                     @Parameter(description = "Only this source, e.g. shopify:shop.myshopify.com or sales.events.v1")
                     @RestQuery @Size(min = 1, max = 200) String source,
                     @Parameter(description = "1..500, default 50") @RestQuery @Min(1) @Max(500) Integer limit,
                     @Parameter(description = "nextCursor of the previous page") @RestQuery String cursor) {
        int size = limit == null ? 50 : limit;
        List<DeadLetterRow> rows = deadLetters.list(status(status), source, decode(cursor), size + 1);
        List<DeadLetterView> items = rows.stream().limit(size).map(DeadLetterView::summary).toList();
        String next = rows.size() > size ? encode(rows.get(size - 1)) : null;
        return new Page(items, next);
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({"admin", "manager"})
    @Operation(summary = "One dead letter with its payload and headers")
    @APIResponse(responseCode = "200", description = "The dead letter",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = DeadLetterView.class)))
    @APIResponse(responseCode = "404", description = "No such dead letter",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public DeadLetterView get(@RestPath UUID id) {
        return deadLetters.find(id).map(DeadLetterView::detail)
                .orElseThrow(() -> new ProblemException(404, "Not Found", "No dead letter " + id));
    }

    @POST
    @Path("/{id}/replay")
    @RolesAllowed("admin")
    @Operation(summary = "Re-submit a dead letter after its cause was fixed",
            description = "A rejected sale event is published to sales.events.v1 again as it was (same eventId: "
                    + "consumers that processed it ignore it); a webhook delivery is mapped again from its stored, "
                    + "redacted body and published.")
    @APIResponse(responseCode = "200", description = "Replayed",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ReplayAnswer.class)))
    @APIResponse(responseCode = "404", description = "No such dead letter",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "Already replayed",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "Not replayable here, or it still fails (the reason is kept)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "503", description = "Kafka or PostgreSQL unavailable; try again",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public ReplayAnswer replay(@RestPath UUID id) {
        ReplayResult result = deadLetters.replay(id, CallerSource.of(caller));
        return new ReplayAnswer(result.id(), "REPLAYED", result.action(), result.eventIds());
    }

    /** A page of the listing. */
    @Schema(name = "DeadLetterPage")
    public record Page(List<DeadLetterView> items,
                       @Schema(description = "Pass as cursor for the next page; absent on the last") String nextCursor) {
    }

    /** The answer of a replay. */
    @Schema(name = "DeadLetterReplay")
    public record ReplayAnswer(UUID id, @Schema(enumeration = "REPLAYED") String status,
                               @Schema(enumeration = {"REPUBLISHED", "REPROCESSED"}) String action,
                               List<UUID> eventIds) {
    }

    private static DeadLetterStatus status(String value) {
        if (value == null || value.isBlank()) {
            return DeadLetterStatus.OPEN;
        }
        String status = value.strip().toUpperCase(Locale.ROOT);
        if ("ALL".equals(status)) {
            return null;
        }
        try {
            return DeadLetterStatus.valueOf(status);
        } catch (IllegalArgumentException e) {
            throw new ProblemException(400, "Invalid request", "status must be OPEN, REPLAYED or ALL");
        }
    }

    private static String encode(DeadLetterRow last) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(
                (last.failedAt() + "|" + last.id()).getBytes(StandardCharsets.UTF_8));
    }

    private static DeadLetterRepository.Cursor decode(String cursor) {
        if (cursor == null || cursor.isBlank()) {
            return null;
        }
        try {
            String[] parts = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8).split("\\|", 2);
            return new DeadLetterRepository.Cursor(Instant.parse(parts[0]), UUID.fromString(parts[1]));
        } catch (RuntimeException e) {
            throw new ProblemException(400, "Invalid request", "cursor is not a nextCursor of this listing");
        }
    }
}
