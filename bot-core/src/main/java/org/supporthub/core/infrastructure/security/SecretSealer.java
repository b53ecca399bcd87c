package org.supporthub.core.infrastructure.security;

import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * Seals short secrets with AES-GCM under the hub's secret key, so that a copy of the database alone
 * does not give them away. Each sealed value carries its own random nonce, and is bound to its owner (a
 * portal's id, as GCM associated data), so that someone who can write the database cannot make one
 * portal's secret serve another by copying the sealed value across rows.
 */
public final class SecretSealer {

    /**
     * Marks the current form: AES-GCM with the owner as associated data. Values without it were sealed
     * before that binding existed (the legacy form) and are only opened to be sealed again.
     */
    public static final String PREFIX = "v2:";

    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final SecretKey key;

    public SecretSealer(SecretKey key) {
        this.key = key;
    }

    /**
     * A key for one purpose only (such as signing staff tokens), derived from the hub key with
     * HMAC-SHA256, so that a key leaked from one use does not open the others.
     */
    public byte[] derive(String purpose) {
        try {
            javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
            mac.init(new javax.crypto.spec.SecretKeySpec(key.getEncoded(), "HmacSHA256"));
            return mac.doFinal(("support-hub/" + purpose).getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot derive a key", e);
        }
    }

    /**
     * Seals a secret bound to what it belongs to (a portal's id): the binding is AES-GCM's associated data,
     * so the sealed value opens only for that owner. Copied to another portal's row, it does not open.
     *
     * @return {@value #PREFIX} followed by base64 of nonce, ciphertext and tag
     */
    public String seal(String plain, String boundTo) {
        try {
            byte[] nonce = new byte[NONCE_BYTES];
            RANDOM.nextBytes(nonce);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(associatedData(boundTo));
            byte[] sealed = cipher.doFinal(plain.getBytes(StandardCharsets.UTF_8));
            return PREFIX + Base64.getEncoder().encodeToString(ByteBuffer.allocate(NONCE_BYTES + sealed.length)
                    .put(nonce).put(sealed).array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot seal a secret", e);
        }
    }

    /**
     * Opens a value {@link #seal(String, String) sealed} for this owner.
     *
     * @throws IllegalStateException when the value was not sealed with this key for this owner, was altered,
     *                               or is in the legacy form (see {@link #unsealLegacy(String)})
     */
    public String unseal(String sealedValue, String boundTo) {
        if (sealedValue == null || !sealedValue.startsWith(PREFIX)) {
            throw new IllegalStateException("A sealed secret is not in the current form (bound to its owner)");
        }
        return open(sealedValue.substring(PREFIX.length()), associatedData(boundTo));
    }

    /** Whether a value is in the legacy form: sealed before values were bound to their owner. */
    public boolean isLegacy(String sealedValue) {
        return sealedValue != null && !sealedValue.startsWith(PREFIX);
    }

    /**
     * Opens a value sealed in the legacy form (no prefix, no associated data). Such a value is bound to
     * nothing, so only the start-up upgrade may open it, to seal it again bound to its owner.
     */
    public String unsealLegacy(String sealedValue) {
        if (!isLegacy(sealedValue)) {
            throw new IllegalStateException("Not a legacy sealed secret");
        }
        return open(sealedValue, null);
    }

    private String open(String base64, byte[] associatedData) {
        try {
            byte[] all = Base64.getDecoder().decode(base64);
            if (all.length < NONCE_BYTES + TAG_BITS / 8) {
                // Too short to hold a nonce and a tag: the cipher would fail with an unchecked provider error.
                throw new IllegalStateException("A sealed secret is too short to have been sealed by the hub");
            }
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, all, 0, NONCE_BYTES));
            if (associatedData != null) {
                cipher.updateAAD(associatedData);
            }
            return new String(cipher.doFinal(all, NONCE_BYTES, all.length - NONCE_BYTES), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalStateException("A sealed secret does not open with the hub's secret key for its owner", e);
        }
    }

    private static byte[] associatedData(String boundTo) {
        if (boundTo == null || boundTo.isEmpty()) {
            throw new IllegalArgumentException("A sealed secret must be bound to its owner");
        }
        return boundTo.getBytes(StandardCharsets.UTF_8);
    }
}
