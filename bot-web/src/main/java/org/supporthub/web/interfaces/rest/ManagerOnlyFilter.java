package org.supporthub.web.interfaces.rest;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;

/**
 * Lets only the {@code manager} role through. Authentication already happened (or the request was
 * refused with 401) in {@code StaffAuthenticationMechanism}; here a signed-in operator gets 403.
 */
@Provider
@ManagerOnly
@Priority(Priorities.AUTHORIZATION)
public class ManagerOnlyFilter implements ContainerRequestFilter {

    static final String MANAGER = "manager";

    @Override
    public void filter(ContainerRequestContext request) {
        if (request.getSecurityContext().getUserPrincipal() == null) {
            request.abortWith(Problem.response(Response.Status.UNAUTHORIZED, "unauthorized",
                    "Staff credentials required", "Use HTTP Basic with a manager's account"));
        } else if (!request.getSecurityContext().isUserInRole(MANAGER)) {
            request.abortWith(Problem.response(Response.Status.FORBIDDEN, "forbidden", "Managers only",
                    "This part of the API is for support managers"));
        }
    }
}
