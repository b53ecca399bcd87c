package org.supporthub.web.infrastructure.security;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.MACVerifier;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.supporthub.core.domain.model.staff.StaffAccount;
import org.supporthub.core.domain.model.staff.StaffAccountRepository;
import org.supporthub.core.domain.model.staff.StaffRole;
import org.supporthub.core.infrastructure.security.SecretSealer;

import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Optional;

/**
 * The agent console's proof of login: a JWT the hub signs (HS256, a key derived from the hub secret, so
 * every instance on one database accepts it) after Jakarta Security checked the operator's password.
 * Each use checks the account again, so removing the operator role ends the console at once.
 */
@ApplicationScoped
public class StaffTokens {

    static final Duration LIFETIME = Duration.ofHours(12);
    private static final String ISSUER = "support-hub";
    private static final String AUDIENCE = "console";

    @Inject
    SecretSealer sealer;

    @Inject
    StaffAccountRepository accounts;

    @Inject
    Clock clock;

    private byte[] key;

    /** An operator proven by a token. */
    public record Operator(String username, String name) {
    }

    /** A token and when it expires. */
    public record Issued(String token, Instant expiresAt) {
    }

    @PostConstruct
    void init() {
        key = sealer.derive("staff-tokens/v1");
    }

    public Issued issue(String username) {
        Instant now = clock.instant();
        Instant expires = now.plus(LIFETIME);
        JWTClaimsSet claims = new JWTClaimsSet.Builder().issuer(ISSUER).audience(AUDIENCE).subject(username)
                .issueTime(Date.from(now)).expirationTime(Date.from(expires)).build();
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims);
            jwt.sign(new MACSigner(key));
            return new Issued(jwt.serialize(), expires);
        } catch (JOSEException e) {
            throw new IllegalStateException("Cannot sign a staff token", e);
        }
    }

    /** The operator the token proves, if it is genuine, current, and the account still has the role. */
    @Transactional
    public Optional<Operator> verify(String token) {
        if (token == null || token.isBlank() || token.length() > 4096) {
            return Optional.empty();
        }
        try {
            SignedJWT jwt = SignedJWT.parse(token);
            if (!JWSAlgorithm.HS256.equals(jwt.getHeader().getAlgorithm()) || !jwt.verify(new MACVerifier(key))) {
                return Optional.empty();
            }
            JWTClaimsSet claims = jwt.getJWTClaimsSet();
            Date exp = claims.getExpirationTime();
            boolean current = exp != null && exp.toInstant().isAfter(clock.instant());
            if (!current || !ISSUER.equals(claims.getIssuer()) || !List.of(AUDIENCE).equals(claims.getAudience())) {
                return Optional.empty();
            }
            return accounts.findByUsername(claims.getSubject())
                    .filter(a -> a.roles().contains(StaffRole.OPERATOR))
                    .map(a -> new Operator(a.username(), a.displayName()));
        } catch (ParseException | JOSEException e) {
            return Optional.empty();
        }
    }

    /** Whether the account may use the console. */
    @Transactional
    public Optional<StaffAccount> operatorAccount(String username) {
        return accounts.findByUsername(username).filter(a -> a.roles().contains(StaffRole.OPERATOR));
    }
}
