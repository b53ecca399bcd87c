package org.supporthub.core.application.internal;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.supporthub.core.domain.model.portal.Portal;
import org.supporthub.core.domain.model.portal.PortalCredentials;
import org.supporthub.core.infrastructure.security.SecretSealer;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;

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

    public PortalCredentials credentialsFor(String secret) {
        return new PortalCredentials(hash(secret), sealer.seal(secret));
    }

    public boolean matches(Portal portal, String presented) {
        return presented != null && MessageDigest.isEqual(
                hash(presented).getBytes(StandardCharsets.US_ASCII),
                portal.secretHash().getBytes(StandardCharsets.US_ASCII));
    }

    /** The secret itself, needed to check the HMAC of tokens the portal signed. */
    public byte[] signingKey(Portal portal) {
        return sealer.unseal(portal.secretSealed()).getBytes(StandardCharsets.UTF_8);
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
