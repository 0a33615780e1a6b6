package io.salespulse.analytics.rest;

import io.salespulse.analytics.domain.AnalyticsService;
import io.salespulse.analytics.domain.AnalyticsSnapshot;
import io.salespulse.analytics.domain.Granularity;
import io.salespulse.analytics.domain.TrendScope;
import io.salespulse.analytics.domain.TrendSeries;
import io.salespulse.support.Problem;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** GET /analytics (the dashboard document) and GET /analytics/trends. */
@Path("/analytics")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Analytics", description = "Live sales figures by event time")
public class AnalyticsResource {
    private final AnalyticsService analytics;

    public AnalyticsResource(AnalyticsService analytics) {
        this.analytics = analytics;
    }

    @GET
    @RolesAllowed({"admin", "manager", "analyst", "clerk"})
    @Operation(summary = "The live analytics document",
            description = "Totals, today, the last and previous sliding minute, top products, breakdowns per "
                    + "channel/source/category/location/region, the last hour per minute and the last 30 days. The same "
                    + "document is pushed on /ws/live as analytics.snapshot.")
    @APIResponse(responseCode = "200", description = "The figures",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = AnalyticsSnapshot.class)))
    @APIResponse(responseCode = "401", description = "No valid bearer token",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Role not allowed",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public AnalyticsSnapshot analytics() {
        return analytics.snapshot();
    }

    @GET
    @Path("/trends")
    @RolesAllowed({"admin", "manager", "analyst"})
    @Operation(summary = "Revenue and orders per day, ISO week or calendar month",
            description = "From the daily rollups in the business time zone; the last period is the current one. "
                    + "All sales, or those of one channel, one source (under every channel it sells through), or "
                    + "one source within one channel.")
    @APIResponse(responseCode = "200", description = "The periods, oldest first",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = TrendSeries.class)))
    @APIResponse(responseCode = "400", description = "Unknown granularity or channel, periods out of range, "
            + "source longer than 200 characters",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public TrendSeries trends(
            @Parameter(description = "day, week (ISO, Monday first) or month")
            @QueryParam("granularity") @DefaultValue("day")
            @Pattern(regexp = "day|week|month", message = "must be day, week or month") String granularity,
            @Parameter(description = "How many periods, ending with the current one")
            @QueryParam("periods") @DefaultValue("30") @Min(1) @Max(366) int periods,
            @Parameter(description = "Only this channel: WEB, STORE, MARKETPLACE, SCANNER, RFID or API")
            @QueryParam("channel")
            @Pattern(regexp = "WEB|STORE|MARKETPLACE|SCANNER|RFID|API",
                    message = "must be WEB, STORE, MARKETPLACE, SCANNER, RFID or API") String channel,
            @Parameter(description = "Only this source, exactly as the channel names it, e.g. store:ST-001")
            @QueryParam("source") @Size(min = 1, max = 200, message = "must be 1 to 200 characters") String source) {
        return analytics.trends(Granularity.parse(granularity), periods, new TrendScope(channel, source));
    }
}
