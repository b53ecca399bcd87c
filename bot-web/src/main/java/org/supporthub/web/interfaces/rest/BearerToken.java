package org.supporthub.web.interfaces.rest;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

import java.util.Optional;
import java.util.function.Function;

/** The console's token on a REST call ({@code Authorization: Bearer …}), for the console's two filters. */
final class BearerToken {

    private static final String BEARER = "Bearer ";

    private BearerToken() {
    }

    /**
     * Puts what the request's token proves on the request under {@code property}, or refuses the call
     * ({@code 401} problem+json) when there is no token or it proves nothing.
     */
    static <T> void admit(ContainerRequestContext request, String property, Function<String, Optional<T>> verify) {
        String header = request.getHeaderString(HttpHeaders.AUTHORIZATION);
        Optional<T> proven = header != null && header.startsWith(BEARER)
                ? verify.apply(header.substring(BEARER.length()).trim()) : Optional.empty();
        if (proven.isEmpty()) {
            request.abortWith(Problem.response(Response.Status.UNAUTHORIZED, "unauthorized", "Console login required",
                    "Log in to the console; send its token as Authorization: Bearer"));
            return;
        }
        request.setProperty(property, proven.get());
    }
}
