package org.supporthub.core.application.internal;

import com.nimbusds.jose.JOSEException;
import org.supporthub.core.domain.model.user.EmailAddress;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.MACVerifier;
import com.nimbusds.jwt.JWT;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.JWTParser;
import com.nimbusds.jwt.SignedJWT;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.supporthub.core.application.InvalidUserTokenException;
import org.supporthub.core.application.InvalidUserTokenException.Reason;
import org.supporthub.core.application.UserTokenService;
import org.supporthub.core.domain.model.portal.Portal;
import org.supporthub.core.domain.model.portal.PortalRepository;
import org.supporthub.core.domain.model.portal.SupportLocale;
import org.supporthub.core.domain.model.user.PortalUser;

import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Verifies portal-signed user tokens with nimbus-jose-jwt: only HS256, with the portal's token key (derived
 * from its secret for this one purpose, see {@link org.supporthub.core.domain.model.portal.PortalKeys}).
 */
@ApplicationScoped
public class DefaultUserTokenService implements UserTokenService {

    private static final Logger LOG = Logger.getLogger(DefaultUserTokenService.class.getName());

    /** Tolerated difference between the portal server's clock and the hub's. */
    static final Duration CLOCK_SKEW = Duration.ofSeconds(30);

    @Inject
    PortalRepository portals;

    @Inject
    PortalSecrets secrets;

    @Inject
    Clock clock;

    @Override
    public Verified verifyWithPortal(String token) {
        if (token == null || token.isBlank()) {
            throw new InvalidUserTokenException(Reason.TOKEN_MISSING, "No user token");
        }
        // The algorithm is pinned, never taken from the token: no "none", no RSA/HMAC confusion.
        if (!(parse(token) instanceof SignedJWT jwt) || !JWSAlgorithm.HS256.equals(jwt.getHeader().getAlgorithm())) {
            throw new InvalidUserTokenException(Reason.TOKEN_ALGORITHM_REFUSED, "Only HS256 tokens are accepted");
        }
        JWTClaimsSet claims = claims(jwt);
        Portal portal = Optional.ofNullable(claims.getIssuer()).flatMap(portals::find)
                .orElseThrow(() -> new InvalidUserTokenException(Reason.TOKEN_UNKNOWN_PORTAL, "Unknown portal"));
        if (!signatureValid(jwt, tokenKey(portal))) {
            throw new InvalidUserTokenException(Reason.TOKEN_SIGNATURE_INVALID, "The token's signature is not valid");
        }
        checkTimes(claims);
        return new Verified(user(portal, claims), portal);
    }

    /**
     * The portal's token key; none when its sealed secret does not open (sealed under another hub key, or
     * copied from another portal's row). Then no token of that portal verifies: the hub fails closed, and
     * says why in its log, not to the client.
     */
    private byte[] tokenKey(Portal portal) {
        try {
            return secrets.tokenKey(portal);
        } catch (IllegalStateException e) {
            LOG.log(Level.SEVERE, "Portal " + portal.id() + ": its sealed secret does not open, no token of it verifies", e);
            throw new InvalidUserTokenException(Reason.TOKEN_SIGNATURE_INVALID, "The token's signature is not valid");
        }
    }

    /** Any JWT form (plain, signed, encrypted), so that an unsigned one is refused for its algorithm. */
    private static JWT parse(String token) {
        try {
            return JWTParser.parse(token.trim());
        } catch (ParseException e) {
            throw new InvalidUserTokenException(Reason.TOKEN_MALFORMED, "The token is not a JWT");
        }
    }

    private static JWTClaimsSet claims(SignedJWT jwt) {
        try {
            return jwt.getJWTClaimsSet();
        } catch (ParseException e) {
            throw new InvalidUserTokenException(Reason.TOKEN_MALFORMED, "The token's claims are not JSON");
        }
    }

    private static boolean signatureValid(SignedJWT jwt, byte[] key) {
        try {
            return jwt.verify(new MACVerifier(key));
        } catch (JOSEException e) {
            return false;
        }
    }

    private void checkTimes(JWTClaimsSet claims) {
        Instant now = clock.instant();
        Date exp = claims.getExpirationTime();
        if (exp == null) {
            throw new InvalidUserTokenException(Reason.TOKEN_CLAIMS_INVALID, "The token has no expiry");
        }
        if (exp.toInstant().plus(CLOCK_SKEW).isBefore(now)) {
            throw new InvalidUserTokenException(Reason.TOKEN_EXPIRED, "The token has expired");
        }
        if (exp.toInstant().isAfter(now.plusSeconds(MAX_LIFETIME_SECONDS).plus(CLOCK_SKEW))) {
            throw new InvalidUserTokenException(Reason.TOKEN_LIFETIME_TOO_LONG,
                    "User tokens may live at most " + MAX_LIFETIME_SECONDS + " s");
        }
        Date nbf = claims.getNotBeforeTime();
        if (nbf != null && nbf.toInstant().minus(CLOCK_SKEW).isAfter(now)) {
            throw new InvalidUserTokenException(Reason.TOKEN_CLAIMS_INVALID, "The token is not valid yet");
        }
    }

    private static PortalUser user(Portal portal, JWTClaimsSet claims) {
        try {
            String sub = claims.getSubject();
            String name = claims.getStringClaim("name");
            Boolean admin = claims.getBooleanClaim("admin");
            List<String> groups = claims.getStringListClaim("groups");
            String locale = claims.getStringClaim("locale");
            String email = claims.getStringClaim("email");
            if (blankOrLong(sub) || blankOrLong(name) || admin == null) {
                throw new InvalidUserTokenException(Reason.TOKEN_CLAIMS_INVALID,
                        "The token needs sub, name (at most 200 characters) and admin");
            }
            return new PortalUser(portal.id(), sub, name.trim(), admin, groups == null ? List.of() : groups,
                    SupportLocale.fromTag(locale), EmailAddress.parse(email));
        } catch (ParseException e) {
            throw new InvalidUserTokenException(Reason.TOKEN_CLAIMS_INVALID, "A claim has the wrong type");
        }
    }

    private static boolean blankOrLong(String s) {
        return s == null || s.isBlank() || s.length() > 200;
    }
}
