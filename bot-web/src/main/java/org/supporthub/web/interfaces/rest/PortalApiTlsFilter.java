package org.supporthub.web.interfaces.rest;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import org.supporthub.core.application.HubSettings;

/**
 * The portal API carries portal secrets both ways (issued at registration, presented on every call), so
 * in production it answers over HTTPS only. Refusing a plain request cannot unsend a secret already sent,
 * but the portal's administrator learns at once that the set-up is wrong, and no secret is ever issued
 * in clear.
 */
@Provider
@PreMatching
@Priority(Priorities.AUTHENTICATION - 100)
public class PortalApiTlsFilter implements ContainerRequestFilter {

    static final String PORTAL_API = "v1/portal/";

    @Inject
    HubSettings settings;

    @Override
    public void filter(ContainerRequestContext request) {
        String path = request.getUriInfo().getPath();
        boolean portalApi = (path.startsWith("/") ? path.substring(1) : path).startsWith(PORTAL_API);
        if (portalApi && settings.credentialsRequireTls() && !request.getSecurityContext().isSecure()) {
            request.abortWith(Problem.response(Response.Status.FORBIDDEN, "https-required", "HTTPS required",
                    "The portal API carries the portal secret, so it is served over HTTPS only"));
        }
    }
}
