package org.supporthub.web.interfaces.rest;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.ext.Provider;
import org.supporthub.web.infrastructure.security.StaffTokens;

/** Lets a console call through with any valid console login; the staff member it proves goes on the request. */
@Provider
@StaffAuthenticated
@Priority(Priorities.AUTHENTICATION)
public class StaffTokenFilter implements ContainerRequestFilter {

    static final String STAFF = "supporthub.staff";

    @Inject
    StaffTokens tokens;

    @Override
    public void filter(ContainerRequestContext request) {
        BearerToken.admit(request, STAFF, tokens::verifyLogin);
    }
}
