package org.supporthub.web.interfaces.rest;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.ext.Provider;
import org.supporthub.web.infrastructure.security.StaffTokens;

/** Lets a console call through only with a valid staff token; the operator it proves goes on the request. */
@Provider
@OperatorAuthenticated
@Priority(Priorities.AUTHENTICATION)
public class OperatorTokenFilter implements ContainerRequestFilter {

    static final String OPERATOR = "supporthub.operator";

    @Inject
    StaffTokens tokens;

    @Override
    public void filter(ContainerRequestContext request) {
        BearerToken.admit(request, OPERATOR, tokens::verify);
    }
}
