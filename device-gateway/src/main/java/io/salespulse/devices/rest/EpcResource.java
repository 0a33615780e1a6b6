package io.salespulse.devices.rest;

import io.salespulse.devices.domain.EpcDecodeException;
import io.salespulse.devices.domain.Sgtin;
import io.salespulse.devices.domain.Sgtin96Decoder;
import io.salespulse.support.ProblemException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** Decodes one EPC for support staff. */
@Path("/devices/epc")
@Produces(MediaType.APPLICATION_JSON)
public class EpcResource {

    public record EpcResponse(String scheme, String uri, String gtin, long serial, String companyPrefix, int filter) {
    }

    @GET
    @Path("/{hex}")
    @RolesAllowed({"admin", "manager", "device"})
    public EpcResponse decode(@PathParam("hex") String hex) {
        try {
            Sgtin s = Sgtin96Decoder.decode(hex);
            return new EpcResponse("sgtin-96", s.uri(), s.gtin14(), s.serial(), s.companyPrefix(), s.filter());
        } catch (EpcDecodeException e) {
            throw e.malformed()
                    ? new ProblemException(400, "Malformed EPC", e.getMessage())
                    : new ProblemException(422, "Unsupported EPC", e.getMessage());
        }
    }
}
