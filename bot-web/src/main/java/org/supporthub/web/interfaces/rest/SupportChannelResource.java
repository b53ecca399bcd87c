package org.supporthub.web.interfaces.rest;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.supporthub.core.application.PortalRegistryService;
import org.supporthub.core.domain.model.bot.BotState;

/** The source document's "Enable the support channel" checkbox, as the portal server sets it. */
@Path("/v1/portal/{portalId}/support-channel")
@PortalAuthenticated
@RequestScoped
public class SupportChannelResource {

    /** The checkbox's value. */
    public record SupportChannel(Boolean enabled) {
    }

    /** The answer: the checkbox and where the bot stands now. */
    public record SupportChannelState(boolean enabled, BotState botState) {
    }

    @Inject
    PortalRegistryService registry;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public SupportChannelState read(@PathParam("portalId") String portalId) {
        BotState state = registry.find(portalId).orElseThrow().botState();
        return new SupportChannelState(state != BotState.DISABLED, state);
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Response set(@PathParam("portalId") String portalId, SupportChannel channel) {
        if (channel == null || channel.enabled() == null) {
            return Problem.response(new Problem("https://support-hub.example/problems/invalid-request",
                    "The request is not valid", 400, "1 field(s) are not valid",
                    java.util.List.of(new Problem.FieldError("enabled", "must be true or false"))));
        }
        BotState state = registry.setSupportChannel(portalId, channel.enabled());
        return Response.ok(new SupportChannelState(state != BotState.DISABLED, state)).build();
    }
}
