package receivables.bench.bare;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** {@code GET /api/v1/health} of the bare stack: up as soon as the whiteboard serves it. */
@Path("api/v1/health")
@Produces(MediaType.APPLICATION_JSON)
public final class HealthResource {

    @GET
    public String status() {
        return "{\"status\":\"UP\"}";
    }
}
