package org.supporthub.activation.domain.model.reachability;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Objects;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The proof that a site address belongs to the portal registered with it.
 *
 * <p>Reaching an HTTPS site only shows that <em>someone</em> answers there with a valid certificate. The
 * portal proves it is that someone by holding its secret: the hub sends a fresh random nonce to
 * {@value #PATH}{@code ?nonce=<nonce>} and the portal answers with
 * {@code base64url(HMAC-SHA256(key = portal secret (UTF-8 bytes), data = nonce (UTF-8)))}. The secret itself
 * never travels, and a fresh nonce per attempt means an answer recorded once is of no use later.
 */
public final class ChallengeProof {

    /** Where the portal answers the challenge. */
    public static final String PATH = "/.well-known/support-hub/challenge";

    private static final int NONCE_BYTES = 32;
    private static final String HMAC = "HmacSHA256";
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

    private ChallengeProof() {
    }

    /** A fresh nonce: 32 random bytes, base64url without padding (safe in a query string as is). */
    public static String newNonce() {
        byte[] bytes = new byte[NONCE_BYTES];
        RANDOM.nextBytes(bytes);
        return BASE64URL.encodeToString(bytes);
    }

    /**
     * The answer expected from the portal: base64url without padding of the HMAC-SHA256 of the nonce.
     *
     * @param secret the portal's secret as UTF-8 bytes; not empty
     */
    public static String proof(byte[] secret, String nonce) {
        Objects.requireNonNull(secret, "secret");
        Objects.requireNonNull(nonce, "nonce");
        if (secret.length == 0) {
            throw new IllegalArgumentException("An empty secret proves nothing");
        }
        try {
            Mac mac = Mac.getInstance(HMAC);
            mac.init(new SecretKeySpec(secret, HMAC));
            return BASE64URL.encodeToString(mac.doFinal(nonce.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            // HmacSHA256 is required of every Java platform; a key of any non-empty length is valid for it.
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }

    /**
     * Whether the portal's answer is the proof for the nonce. Surrounding whitespace (a trailing newline from
     * {@code echo}) and base64 padding are ignored: neither carries information. The comparison takes the
     * same time wherever the first wrong character is, so the answer cannot be guessed one character at a time.
     */
    public static boolean matches(byte[] secret, String nonce, String answer) {
        if (answer == null) {
            return false;
        }
        String trimmed = answer.strip();
        int end = trimmed.length();
        while (end > 0 && trimmed.charAt(end - 1) == '=') {
            end--;
        }
        byte[] expected = proof(secret, nonce).getBytes(StandardCharsets.UTF_8);
        byte[] given = trimmed.substring(0, end).getBytes(StandardCharsets.UTF_8);
        return MessageDigest.isEqual(expected, given);
    }
}
