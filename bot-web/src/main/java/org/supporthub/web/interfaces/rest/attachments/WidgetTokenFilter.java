package org.supporthub.web.interfaces.rest.attachments;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import org.supporthub.core.application.InvalidUserTokenException;
import org.supporthub.core.application.PortalRegistryService;
import org.supporthub.core.application.UserTokenService;
import org.supporthub.web.interfaces.rest.Problem;

/**
 * Lets a widget call through only with a valid portal-signed user token (the same check as the socket's
 * {@code hello}); the verified user and portal go on the request. The widget runs on the portal's pages, so
 * its calls are cross-origin: a registered portal's origin is allowed to read the answers (CORS), nobody
 * else's.
 */
@Provider
@WidgetAuthenticated
@Priority(Priorities.AUTHENTICATION)
public class WidgetTokenFilter implements ContainerRequestFilter, ContainerResponseFilter {

    static final String USER = "supporthub.widget-user";
    private static final String BEARER = "Bearer ";

    @Inject
    UserTokenService tokens;

    @Inject
    PortalRegistryService portals;

    @Override
    public void filter(ContainerRequestContext request) {
        String header = request.getHeaderString(HttpHeaders.AUTHORIZATION);
        try {
            if (header == null || !header.startsWith(BEARER)) {
                throw new InvalidUserTokenException(InvalidUserTokenException.Reason.TOKEN_MISSING, "No bearer token");
            }
            request.setProperty(USER, tokens.verifyWithPortal(header.substring(BEARER.length()).trim()));
        } catch (InvalidUserTokenException e) {
            request.abortWith(Problem.response(Response.Status.UNAUTHORIZED, "unauthorized", "Widget token required",
                    "Send the portal-signed user token as Authorization: Bearer"));
        }
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        WidgetCors.allow(request.getHeaderString("Origin"), portals, response.getHeaders());
    }
}
