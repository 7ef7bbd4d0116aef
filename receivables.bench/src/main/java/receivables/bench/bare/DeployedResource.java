package receivables.bench.bare;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** {@code GET /api/v1/deployed}: served while the trivial bundle dropped into the bare stack's deploy/ runs. */
@Path("api/v1/deployed")
@Produces(MediaType.APPLICATION_JSON)
public final class DeployedResource {

    @GET
    public String status() {
        return "{\"deployed\":true}";
    }
}
