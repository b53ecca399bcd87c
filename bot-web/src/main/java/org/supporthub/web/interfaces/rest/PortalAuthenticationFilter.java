package org.supporthub.web.interfaces.rest;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import org.supporthub.core.application.PortalRegistryService;
import org.supporthub.core.domain.model.portal.Portal;
import org.supporthub.web.infrastructure.security.BasicCredentials;

import java.util.Optional;

/**
 * Authenticates a portal server (HTTP Basic: portal id and portal secret) and lets it act on its own
 * portal only: wrong credentials are 401, another portal's id in the path is 403, and neither answer
 * says anything about the other portal.
 */
@Provider
@PortalAuthenticated
@Priority(Priorities.AUTHENTICATION)
public class PortalAuthenticationFilter implements ContainerRequestFilter {

    @Inject
    PortalRegistryService registry;

    @Override
    public void filter(ContainerRequestContext request) {
        Optional<Portal> portal = credentials(request.getHeaderString(HttpHeaders.AUTHORIZATION))
                .flatMap(c -> registry.authenticate(c[0], c[1]));
        if (portal.isEmpty()) {
            request.abortWith(Response.fromResponse(Problem.response(Response.Status.UNAUTHORIZED, "unauthorized",
                            "Portal credentials required", "Use HTTP Basic with the portal id and the portal secret"))
                    .header(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"support-hub-portal\", charset=\"UTF-8\"")
                    .build());
            return;
        }
        String pathPortal = request.getUriInfo().getPathParameters().getFirst("portalId");
        if (pathPortal != null && !pathPortal.equals(portal.get().id())) {
            request.abortWith(Problem.response(Response.Status.FORBIDDEN, "forbidden", "Not your portal",
                    "These credentials may act on their own portal only"));
        }
    }

    /** {@code [id, secret]} from a Basic header, or empty. */
    static Optional<String[]> credentials(String header) {
        return BasicCredentials.parse(header);
    }
}
