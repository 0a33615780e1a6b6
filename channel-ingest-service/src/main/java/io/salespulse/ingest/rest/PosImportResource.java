package io.salespulse.ingest.rest;

import io.quarkus.security.identity.SecurityIdentity;
import io.salespulse.ingest.domain.pos.PosImportResult;
import io.salespulse.ingest.domain.pos.PosImportService;
import io.salespulse.support.Problem;
import io.salespulse.support.ProblemException;
import io.salespulse.support.security.StaffLocations;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestQuery;
import org.jboss.resteasy.reactive.multipart.FileUpload;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.List;
import java.util.UUID;

/**
 * Store POS exports ({@code POST /api/imports/pos} behind the gateway). The body is read as a stream while it
 * arrives, never whole: a 100 MB export is imported in bounded memory. Blocking, on a worker thread.
 */
@Path("/imports/pos")
@Tag(name = "Imports", description = "Sales from store POS exports")
public class PosImportResource {
    static final String CSV = "text/csv";

    private final PosImportService imports;
    private final JsonWebToken caller;
    private final SecurityIdentity identity;

    public PosImportResource(PosImportService imports, JsonWebToken caller, SecurityIdentity identity) {
        this.imports = imports;
        this.caller = caller;
        this.identity = identity;
    }

    @POST
    @Consumes({CSV, MediaType.TEXT_PLAIN, "application/csv", MediaType.APPLICATION_OCTET_STREAM})
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({"admin", "manager", "clerk", "integration"})
    @Operation(summary = "Import a POS export (CSV)",
            description = "UTF-8 CSV with a header row: store, receipt_id, timestamp (ISO-8601 with offset), "
                    + "sku_or_gtin (or sku / gtin), quantity, unit_price, payment_type (CASH, CARD, MOBILE, VOUCHER, "
                    + "OTHER), optional currency. Consecutive rows of one store and receipt id are one STORE sale "
                    + "(externalId <store>:<receipt id>). Bad rows are reported with their line number; a receipt with "
                    + "a bad row is not imported. Uploading the same file again publishes nothing new.")
    @RequestBody(content = @Content(mediaType = CSV, schema = @Schema(type = SchemaType.STRING, format = "binary")))
    @APIResponse(responseCode = "200", description = "Imported; rejected rows are listed",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PosImportAnswer.class)))
    @APIResponse(responseCode = "400", description = "No header row, missing columns, or a bad delimiter parameter",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "401", description = "No valid bearer token")
    @APIResponse(responseCode = "403", description = "The caller's role may not enter sales")
    @APIResponse(responseCode = "413", description = "Larger than quarkus.http.limits.max-body-size (200 MB)")
    @APIResponse(responseCode = "503", description = "Kafka or PostgreSQL failed midway; upload the same file again",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public PosImportAnswer importCsv(
            @Parameter(description = "Column separator: , (default), ; or tab") @RestQuery String delimiter,
            InputStream body) {
        return PosImportAnswer.of(imports.importCsv(body, delimiter(delimiter), uploader()));
    }

    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({"admin", "manager", "clerk", "integration"})
    @Operation(summary = "Import a POS export uploaded as a form (field \"file\")",
            description = "The same import for browsers: the file part is spooled to disk, then streamed.")
    @APIResponse(responseCode = "200", description = "Imported; rejected rows are listed",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PosImportAnswer.class)))
    @APIResponse(responseCode = "400", description = "No file part, no header row or missing columns",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public PosImportAnswer importForm(@RestQuery String delimiter, @RestForm("file") FileUpload file) {
        if (file == null || file.uploadedFile() == null) {
            throw new ProblemException(400, "Invalid request", "The form needs a part named \"file\" with the CSV");
        }
        try (InputStream csv = Files.newInputStream(file.uploadedFile())) {
            return PosImportAnswer.of(imports.importCsv(csv, delimiter(delimiter), uploader()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private PosImportService.Uploader uploader() {
        return new PosImportService.Uploader(CallerSource.of(caller), StaffLocations.boundOf(identity, caller));
    }

    private static char delimiter(String value) {
        if (value == null || value.isEmpty() || ",".equals(value)) {
            return ',';
        }
        return switch (value) {
            case ";", "semicolon" -> ';';
            case "\t", "tab" -> '\t';
            case "|", "pipe" -> '|';
            default -> throw new ProblemException(400, "Invalid request",
                    "delimiter must be , ; tab or | (not " + value.substring(0, Math.min(5, value.length())) + ")");
        };
    }

    /** The import's figures and its rejected rows. */
    @Schema(name = "PosImport")
    public record PosImportAnswer(UUID importId, String fileSha256, long bytes, int rows, int receipts,
                                  @Schema(description = "Receipts published as new sale events") int accepted,
                                  int acceptedRows,
                                  @Schema(description = "Receipts imported before: no new event") int duplicateReceipts,
                                  int rejectedRows,
                                  @Schema(description = "The first 1000 rejected rows: line number and reason")
                                  List<PosImportResult.Rejection> rejected,
                                  @Schema(description = "An earlier import of the identical file") UUID previousImportId,
                                  @Schema(description = "Set when the file could not be read to its end") String error) {

        static PosImportAnswer of(PosImportResult result) {
            return new PosImportAnswer(result.importId(), result.fileSha256(), result.bytes(), result.rows(),
                    result.receipts(), result.accepted(), result.acceptedRows(), result.duplicateReceipts(),
                    result.rejectedRows(), result.rejected(), result.previousImportId(), result.error());
        }
    }
}
