package org.supporthub.web.interfaces.rest;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import org.supporthub.core.application.PortalRegistryService;
import org.supporthub.core.domain.model.portal.Portal;
import org.supporthub.web.infrastructure.security.BasicCredentials;
import org.supporthub.web.infrastructure.security.LoginThrottle;

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

    @Inject
    LoginThrottle throttle;

    @Context
    HttpServletRequest http;

    @Override
    public void filter(ContainerRequestContext request) {
        String address = http == null ? null : http.getRemoteAddr();
        Optional<String[]> presented = credentials(request.getHeaderString(HttpHeaders.AUTHORIZATION));
        String principal = presented.map(c -> c[0]).orElse(null);
        LoginThrottle.Verdict verdict = throttle.admit(LoginThrottle.Door.PORTAL, principal, address);
        if (!verdict.admitted()) {
            request.abortWith(Response.fromResponse(Problem.response(new Problem(
                            "https://support-hub.example/problems/too-many-attempts", "Too many failed attempts", 429,
                            "Too many wrong portal credentials from this address; try again after "
                                    + verdict.retryAfterSeconds() + " s", null)))
                    .header(HttpHeaders.RETRY_AFTER, verdict.retryAfterSeconds()).build());
            return;
        }
        Optional<Portal> portal = presented.flatMap(c -> registry.authenticate(c[0], c[1]));
        if (portal.isEmpty()) {
            throttle.failed(LoginThrottle.Door.PORTAL, principal, address);
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
