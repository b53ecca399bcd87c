package org.supporthub.it;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.regex.Pattern;

/**
 * What a portal's module computes from its secret, written from docs/protocol.md ("Keys: one secret, one
 * purpose each") and not from the hub's code: the tests check that the hub keeps to what the document
 * tells portal developers.
 */
final class PortalProtocol {

    static final String TOKEN_KEY_INFO = "support-hub/v1/widget-token";
    static final String CHALLENGE_KEY_INFO = "support-hub/v1/address-challenge";
    private static final Pattern NONCE = Pattern.compile("[A-Za-z0-9_-]{43}");
    private static final Base64.Encoder B64URL = Base64.getUrlEncoder().withoutPadding();

    private PortalProtocol() {
    }

    /** HKDF-SHA256 (RFC 5869), no salt, 32 bytes: a single expand block. */
    static byte[] derive(String secret, String info) {
        byte[] prk = hmac(new byte[32], secret.getBytes(StandardCharsets.UTF_8));
        byte[] infoAndCounter = (info + "\u0001").getBytes(StandardCharsets.US_ASCII);
        return hmac(prk, infoAndCounter);
    }

    static byte[] tokenKey(String secret) {
        return derive(secret, TOKEN_KEY_INFO);
    }

    static byte[] challengeKey(String secret) {
        return derive(secret, CHALLENGE_KEY_INFO);
    }

    /** The one nonce form a portal answers: 43 characters of base64url. */
    static boolean wellFormedNonce(String nonce) {
        return nonce != null && NONCE.matcher(nonce).matches();
    }

    /** {@code base64url(HMAC-SHA256(challenge key, "support-hub/v1/address-challenge\n" + nonce))}. */
    static String challengeAnswer(String secret, String nonce) {
        return B64URL.encodeToString(hmac(challengeKey(secret),
                (CHALLENGE_KEY_INFO + "\n" + nonce).getBytes(StandardCharsets.US_ASCII)));
    }

    /** Plain base64url HMAC-SHA256, for the tests that write what an attacker or an old portal would. */
    static String hmacBase64Url(byte[] key, String data) {
        return B64URL.encodeToString(hmac(key, data.getBytes(StandardCharsets.US_ASCII)));
    }

    private static byte[] hmac(byte[] key, byte[] data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
