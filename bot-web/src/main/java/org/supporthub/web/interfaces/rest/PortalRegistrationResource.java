package org.supporthub.web.interfaces.rest;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.supporthub.core.application.InvalidRegistrationException;
import org.supporthub.core.application.PortalRegistration;
import org.supporthub.core.application.PortalRegistryService;
import org.supporthub.core.application.RegisteredPortal;
import org.supporthub.web.infrastructure.limits.AbuseLimits;
import org.supporthub.web.infrastructure.limits.KeyedRateLimiter;

import java.util.Map;

/** A portal server registers its installation and receives its id and secret. */
@Path("/v1/portal/register")
@RequestScoped
public class PortalRegistrationResource {

    @Inject
    PortalRegistryService registry;

    @Inject
    AbuseLimits limits;

    @Context
    HttpServletRequest http;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Response register(PortalRegistration registration) {
        // Anyone may register, so registrations are what a flood would fill the database with.
        KeyedRateLimiter.Decision allowed = limits.registrations().acquire(http.getRemoteAddr());
        if (!allowed.allowed()) {
            return Response.fromResponse(Problem.response(new Problem(
                            "https://support-hub.example/problems/rate-limited", "Too many registrations", 429,
                            "Too many portal registrations from this address; try again after "
                                    + allowed.retryAfterSeconds() + " s", null)))
                    .header(HttpHeaders.RETRY_AFTER, allowed.retryAfterSeconds()).build();
        }
        if (registration == null) {
            throw new InvalidRegistrationException(Map.of("body", "must be a JSON object"));
        }
        RegisteredPortal registered = registry.register(registration);
        return Response.status(Response.Status.CREATED).entity(registered)
                .header("Cache-Control", "no-store").build();
    }
}
