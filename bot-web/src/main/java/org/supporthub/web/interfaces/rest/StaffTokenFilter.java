package org.supporthub.web.interfaces.rest;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import org.supporthub.web.infrastructure.security.StaffTokens;

import java.util.Optional;

/** Lets a console call through with any valid console login; the staff member it proves goes on the request. */
@Provider
@StaffAuthenticated
@Priority(Priorities.AUTHENTICATION)
public class StaffTokenFilter implements ContainerRequestFilter {

    static final String STAFF = "supporthub.staff";
    private static final String BEARER = "Bearer ";

    @Inject
    StaffTokens tokens;

    @Override
    public void filter(ContainerRequestContext request) {
        String header = request.getHeaderString(HttpHeaders.AUTHORIZATION);
        Optional<StaffTokens.StaffLogin> login = header != null && header.startsWith(BEARER)
                ? tokens.verifyLogin(header.substring(BEARER.length()).trim()) : Optional.empty();
        if (login.isEmpty()) {
            request.abortWith(Problem.response(Response.Status.UNAUTHORIZED, "unauthorized", "Console login required",
                    "Log in to the console; send its token as Authorization: Bearer"));
            return;
        }
        request.setProperty(STAFF, login.get());
    }
}
