package org.supporthub.web.infrastructure.demo;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.supporthub.core.application.HubSettings;
import org.supporthub.core.domain.model.portal.PortalKeys;
import org.supporthub.core.domain.model.portal.SupportLocale;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Stands in, in development mode only, for the demo portal's own server: it keeps the portal secret it
 * received at registration (as a real portal server would, in its own storage) and signs short-lived
 * user tokens for the demo portal's users. The hub verifies these tokens exactly like any portal's.
 */
@ApplicationScoped
public class DemoPortalServer {

    /** The demo portal's fixed id, so its conversations survive restarts. */
    public static final String PORTAL_ID = "d3e0c0de-0000-4000-8000-000000000001";

    /** The demo portal's users: an administrator and an employee who is not one. */
    public static final Map<String, DemoUser> USERS = Map.of(
            "admin", new DemoUser("demo-admin", "Anna Nowak", true, List.of("Employees", "Administrators"),
                    "anna.nowak@demo-portal.example"),
            "employee", new DemoUser("demo-employee", "Piotr Kowalski", false, List.of("Employees"),
                    "piotr.kowalski@demo-portal.example"));

    static final long TOKEN_LIFETIME_SECONDS = 600;

    @Inject
    HubSettings settings;

    @Inject
    Clock clock;

    /** A user of the demo portal. */
    public record DemoUser(String id, String name, boolean admin, List<String> groups, String email) {
    }

    /**
     * A token for one of {@link #USERS}; empty when the hub is not in development mode or the user or
     * the demo portal's secret is unknown.
     */
    public Optional<String> tokenFor(String user, SupportLocale locale) {
        if (!settings.development() || !USERS.containsKey(user)) {
            return Optional.empty();
        }
        return secret().map(secret -> sign(USERS.get(user), locale, secret));
    }

    void keepSecret(String secret) {
        try {
            Files.createDirectories(secretFile().getParent());
            Files.writeString(secretFile(), secret);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot keep the demo portal's secret", e);
        }
    }

    Optional<String> secret() {
        try {
            Path file = secretFile();
            return Files.exists(file) ? Optional.of(Files.readString(file).trim()) : Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the demo portal's secret", e);
        }
    }

    private Path secretFile() {
        return settings.dataDir().resolve("demo-portal.secret");
    }

    private String sign(DemoUser user, SupportLocale locale, String secret) {
        long now = clock.millis();
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .issuer(PORTAL_ID)
                .subject(user.id())
                .claim("name", user.name())
                .claim("admin", user.admin())
                .claim("groups", user.groups())
                .claim("locale", locale.tag())
                .claim("email", user.email())
                .issueTime(new Date(now))
                .expirationTime(new Date(now + TOKEN_LIFETIME_SECONDS * 1000))
                .build();
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims);
            // The token key derived from the secret, never the secret itself (docs/protocol.md, section 1a).
            jwt.sign(new MACSigner(PortalKeys.tokenKey(secret)));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException("Cannot sign a demo token", e);
        }
    }
}
