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
 * HTTP Basic for support staff, on the staff API only. The portal API also uses HTTP Basic, with portal
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

    @Inject
    IdentityStoreHandler identityStores;

    @Inject
    LoginThrottle throttle;

    @Inject
    HubSettings settings;

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
        String[] login = BasicCredentials.parse(request.getHeader("Authorization")).orElse(null);
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

    private static AuthenticationStatus refuse(HttpServletResponse response, HttpMessageContext context, String title,
                                               String detail) {
        response.setHeader("WWW-Authenticate", "Basic realm=\"support-hub-staff\", charset=\"UTF-8\"");
        return ProblemWriter.write(response, HttpServletResponse.SC_UNAUTHORIZED, "unauthorized", title, detail, null,
                context);
    }
}
