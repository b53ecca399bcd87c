package org.supporthub.core.domain.model.portal;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The keys a portal secret stands for: one key per purpose, never the secret itself.
 *
 * <p>The portal secret issued at registration is used for two things by the portal's server: signing its
 * users' widget tokens (JWS HS256) and answering the hub's address challenge. Both are HMAC-SHA256, and a
 * JWS signature is exactly {@code HMAC-SHA256(key, header.payload)}. With one key for both, a portal's
 * public challenge endpoint would sign any token an attacker wrote. So each purpose gets its own key,
 * derived with HKDF-SHA256 (RFC 5869) from the secret, with no salt and a purpose-naming {@code info}:
 * <pre>
 *   token key     = HKDF-SHA256(IKM = UTF-8 of the secret, salt = none, info = "support-hub/v1/widget-token",      L = 32)
 *   challenge key = HKDF-SHA256(IKM = UTF-8 of the secret, salt = none, info = "support-hub/v1/address-challenge", L = 32)
 * </pre>
 * The two keys are independent: knowing values MACed with one says nothing about the other. On top of
 * that, the challenge answer MACs a fixed, purpose-naming context before the nonce
 * ({@code "support-hub/v1/address-challenge\n" + nonce}), which no JWS signing input can equal (a newline
 * and a slash are not in the base64url alphabet), and the nonce has one fixed form (32 random bytes,
 * base64url without padding: 43 characters of {@code [A-Za-z0-9_-]}); anything else is refused.
 *
 * <p>{@code docs/protocol.md} ("Keys and signatures") prints a test vector for all of this; a unit test reads
 * it from there, so the document and this class cannot drift apart.
 */
public final class PortalKeys {

    /** HKDF {@code info} of the key that signs and verifies widget tokens. */
    public static final String TOKEN_KEY_INFO = "support-hub/v1/widget-token";

    /** HKDF {@code info} of the key that answers the address challenge; also the context MACed before the nonce. */
    public static final String CHALLENGE_KEY_INFO = "support-hub/v1/address-challenge";

    /** Length of each derived key: the output length of SHA-256. */
    public static final int KEY_BYTES = 32;

    /** The only nonce form: 32 bytes, base64url without padding. */
    private static final Pattern NONCE = Pattern.compile("[A-Za-z0-9_-]{43}");
    private static final String HMAC = "HmacSHA256";
    private static final int HASH_BYTES = 32;

    private PortalKeys() {
    }

    /** The key a portal signs its users' widget tokens with (JWS HS256), and the hub verifies them with. */
    public static byte[] tokenKey(String portalSecret) {
        return derive(portalSecret, TOKEN_KEY_INFO);
    }

    /** The key a portal answers the address challenge with; it verifies no token. */
    public static byte[] challengeKey(String portalSecret) {
        return derive(portalSecret, CHALLENGE_KEY_INFO);
    }

    /** Whether a nonce has the protocol's one form; a portal refuses any other without computing anything. */
    public static boolean isWellFormedNonce(String nonce) {
        return nonce != null && NONCE.matcher(nonce).matches();
    }

    /**
     * The answer to the address challenge: {@code base64url(HMAC-SHA256(challenge key,
     * "support-hub/v1/address-challenge\n" + nonce))} without padding.
     *
     * @param challengeKey the portal's {@link #challengeKey(String) challenge key}
     * @throws IllegalArgumentException when the nonce is not {@link #isWellFormedNonce well formed}: there is
     *                                  no answer to give for it
     */
    public static String challengeAnswer(byte[] challengeKey, String nonce) {
        Objects.requireNonNull(challengeKey, "challengeKey");
        if (!isWellFormedNonce(nonce)) {
            throw new IllegalArgumentException("A challenge nonce is 43 characters of base64url (32 bytes)");
        }
        byte[] message = (CHALLENGE_KEY_INFO + "\n" + nonce).getBytes(StandardCharsets.US_ASCII);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(hmac(challengeKey, message));
    }

    private static byte[] derive(String portalSecret, String info) {
        Objects.requireNonNull(portalSecret, "portalSecret");
        if (portalSecret.isEmpty()) {
            throw new IllegalArgumentException("An empty secret has no keys");
        }
        return hkdfSha256(null, portalSecret.getBytes(StandardCharsets.UTF_8),
                info.getBytes(StandardCharsets.US_ASCII), KEY_BYTES);
    }

    /**
     * HKDF-SHA256 of RFC 5869: extract, then expand.
     *
     * @param salt   optional; {@code null} or empty means the RFC's default, 32 zero bytes
     * @param length at most 255 * 32 bytes
     */
    static byte[] hkdfSha256(byte[] salt, byte[] ikm, byte[] info, int length) {
        if (length < 1 || length > 255 * HASH_BYTES) {
            throw new IllegalArgumentException("HKDF-SHA256 gives 1 to 8160 bytes");
        }
        byte[] prk = hmac(salt == null || salt.length == 0 ? new byte[HASH_BYTES] : salt, ikm);
        ByteArrayOutputStream okm = new ByteArrayOutputStream(length);
        byte[] previous = new byte[0];
        for (int i = 1; okm.size() < length; i++) {
            byte[] input = new byte[previous.length + info.length + 1];
            System.arraycopy(previous, 0, input, 0, previous.length);
            System.arraycopy(info, 0, input, previous.length, info.length);
            input[input.length - 1] = (byte) i;
            previous = hmac(prk, input);
            okm.write(previous, 0, Math.min(previous.length, length - okm.size()));
        }
        return okm.toByteArray();
    }

    private static byte[] hmac(byte[] key, byte[] data) {
        try {
            Mac mac = Mac.getInstance(HMAC);
            mac.init(new SecretKeySpec(key, HMAC));
            return mac.doFinal(data);
        } catch (GeneralSecurityException e) {
            // HmacSHA256 is required of every Java platform, and every key here is non-empty.
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }
}
