package org.supporthub.web.infrastructure.security;

import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import org.supporthub.web.infrastructure.json.JsonBuilders;

/**
 * Writes an {@code application/problem+json} refusal from the authentication mechanism, which answers
 * before JAX-RS (and its exception mappers) sees the request.
 */
final class ProblemWriter {

    private ProblemWriter() {
    }

    static AuthenticationStatus write(HttpServletResponse response, int status, String type, String title,
                                      String detail, Long retryAfterSeconds, HttpMessageContext context) {
        try {
            response.setStatus(status);
            if (retryAfterSeconds != null) {
                response.setHeader("Retry-After", Long.toString(retryAfterSeconds));
            }
            response.setContentType("application/problem+json");
            response.setCharacterEncoding("UTF-8");
            var body = JsonBuilders.object()
                    .add("type", "https://support-hub.example/problems/" + type).add("title", title)
                    .add("status", status).add("detail", detail);
            if (retryAfterSeconds != null) {
                body.add("retryAfterSeconds", retryAfterSeconds);
            }
            response.getWriter().write(body.build().toString());
        } catch (IOException e) {
            // The client went away; the status line already says enough.
        }
        return AuthenticationStatus.SEND_FAILURE;
    }

    /** 429 for a throttled or locked-out login, with {@code Retry-After}. */
    static AuthenticationStatus tooManyAttempts(HttpServletResponse response, LoginThrottle.Verdict verdict,
                                                HttpMessageContext context) {
        boolean locked = verdict.refusal() == LoginThrottle.Refusal.ACCOUNT_LOCKED;
        return write(response, 429, locked ? "account-locked" : "too-many-attempts",
                locked ? "Account locked" : "Too many failed logins",
                locked ? "Too many failed logins in a row locked this account; a support manager can lift the lock-out"
                        : "Too many failed logins; try again after " + verdict.retryAfterSeconds() + " s",
                verdict.retryAfterSeconds(), context);
    }
}
