package org.supporthub.core.infrastructure.security;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.supporthub.core.application.HubSettings;
import org.supporthub.core.domain.model.staff.PasswordHashes;

import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Set;
import java.util.logging.Logger;

/**
 * PBKDF2-HMAC-SHA256 from the JDK, written as {@code PBKDF2WithHmacSHA256:iterations:salt:hash} (Base64),
 * the format of Jakarta Security's {@code Pbkdf2PasswordHash}: hashes stored before this class (Jakarta
 * Security's 2,048 iterations) keep verifying, and are replaced at the current work factor after the next
 * successful login ({@link #needsRehash}).
 *
 * <p>The work factor is {@code support.hub.staff.password-iterations}, by default OWASP's current figure for
 * PBKDF2-HMAC-SHA256 (600,000). Production refuses to start with less; development may go lower for quick
 * local runs, with a loud warning.
 */
@ApplicationScoped
public class Pbkdf2PasswordHashes implements PasswordHashes {

    private static final Logger LOG = Logger.getLogger(Pbkdf2PasswordHashes.class.getName());

    /** OWASP Password Storage Cheat Sheet, PBKDF2-HMAC-SHA256. */
    public static final int OWASP_ITERATIONS = 600_000;
    static final String ALGORITHM = "PBKDF2WithHmacSHA256";
    /** What older hashes may name; each is upgraded to {@link #ALGORITHM} on the next login. */
    private static final Set<String> READABLE = Set.of("PBKDF2WithHmacSHA224", ALGORITHM, "PBKDF2WithHmacSHA384",
            "PBKDF2WithHmacSHA512");
    private static final int SALT_BYTES = 32;
    private static final int KEY_BYTES = 32;
    /** Beyond this a stored hash is refused rather than computed: a planted row must not stall a login thread. */
    private static final int MAX_ITERATIONS = 10_000_000;
    private static final SecureRandom RANDOM = new SecureRandom();

    @Inject
    @ConfigProperty(name = "support.hub.staff.password-iterations", defaultValue = "600000")
    int configuredIterations;

    @Inject
    HubSettings settings;

    private int iterations;

    protected Pbkdf2PasswordHashes() {
        // for CDI
    }

    /** For tests and tools: a fixed work factor. */
    public Pbkdf2PasswordHashes(int iterations) {
        this.iterations = iterations;
    }

    @PostConstruct
    void init() {
        if (configuredIterations < OWASP_ITERATIONS) {
            if (!settings.development()) {
                throw new IllegalStateException("SUPPORT_HUB_STAFF_PASSWORD_ITERATIONS=" + configuredIterations
                        + " is below " + OWASP_ITERATIONS + " (OWASP's figure for PBKDF2-HMAC-SHA256); production refuses it");
            }
            if (configuredIterations < 1_000) {
                throw new IllegalStateException("SUPPORT_HUB_STAFF_PASSWORD_ITERATIONS must be at least 1000");
            }
            LOG.warning("DEVELOPMENT MODE: staff passwords are hashed with only " + configuredIterations
                    + " PBKDF2 iterations (production requires at least " + OWASP_ITERATIONS + ").");
        }
        iterations = configuredIterations;
    }

    public int iterations() {
        return iterations;
    }

    @Override
    public String hash(char[] password) {
        byte[] salt = new byte[SALT_BYTES];
        RANDOM.nextBytes(salt);
        byte[] hash = derive(ALGORITHM, password, salt, iterations, KEY_BYTES);
        return ALGORITHM + ":" + iterations + ":" + Base64.getEncoder().encodeToString(salt) + ":"
                + Base64.getEncoder().encodeToString(hash);
    }

    @Override
    public boolean verify(char[] password, String storedHash) {
        Parsed parsed = Parsed.of(storedHash);
        if (parsed == null) {
            return false;
        }
        byte[] actual = derive(parsed.algorithm, password, parsed.salt, parsed.iterations, parsed.hash.length);
        return MessageDigest.isEqual(actual, parsed.hash);
    }

    @Override
    public boolean needsRehash(String storedHash) {
        Parsed parsed = Parsed.of(storedHash);
        return parsed == null || !ALGORITHM.equals(parsed.algorithm) || parsed.iterations < iterations
                || parsed.salt.length < SALT_BYTES || parsed.hash.length < KEY_BYTES;
    }

    /** The work factor a stored hash names, or -1 when it is no hash this class reads. */
    public static int iterationsOf(String storedHash) {
        Parsed parsed = Parsed.of(storedHash);
        return parsed == null ? -1 : parsed.iterations;
    }

    private static byte[] derive(String algorithm, char[] password, byte[] salt, int iterations, int keyBytes) {
        PBEKeySpec spec = new PBEKeySpec(password, salt, iterations, keyBytes * 8);
        try {
            return SecretKeyFactory.getInstance(algorithm).generateSecret(spec).getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("PBKDF2 is not available", e);
        } finally {
            spec.clearPassword();
        }
    }

    private record Parsed(String algorithm, int iterations, byte[] salt, byte[] hash) {
        static Parsed of(String stored) {
            if (stored == null) {
                return null;
            }
            String[] parts = stored.split(":");
            if (parts.length != 4 || !READABLE.contains(parts[0])) {
                return null;
            }
            try {
                int iterations = Integer.parseInt(parts[1]);
                byte[] salt = Base64.getDecoder().decode(parts[2]);
                byte[] hash = Base64.getDecoder().decode(parts[3]);
                if (iterations < 1 || iterations > MAX_ITERATIONS || salt.length == 0 || hash.length == 0) {
                    return null;
                }
                return new Parsed(parts[0], iterations, salt, hash);
            } catch (IllegalArgumentException e) {
                return null;
            }
        }
    }
}
