package io.salespulse.recommendations.rest;

import io.salespulse.recommendations.SummaryService;
import io.salespulse.recommendations.domain.PeriodFigures;
import io.salespulse.recommendations.domain.Summary;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import java.math.BigDecimal;
import java.util.List;

/** Management reviews of a period's figures (used by reports). */
@Path("/summaries")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class SummaryResource {

    private final SummaryService service;

    SummaryResource(SummaryService service) {
        this.service = service;
    }

    public record RankedRequest(@NotBlank @Size(max = 64) String key, @Size(max = 200) String name,
                                @NotNull @Digits(integer = 12, fraction = 2) BigDecimal revenue, Long units) {
    }

    public record SummaryRequest(@NotBlank @Size(max = 64) String period, @NotBlank @Size(min = 3, max = 3) String currency,
                                 @NotNull @Digits(integer = 12, fraction = 2) BigDecimal revenue,
                                 @PositiveOrZero long orders, long units,
                                 @Digits(integer = 12, fraction = 2) BigDecimal previousRevenue,
                                 @Size(max = 50) List<@Valid RankedRequest> topProducts,
                                 @Size(max = 200) List<@Valid RankedRequest> byLocation) {

        PeriodFigures toFigures() {
            return new PeriodFigures(period, currency, revenue, orders, units, previousRevenue, ranked(topProducts),
                    ranked(byLocation));
        }

        private static List<PeriodFigures.Ranked> ranked(List<RankedRequest> rows) {
            return rows == null ? List.of()
                    : rows.stream().map(r -> new PeriodFigures.Ranked(r.key(), r.name(), r.revenue(), r.units())).toList();
        }
    }

    @POST
    @RolesAllowed({"admin", "manager", "analyst"})
    public Summary summarise(@NotNull @Valid SummaryRequest request) {
        return service.summarise(request.toFigures());
    }
}
