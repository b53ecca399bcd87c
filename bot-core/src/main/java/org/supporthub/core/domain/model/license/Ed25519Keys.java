package org.supporthub.core.domain.model.license;

import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.interfaces.EdECKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The vendor's Ed25519 keys and their text form: standard PEM ({@code PUBLIC KEY} is X.509
 * SubjectPublicKeyInfo, {@code PRIVATE KEY} is PKCS#8), so the files also open with OpenSSL and other
 * tools. Reading also takes the bare base64 body, which fits in a single environment variable.
 */
final class Ed25519Keys {

    static final String ALGORITHM = "Ed25519";
    static final String PUBLIC_LABEL = "PUBLIC KEY";
    static final String PRIVATE_LABEL = "PRIVATE KEY";

    private static final Pattern WHITESPACE = Pattern.compile("\\s+");

    private Ed25519Keys() {
    }

    static KeyPair generate() {
        try {
            return KeyPairGenerator.getInstance(ALGORITHM).generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("This Java runtime has no Ed25519", e);
        }
    }

    /**
     * The key itself when it is an Ed25519 key. Refusing anything else up front (RSA, Ed448…) turns a
     * misconfigured vendor key into a start-up error instead of every licence silently failing.
     */
    static <K extends Key> K requireEd25519(K key) {
        Objects.requireNonNull(key, "key");
        if (!(key instanceof EdECKey edKey) || !ALGORITHM.equalsIgnoreCase(edKey.getParams().getName())) {
            throw new IllegalArgumentException("Not an Ed25519 key: " + key.getAlgorithm());
        }
        return key;
    }

    static String encode(PublicKey key) {
        return pem(PUBLIC_LABEL, requireEd25519(key).getEncoded());
    }

    static String encode(PrivateKey key) {
        return pem(PRIVATE_LABEL, requireEd25519(key).getEncoded());
    }

    static PublicKey decodePublic(String text) {
        byte[] der = der(text, PUBLIC_LABEL);
        try {
            return requireEd25519(KeyFactory.getInstance(ALGORITHM).generatePublic(new X509EncodedKeySpec(der)));
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("Not an Ed25519 public key (X.509)");
        }
    }

    static PrivateKey decodePrivate(String text) {
        byte[] der = der(text, PRIVATE_LABEL);
        try {
            return requireEd25519(KeyFactory.getInstance(ALGORITHM).generatePrivate(new PKCS8EncodedKeySpec(der)));
        } catch (GeneralSecurityException e) {
            // No cause and no key text in the message: a private key must not end up in a log.
            throw new IllegalArgumentException("Not an Ed25519 private key (PKCS#8)");
        }
    }

    private static String pem(String label, byte[] der) {
        return "-----BEGIN " + label + "-----\n"
                + Base64.getMimeEncoder(64, new byte[]{'\n'}).encodeToString(der) + "\n"
                + "-----END " + label + "-----\n";
    }

    /** The DER bytes of a PEM block with exactly this label, or of a bare base64 body. */
    private static byte[] der(String text, String label) {
        Objects.requireNonNull(text, "key text");
        String body = text.strip();
        if (body.startsWith("-----")) {
            String begin = "-----BEGIN " + label + "-----";
            String end = "-----END " + label + "-----";
            // Checking the label catches the classic mix-up of passing the private key file where the
            // public one belongs (or an "EC PRIVATE KEY" from another tool) with a message that says so.
            if (!body.startsWith(begin) || !body.endsWith(end) || body.length() < begin.length() + end.length()) {
                throw new IllegalArgumentException("Expected one PEM block labelled " + label);
            }
            body = body.substring(begin.length(), body.length() - end.length());
        }
        byte[] der;
        try {
            der = Base64.getDecoder().decode(WHITESPACE.matcher(body).replaceAll(""));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Expected a base64 or PEM " + label);
        }
        if (der.length == 0) {
            throw new IllegalArgumentException("Empty " + label);
        }
        return der;
    }
}
