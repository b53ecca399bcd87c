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
import org.supporthub.core.domain.model.staff.RevokedStaffTokenRepository;
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
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The agent console's proof of login: a JWT the hub signs (HS256, a key derived from the hub secret, so
 * every instance on one database accepts it) after Jakarta Security checked the operator's password.
 *
 * <p>It carries only what the hub needs to check it again: the account id ({@code sub}), a token id
 * ({@code jti}, what a log-out withdraws), the account's token version when it was issued ({@code ver}, what
 * disabling, removing the operator role, a new password or a manager's revocation move on), and its expiry
 * ({@link #LIFETIME}). Names and roles are read from the account, never from the token. Every REST call and
 * every socket's {@code hello} checks the token against the database; socket frames after that are checked
 * by {@link ConsoleAccessGuard}.
 */
@ApplicationScoped
public class StaffTokens {

    /** How long a console login lasts: one long working day. */
    public static final Duration LIFETIME = Duration.ofHours(12);
    private static final String ISSUER = "support-hub";
    private static final String AUDIENCE = "console";
    private static final String VERSION = "ver";

    @Inject
    SecretSealer sealer;

    @Inject
    StaffAccountRepository accounts;

    @Inject
    RevokedStaffTokenRepository revoked;

    @Inject
    Clock clock;

    private byte[] key;

    /**
     * An operator proven by a token: who (account id, user name, display name) and which login (token id,
     * the token version it was issued under, its expiry).
     */
    public record Operator(String accountId, String username, String name, String tokenId, long tokenVersion,
                           Instant expiresAt) {
    }

    /**
     * A staff member proven by a token, with the roles their account holds now (not when the token was
     * issued): the console shows its areas by them, and the manager API authorises by them.
     */
    public record StaffLogin(String accountId, String username, String name, Set<String> roles, String tokenId,
                             Instant expiresAt) {
        public StaffLogin {
            roles = Set.copyOf(roles);
        }
    }

    /** What a genuine, unexpired token says; not yet checked against the account. */
    public record Claims(String accountId, String tokenId, long tokenVersion, Instant expiresAt) {
    }

    /** A token and when it expires. */
    public record Issued(String token, Instant expiresAt) {
    }

    @PostConstruct
    void init() {
        // "v2": tokens of the earlier form (user name as subject, no token id or version) no longer verify.
        key = sealer.derive("staff-tokens/v2");
    }

    public Issued issue(StaffAccount account) {
        Instant now = clock.instant();
        Instant expires = now.plus(LIFETIME);
        JWTClaimsSet claims = new JWTClaimsSet.Builder().issuer(ISSUER).audience(AUDIENCE).subject(account.id())
                .jwtID(UUID.randomUUID().toString()).claim(VERSION, account.tokenVersion())
                .issueTime(Date.from(now)).expirationTime(Date.from(expires)).build();
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims);
            jwt.sign(new MACSigner(key));
            return new Issued(jwt.serialize(), expires);
        } catch (JOSEException e) {
            throw new IllegalStateException("Cannot sign a staff token", e);
        }
    }

    /** The claims of a token the hub signed and that has not expired; no database involved. */
    public Optional<Claims> read(String token) {
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
            Long version = claims.getLongClaim(VERSION);
            boolean current = exp != null && exp.toInstant().isAfter(clock.instant());
            if (!current || version == null || claims.getSubject() == null || claims.getJWTID() == null
                    || !ISSUER.equals(claims.getIssuer()) || !List.of(AUDIENCE).equals(claims.getAudience())) {
                return Optional.empty();
            }
            return Optional.of(new Claims(claims.getSubject(), claims.getJWTID(), version, exp.toInstant()));
        } catch (ParseException | JOSEException e) {
            return Optional.empty();
        }
    }

    /**
     * The operator the token proves, if it is genuine and current, was not logged out, and the account still
     * exists, is enabled, holds the operator role and has not moved its token version on since.
     */
    @Transactional
    public Optional<Operator> verify(String token) {
        return read(token).flatMap(claims -> accounts.find(claims.accountId())
                .filter(account -> ConsoleAccess.refusal(claims, ConsoleAccess.AccountState.of(account),
                        revoked.isRevoked(claims.tokenId()), clock.instant()).isEmpty())
                .map(account -> new Operator(account.id(), account.username(), account.displayName(),
                        claims.tokenId(), claims.tokenVersion(), claims.expiresAt())));
    }

    /**
     * The staff member the token proves, if it is genuine and current, was not logged out, and the account
     * still exists, is enabled and has not moved its token version on since; whatever its roles.
     */
    @Transactional
    public Optional<StaffLogin> verifyLogin(String token) {
        return read(token).flatMap(claims -> accounts.find(claims.accountId())
                .filter(account -> ConsoleAccess.loginRefusal(claims, ConsoleAccess.AccountState.of(account),
                        revoked.isRevoked(claims.tokenId()), clock.instant()).isEmpty())
                .map(account -> new StaffLogin(account.id(), account.username(), account.displayName(),
                        account.roles().stream().map(StaffRole::roleName).collect(Collectors.toSet()),
                        claims.tokenId(), claims.expiresAt())));
    }

    /**
     * The account, if it may sign in to the console at all: enabled, and an operator (the sessions area)
     * or a manager (the management area), or both.
     */
    @Transactional
    public Optional<StaffAccount> consoleAccount(String username) {
        return accounts.findByUsername(username).filter(StaffAccount::isEnabled)
                .filter(a -> a.hasRole(StaffRole.OPERATOR) || a.hasRole(StaffRole.MANAGER));
    }
}
