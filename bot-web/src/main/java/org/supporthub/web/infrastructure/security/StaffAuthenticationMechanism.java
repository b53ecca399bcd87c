package org.supporthub.web.infrastructure.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStoreHandler;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.supporthub.core.application.HubSettings;


/**
 * HTTP Basic for support staff, on the staff API only. The manager API also takes the console's own login
 * ({@code Authorization: Bearer}, a {@link StaffTokens staff token}), so that the console's management area
 * never keeps a password in the browser; the caller's groups are then the account's roles as stored now. The portal API also uses HTTP Basic, with portal
 * credentials that are none of Jakarta Security's business, so every other path is left alone.
 * Refusals are {@code application/problem+json}, like the rest of the API.
 */
@ApplicationScoped
public class StaffAuthenticationMechanism implements HttpAuthenticationMechanism {

    static final String STAFF_API = "/api/v1/admin/";
    /** The console's login: the one console call that takes a password; the rest carry a staff token. */
    static final String CONSOLE_LOGIN = "/api/v1/console/login";
    /** Scope triage: for staff and managers, and for their scripts. */
    static final String TRIAGE = "/api/v1/triage";
    private static final String BEARER = "Bearer ";

    @Inject
    IdentityStoreHandler identityStores;

    @Inject
    LoginThrottle throttle;

    @Inject
    HubSettings settings;

    @Inject
    StaffTokens tokens;

    @Override
    public AuthenticationStatus validateRequest(HttpServletRequest request, HttpServletResponse response,
                                                HttpMessageContext context) {
        // Some dispatches (WebSocket upgrades among them) carry no context path: treat it as the root.
        String uri = request.getRequestURI() == null ? "" : request.getRequestURI();
        String contextPath = request.getContextPath() == null ? "" : request.getContextPath();
        String path = uri.startsWith(contextPath) ? uri.substring(contextPath.length()) : uri;
        if (!path.startsWith(STAFF_API) && !path.equals(CONSOLE_LOGIN) && !path.equals(TRIAGE)) {
            return context.doNothing();
        }
        // Refused before the password is looked at, so that no answer says whether it was right.
        if (settings.credentialsRequireTls() && !request.isSecure()) {
            return ProblemWriter.write(response, 403, "https-required", "HTTPS required",
                    "Staff credentials are accepted over HTTPS only", null, context);
        }
        String authorization = request.getHeader("Authorization");
        if (path.startsWith(STAFF_API) && authorization != null && authorization.regionMatches(true, 0, BEARER, 0,
                BEARER.length())) {
            return bearer(authorization.substring(BEARER.length()).trim(), response, context);
        }
        String[] login = BasicCredentials.parse(authorization).orElse(null);
        if (login == null) {
            return refuse(response, context, "Staff credentials required", "Use HTTP Basic with a staff account");
        }
        String address = request.getRemoteAddr();
        LoginThrottle.Verdict verdict = throttle.admit(LoginThrottle.Door.STAFF, login[0], address);
        if (!verdict.admitted()) {
            return ProblemWriter.tooManyAttempts(response, verdict, context);
        }
        CredentialValidationResult result = identityStores.validate(new UsernamePasswordCredential(login[0], login[1]));
        if (result.getStatus() != CredentialValidationResult.Status.VALID) {
            throttle.failed(LoginThrottle.Door.STAFF, login[0], address);
            return refuse(response, context, "Wrong staff credentials", "The user name or the password is wrong");
        }
        throttle.succeeded(LoginThrottle.Door.STAFF, login[0]);
        return context.notifyContainerAboutLogin(result);
    }

    /**
     * A console login on the manager API. Nothing to guess (the token is signed by the hub), so the password
     * throttle is not involved; a token that no longer holds is refused like a wrong password.
     */
    private AuthenticationStatus bearer(String token, HttpServletResponse response, HttpMessageContext context) {
        return tokens.verifyLogin(token)
                .map(login -> context.notifyContainerAboutLogin(login.username(), login.roles()))
                .orElseGet(() -> {
                    response.setHeader("WWW-Authenticate", "Bearer realm=\"support-hub-staff\"");
                    return ProblemWriter.write(response, HttpServletResponse.SC_UNAUTHORIZED, "unauthorized",
                            "Console login required", "The console login has ended; sign in again", null, context);
                });
    }

    private static AuthenticationStatus refuse(HttpServletResponse response, HttpMessageContext context, String title,
                                               String detail) {
        response.setHeader("WWW-Authenticate", "Basic realm=\"support-hub-staff\", charset=\"UTF-8\"");
        return ProblemWriter.write(response, HttpServletResponse.SC_UNAUTHORIZED, "unauthorized", title, detail, null,
                context);
    }
}
