package org.supporthub.activation.domain.model.reachability;

import org.supporthub.core.domain.model.portal.PortalKeys;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Objects;

/**
 * The proof that a site address belongs to the portal registered with it.
 *
 * <p>Reaching an HTTPS site only shows that <em>someone</em> answers there with a valid certificate. The
 * portal proves it is that someone by holding its secret: the hub sends a fresh random nonce to
 * {@value #PATH}{@code ?nonce=<nonce>} and the portal answers with
 * {@code base64url(HMAC-SHA256(challenge key, "support-hub/v1/address-challenge\n" + nonce))}, where the
 * challenge key is derived from the portal secret for this purpose only
 * ({@link PortalKeys#challengeKey(String)}): the answer never verifies as a widget token's signature. The
 * secret itself never travels, and a fresh nonce per attempt means an answer recorded once is of no use later.
 */
public final class ChallengeProof {

    /** Where the portal answers the challenge. */
    public static final String PATH = "/.well-known/support-hub/challenge";

    private static final int NONCE_BYTES = 32;
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

    private ChallengeProof() {
    }

    /**
     * A fresh nonce in the protocol's one form: 32 random bytes, base64url without padding (43 characters,
     * safe in a query string as is). Portals refuse any other form.
     */
    public static String newNonce() {
        byte[] bytes = new byte[NONCE_BYTES];
        RANDOM.nextBytes(bytes);
        return BASE64URL.encodeToString(bytes);
    }

    /**
     * The answer expected from the portal.
     *
     * @param challengeKey the portal's challenge key ({@link PortalKeys#challengeKey(String)}); not empty
     * @throws IllegalArgumentException when the nonce is not of the protocol's form
     */
    public static String proof(byte[] challengeKey, String nonce) {
        Objects.requireNonNull(challengeKey, "challengeKey");
        if (challengeKey.length == 0) {
            throw new IllegalArgumentException("An empty key proves nothing");
        }
        return PortalKeys.challengeAnswer(challengeKey, nonce);
    }

    /**
     * Whether the portal's answer is the proof for the nonce. Surrounding whitespace (a trailing newline from
     * {@code echo}) and base64 padding are ignored: neither carries information. The comparison takes the
     * same time wherever the first wrong character is, so the answer cannot be guessed one character at a time.
     */
    public static boolean matches(byte[] challengeKey, String nonce, String answer) {
        if (answer == null) {
            return false;
        }
        String trimmed = answer.strip();
        int end = trimmed.length();
        while (end > 0 && trimmed.charAt(end - 1) == '=') {
            end--;
        }
        byte[] expected = proof(challengeKey, nonce).getBytes(StandardCharsets.UTF_8);
        byte[] given = trimmed.substring(0, end).getBytes(StandardCharsets.UTF_8);
        return MessageDigest.isEqual(expected, given);
    }
}
