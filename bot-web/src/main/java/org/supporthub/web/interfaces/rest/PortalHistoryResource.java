package org.supporthub.web.interfaces.rest;

import jakarta.enterprise.context.RequestScoped;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;
import org.supporthub.routing.application.SupportSessionQueries;
import org.supporthub.routing.application.SupportSessionQueries.HistoryWindow;

/** Managers read any portal's history, a page at a time, as the console's history reads it for operators. */
@Path("/v1/admin/portals/{portalId}/history")
@RolesAllowed("manager")
@RequestScoped
public class PortalHistoryResource {

    @Inject
    SupportSessionQueries queries;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Response history(@PathParam("portalId") String portalId, @QueryParam("page") @DefaultValue("0") int page,
                            @QueryParam("size") @DefaultValue("20") int size,
                            @QueryParam("messages") @DefaultValue("100") int messages,
                            @Context SecurityContext security, @Context UriInfo uri) {
        SupportSessionQueries.HistoryPage p = queries.portalHistory(security.getUserPrincipal().getName(), true,
                portalId, new HistoryWindow(page, size, messages)).orElseThrow();
        Response.ResponseBuilder ok = Response.ok(p.conversations());
        if (p.hasMore()) {
            ok.link(uri.getRequestUriBuilder().replaceQueryParam("page", p.page() + 1)
                    .replaceQueryParam("size", p.size()).build(), "next");
        }
        return ok.build();
    }
}
