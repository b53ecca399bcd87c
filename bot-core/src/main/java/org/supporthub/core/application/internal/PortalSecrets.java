package org.supporthub.core.application.internal;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.supporthub.core.domain.model.portal.Portal;
import org.supporthub.core.domain.model.portal.PortalCredentials;
import org.supporthub.core.domain.model.portal.PortalKeys;
import org.supporthub.core.infrastructure.security.SecretSealer;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;

/**
 * Issues portal secrets and checks them.
 *
 * <p>A secret is 256 random bits, so a plain SHA-256 hash is enough to check it: a slow password hash
 * protects guessable passwords, and these are not guessable.
 */
@ApplicationScoped
public class PortalSecrets {

    private static final SecureRandom RANDOM = new SecureRandom();

    @Inject
    SecretSealer sealer;

    public String newSecret() {
        byte[] raw = new byte[32];
        RANDOM.nextBytes(raw);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
    }

    /** The hash and the sealed copy of a new portal's secret, sealed bound to that portal's id. */
    public PortalCredentials credentialsFor(String portalId, String secret) {
        return new PortalCredentials(hash(secret), sealer.seal(secret, portalId));
    }

    public boolean matches(Portal portal, String presented) {
        return presented != null && MessageDigest.isEqual(
                hash(presented).getBytes(StandardCharsets.US_ASCII),
                portal.secretHash().getBytes(StandardCharsets.US_ASCII));
    }

    /** The key derived from the portal's secret that verifies the widget tokens the portal signed. */
    public byte[] tokenKey(Portal portal) {
        return PortalKeys.tokenKey(secret(portal));
    }

    /** The key derived from the portal's secret that checks its answer to the address challenge. */
    public byte[] challengeKey(Portal portal) {
        return PortalKeys.challengeKey(secret(portal));
    }

    /**
     * The portal's secret sealed again in the current form (bound to the portal's id), when it is still in
     * the legacy form; empty when it is already current.
     *
     * @throws IllegalStateException when the legacy value does not open, or opens to a secret that is not
     *                               this portal's (its hash differs): a value copied from another row is
     *                               never bound to the row it was copied to
     */
    public Optional<String> resealed(Portal portal) {
        if (!sealer.isLegacy(portal.secretSealed())) {
            return Optional.empty();
        }
        String secret = sealer.unsealLegacy(portal.secretSealed());
        if (!matches(portal, secret)) {
            throw new IllegalStateException("The sealed secret of portal " + portal.id()
                    + " is not that portal's secret (copied from another row?)");
        }
        return Optional.of(sealer.seal(secret, portal.id()));
    }

    private String secret(Portal portal) {
        return sealer.unseal(portal.secretSealed(), portal.id());
    }

    static String hash(String secret) {
        try {
            return Base64.getEncoder().encodeToString(
                    MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
