package org.supporthub.core.domain.model.license;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.time.LocalDate;
import java.util.Base64;
import java.util.HexFormat;

/**
 * Keys and licences shared by the licence tests, and a way to sign any payload by hand, written here
 * independently of {@link LicenseIssuer} so that tests can build keys the issuer would never produce.
 */
public final class LicenseFixtures {

    /** The vendor's key pair for most tests: generated once per test run. */
    static final KeyPair VENDOR = LicenseIssuer.generateKeyPair();

    /** Somebody else's perfectly good Ed25519 key pair. */
    static final KeyPair OTHER = LicenseIssuer.generateKeyPair();

    /** RFC 8032 §7.1, TEST 1: a published Ed25519 key pair, so its encodings can be pinned. */
    static final String RFC8032_SEED = "9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60";
    static final String RFC8032_PUBLIC = "d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a";
    /** TEST 1's signature of the empty message. */
    static final String RFC8032_EMPTY_SIGNATURE = "e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e065224901555f"
            + "b8821590a33bacc61e39701cf9b46bd25bf5f0595bbe24655141438e7a100b";

    /** PKCS#8 of the RFC seed: the fixed DER prefix for an Ed25519 private key, then the 32-byte seed. */
    static final String RFC8032_PRIVATE_PEM = "-----BEGIN PRIVATE KEY-----\n"
            + base64(HexFormat.of().parseHex("302e020100300506032b657004220420" + RFC8032_SEED)) + "\n"
            + "-----END PRIVATE KEY-----\n";
    /** X.509 SubjectPublicKeyInfo of the RFC public key. */
    static final String RFC8032_PUBLIC_PEM = "-----BEGIN PUBLIC KEY-----\n"
            + base64(HexFormat.of().parseHex("302a300506032b6570032100" + RFC8032_PUBLIC)) + "\n"
            + "-----END PUBLIC KEY-----\n";

    public static final License ACME = new License("ACME Sp. z o.o.", "portal.acme.example", Edition.COMMERCIAL,
            LocalDate.of(2026, 12, 31), "ACME-2026-001");

    /** {@link #ACME}'s payload, written out by hand. */
    static final String ACME_PAYLOAD = "licensee=ACME Sp. z o.o.\n"
            + "domain=portal.acme.example\n"
            + "edition=commercial\n"
            + "expires=2026-12-31\n"
            + "serial=ACME-2026-001\n";

    private LicenseFixtures() {
    }

    static String signedKey(String payload, PrivateKey key) {
        return signedKey(payload.getBytes(StandardCharsets.UTF_8), key);
    }

    /** A version-1 key for exactly these payload bytes, correctly signed with the given key. */
    static String signedKey(byte[] payload, PrivateKey key) {
        try {
            Signature signer = Signature.getInstance("Ed25519");
            signer.initSign(key);
            signer.update(payload);
            Base64.Encoder b64url = Base64.getUrlEncoder().withoutPadding();
            return "SHL1." + b64url.encodeToString(payload) + "." + b64url.encodeToString(signer.sign());
        } catch (GeneralSecurityException e) {
            throw new AssertionError(e);
        }
    }

    static boolean signatureHolds(byte[] message, byte[] signature, PublicKey key) {
        try {
            Signature verifier = Signature.getInstance("Ed25519");
            verifier.initVerify(key);
            verifier.update(message);
            return verifier.verify(signature);
        } catch (GeneralSecurityException e) {
            throw new AssertionError(e);
        }
    }

    static byte[] sign(byte[] message, PrivateKey key) {
        try {
            Signature signer = Signature.getInstance("Ed25519");
            signer.initSign(key);
            signer.update(message);
            return signer.sign();
        } catch (GeneralSecurityException e) {
            throw new AssertionError(e);
        }
    }

    private static String base64(byte[] bytes) {
        return Base64.getEncoder().encodeToString(bytes);
    }
}
