package org.supporthub.core.domain.model.license;

import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.util.Objects;

/**
 * The vendor's side: turns a {@link License} into a signed key in the {@link LicenseKeyFormat}.
 *
 * <p>Only the vendor holds the private key; the hub is given the public key and can check licences
 * without calling home. Ed25519 signatures are deterministic, so issuing the same licence with the same
 * key always gives the same text.
 *
 * <p>The static helpers create the vendor's key pair and write and read keys as PEM text (see
 * {@link #encodePublicKey(PublicKey)}); the hub needs {@link #decodePublicKey(String)} to load its copy.
 * Instances are immutable and safe to share between threads.
 */
public final class LicenseIssuer {

    private final PrivateKey signingKey;

    /**
     * @param signingKey the vendor's Ed25519 private key
     * @throws IllegalArgumentException when it is not an Ed25519 key
     */
    public LicenseIssuer(PrivateKey signingKey) {
        this.signingKey = Ed25519Keys.requireEd25519(signingKey);
    }

    /** The licence key for this licence. */
    public String issue(License license) {
        Objects.requireNonNull(license, "license");
        byte[] payload = LicenseKeyFormat.payload(license);
        try {
            // A new Signature per call: Signature objects keep state and are not thread-safe.
            Signature signer = Signature.getInstance(Ed25519Keys.ALGORITHM);
            signer.initSign(signingKey);
            signer.update(payload);
            return LicenseKeyFormat.assemble(payload, signer.sign());
        } catch (GeneralSecurityException e) {
            // The key was checked in the constructor and Ed25519 is in every Java 15+ runtime.
            throw new IllegalStateException("Could not sign the licence", e);
        }
    }

    /** A new vendor key pair. Keep the private half offline; give the public half to the hub. */
    public static KeyPair generateKeyPair() {
        return Ed25519Keys.generate();
    }

    /** The public key as a PEM {@code PUBLIC KEY} block (X.509 SubjectPublicKeyInfo). */
    public static String encodePublicKey(PublicKey key) {
        return Ed25519Keys.encode(key);
    }

    /**
     * Reads an Ed25519 public key from a PEM {@code PUBLIC KEY} block or its bare base64 body.
     *
     * @throws IllegalArgumentException when the text is not such a key
     */
    public static PublicKey decodePublicKey(String text) {
        return Ed25519Keys.decodePublic(text);
    }

    /** The private key as a PEM {@code PRIVATE KEY} block (PKCS#8, unencrypted: protect the file). */
    public static String encodePrivateKey(PrivateKey key) {
        return Ed25519Keys.encode(key);
    }

    /**
     * Reads an Ed25519 private key from a PEM {@code PRIVATE KEY} block or its bare base64 body.
     *
     * @throws IllegalArgumentException when the text is not such a key; the message never contains it
     */
    public static PrivateKey decodePrivateKey(String text) {
        return Ed25519Keys.decodePrivate(text);
    }
}
