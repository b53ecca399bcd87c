package org.supporthub.web.interfaces.rest;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.supporthub.core.application.PortalRegistryService;

import java.time.Instant;

/**
 * The portal server's heartbeat: proof that the portal can reach the hub, which activation requires
 * ("checked from both sides"). Authenticated with the portal secret like every portal API call.
 */
@Path("/v1/portal/{portalId}/heartbeat")
@PortalAuthenticated
@RequestScoped
public class HeartbeatResource {

    /** When the hub received it. */
    public record Heartbeat(Instant receivedAt) {
    }

    @Inject
    PortalRegistryService registry;

    @POST
    @Produces(MediaType.APPLICATION_JSON)
    public Heartbeat beat(@PathParam("portalId") String portalId) {
        return new Heartbeat(registry.heartbeat(portalId));
    }
}
