package org.supporthub.web.interfaces.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.supporthub.activation.application.PortalRecheckService;
import org.supporthub.activation.application.PortalStatusQueries;
import org.supporthub.activation.application.PortalStatusQueries.PortalFilter;
import org.supporthub.activation.domain.model.CheckArea;
import org.supporthub.core.domain.model.bot.BotState;
import org.supporthub.routing.application.SupportSessionQueries;

import java.util.List;

/**
 * Managers look after every registered portal here: the list (bot state, licence, version, heartbeat,
 * latest activation with its checks), filtered and a page at a time; one portal; its latest support
 * sessions; and "re-check now". A portal's conversations are {@code GET /api/v1/admin/portals/{id}/history}.
 */
@Path("/v1/admin/portals")
@RolesAllowed("manager")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class ManagerPortalResource {

    private static final String STATES = "DISABLED|INSTALLED|ACTIVATING|CONNECTED";
    private static final String AREAS = "SUPPORT_CHANNEL|ADMINISTRATOR|PUBLIC_ADDRESS|HUB_REACHES_PORTAL"
            + "|PORTAL_REACHES_HUB|LICENSE|OPEN_CHANNEL|MEMBERSHIP|UPDATES";

    @Inject
    PortalStatusQueries statuses;

    @Inject
    PortalRecheckService recheck;

    @Inject
    SupportSessionQueries sessions;

    /**
     * @param search       words of the name, public address or id
     * @param state        the bot's state
     * @param failingCheck an activation check area that failed in the portal's latest activation
     */
    @GET
    public PortalStatusQueries.PortalPage list(
            @QueryParam("q") @Size(max = 200) String search,
            @QueryParam("state") @Pattern(regexp = STATES, message = "must be " + STATES) String state,
            @QueryParam("failingCheck") @Pattern(regexp = AREAS, message = "must be a check area") String failingCheck,
            @QueryParam("offset") @DefaultValue("0") @Min(0) int offset,
            @QueryParam("limit") @DefaultValue("50") @Min(1) @Max(PortalStatusQueries.MAX_PAGE) int limit) {
        return statuses.portals(new PortalFilter(search, state == null ? null : BotState.valueOf(state),
                failingCheck == null ? null : CheckArea.valueOf(failingCheck)), offset, limit);
    }

    @GET
    @Path("{portalId}")
    public Response portal(@PathParam("portalId") String portalId) {
        return statuses.portal(portalId).map(p -> Response.ok(p).build()).orElseGet(() -> noSuchPortal(portalId));
    }

    /** The portal's latest support sessions, newest first. */
    @GET
    @Path("{portalId}/sessions")
    public List<SupportSessionQueries.PortalSession> sessions(@PathParam("portalId") String portalId,
            @QueryParam("limit") @DefaultValue("50") @Min(1) @Max(SupportSessionQueries.MAX_PORTAL_SESSIONS) int limit) {
        return sessions.portalSessions(portalId, limit);
    }

    /**
     * Re-checks the portal now, as the periodic re-check would (same checks, same rules), and answers what
     * each check found and the bot's state before and after. Bounded by the checks' own deadlines.
     */
    @POST
    @Path("{portalId}/recheck")
    public Response recheck(@PathParam("portalId") String portalId) {
        try {
            return recheck.recheckNow(portalId).map(o -> Response.ok(o).build())
                    .orElseGet(() -> noSuchPortal(portalId));
        } catch (PortalRecheckService.RecheckRunningException e) {
            return Problem.response(Response.Status.CONFLICT, "recheck-running", "A re-check is already running",
                    e.getMessage());
        }
    }

    private static Response noSuchPortal(String portalId) {
        return Problem.response(Response.Status.NOT_FOUND, "unknown-portal", "No such portal", portalId);
    }
}
