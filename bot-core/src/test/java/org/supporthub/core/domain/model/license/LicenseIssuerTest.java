package org.supporthub.core.domain.model.license;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.HexFormat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.supporthub.core.domain.model.license.LicenseFixtures.ACME;
import static org.supporthub.core.domain.model.license.LicenseFixtures.ACME_PAYLOAD;
import static org.supporthub.core.domain.model.license.LicenseFixtures.OTHER;
import static org.supporthub.core.domain.model.license.LicenseFixtures.RFC8032_EMPTY_SIGNATURE;
import static org.supporthub.core.domain.model.license.LicenseFixtures.RFC8032_PRIVATE_PEM;
import static org.supporthub.core.domain.model.license.LicenseFixtures.RFC8032_PUBLIC_PEM;
import static org.supporthub.core.domain.model.license.LicenseFixtures.VENDOR;

class LicenseIssuerTest {

    /**
     * {@link LicenseFixtures#ACME} issued with the RFC 8032 TEST 1 key. Pins the whole format: the prefix,
     * the payload encoding and the signature. If this changes, every key already sold stops working.
     */
    private static final String ACME_KEY_RFC8032 = "SHL1."
            + "bGljZW5zZWU9QUNNRSBTcC4geiBvLm8uCmRvbWFpbj1wb3J0YWwuYWNtZS5leGFtcGxlCmVkaXRpb249Y29tbWVyY2lhbApl"
            + "eHBpcmVzPTIwMjYtMTItMzEKc2VyaWFsPUFDTUUtMjAyNi0wMDEK"
            + ".t6UCCYQ71CzqcMNJ0AUPwLQA-qcAxxWJrI1I06weLsHpTB-EpJySA4O3miAqUNYf0cgH5gAxLYiUdQSgTz5yBg";

    private static final Clock BEFORE_EXPIRY = Clock.fixed(Instant.parse("2025-06-15T12:00:00Z"), ZoneOffset.UTC);

    // --- issuing ---------------------------------------------------------------------------------------

    @Test
    void issues_the_pinned_key_for_a_known_licence_and_key() {
        PrivateKey rfcKey = LicenseIssuer.decodePrivateKey(RFC8032_PRIVATE_PEM);

        assertThat(new LicenseIssuer(rfcKey).issue(ACME)).isEqualTo(ACME_KEY_RFC8032);
        assertThat(new LicenseVerifier(LicenseIssuer.decodePublicKey(RFC8032_PUBLIC_PEM), BEFORE_EXPIRY)
                .verify(ACME_KEY_RFC8032, "portal.acme.example")).isEqualTo(LicenseCheck.valid(ACME));
    }

    @Test
    void a_key_is_the_prefix_the_payload_and_the_signature() {
        String key = new LicenseIssuer(VENDOR.getPrivate()).issue(ACME);

        assertThat(key).matches("SHL1\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]{86}");
        String[] parts = key.split("\\.");
        byte[] payload = Base64.getUrlDecoder().decode(parts[1]);
        byte[] signature = Base64.getUrlDecoder().decode(parts[2]);
        assertThat(new String(payload, StandardCharsets.UTF_8)).isEqualTo(ACME_PAYLOAD);
        assertThat(signature).hasSize(64);
        assertThat(LicenseFixtures.signatureHolds(payload, signature, VENDOR.getPublic())).isTrue();
    }

    @Test
    void the_payload_is_utf8_and_carries_the_normalised_licence() {
        License license = new License("  Zakład „Łódź” ", "Portal.Bücher.Example.", Edition.DEMO,
                LocalDate.of(2030, 1, 2), "Z-9");

        String key = new LicenseIssuer(VENDOR.getPrivate()).issue(license);

        byte[] payload = Base64.getUrlDecoder().decode(key.split("\\.")[1]);
        assertThat(new String(payload, StandardCharsets.UTF_8)).isEqualTo("""
                licensee=Zakład „Łódź”
                domain=portal.xn--bcher-kva.example
                edition=demo
                expires=2030-01-02
                serial=Z-9
                """);
    }

    @Test
    void issuing_is_deterministic() {
        LicenseIssuer issuer = new LicenseIssuer(VENDOR.getPrivate());

        assertThat(issuer.issue(ACME)).isEqualTo(issuer.issue(ACME));
        assertThat(new LicenseIssuer(OTHER.getPrivate()).issue(ACME)).isNotEqualTo(issuer.issue(ACME));
    }

    @Test
    void refuses_a_signing_key_that_is_not_ed25519() throws Exception {
        PrivateKey rsa = KeyPairGenerator.getInstance("RSA").generateKeyPair().getPrivate();
        PrivateKey ed448 = KeyPairGenerator.getInstance("Ed448").generateKeyPair().getPrivate();

        assertThatIllegalArgumentException().isThrownBy(() -> new LicenseIssuer(rsa));
        assertThatIllegalArgumentException().isThrownBy(() -> new LicenseIssuer(ed448));
        assertThatNullPointerException().isThrownBy(() -> new LicenseIssuer(null));
        assertThatNullPointerException().isThrownBy(() -> new LicenseIssuer(VENDOR.getPrivate()).issue(null));
    }

    // --- keys ------------------------------------------------------------------------------------------

    @Test
    void generates_distinct_ed25519_key_pairs() {
        KeyPair first = LicenseIssuer.generateKeyPair();
        KeyPair second = LicenseIssuer.generateKeyPair();

        assertThat(first.getPublic().getAlgorithm()).isIn("EdDSA", "Ed25519");
        assertThat(first.getPublic().getEncoded()).isNotEqualTo(second.getPublic().getEncoded());
        byte[] message = "hello".getBytes(StandardCharsets.UTF_8);
        assertThat(LicenseFixtures.signatureHolds(message, LicenseFixtures.sign(message, first.getPrivate()),
                first.getPublic())).isTrue();
    }

    @Test
    void decodes_the_standard_encodings_of_the_rfc8032_key() {
        PrivateKey privateKey = LicenseIssuer.decodePrivateKey(RFC8032_PRIVATE_PEM);
        PublicKey publicKey = LicenseIssuer.decodePublicKey(RFC8032_PUBLIC_PEM);

        // The RFC's own test vector: this key's signature of the empty message.
        byte[] signature = LicenseFixtures.sign(new byte[0], privateKey);
        assertThat(HexFormat.of().formatHex(signature)).isEqualTo(RFC8032_EMPTY_SIGNATURE);
        assertThat(LicenseFixtures.signatureHolds(new byte[0], signature, publicKey)).isTrue();
    }

    @Test
    void encodes_keys_as_standard_pem() {
        PrivateKey privateKey = LicenseIssuer.decodePrivateKey(RFC8032_PRIVATE_PEM);
        PublicKey publicKey = LicenseIssuer.decodePublicKey(RFC8032_PUBLIC_PEM);

        assertThat(LicenseIssuer.encodePrivateKey(privateKey)).isEqualTo("""
                -----BEGIN PRIVATE KEY-----
                MC4CAQAwBQYDK2VwBCIEIJ1hsZ3v/VpguoRK9JLsLMREScVpezJpGXA7rAMcrn9g
                -----END PRIVATE KEY-----
                """);
        assertThat(LicenseIssuer.encodePublicKey(publicKey)).isEqualTo("""
                -----BEGIN PUBLIC KEY-----
                MCowBQYDK2VwAyEA11qYAYKxCrfVS/7TyWQHOg7hcvPapiMlrwIaaPcHURo=
                -----END PUBLIC KEY-----
                """);
    }

    @Test
    void encoded_keys_decode_to_the_same_keys() {
        KeyPair pair = LicenseIssuer.generateKeyPair();

        PublicKey publicKey = LicenseIssuer.decodePublicKey(LicenseIssuer.encodePublicKey(pair.getPublic()));
        PrivateKey privateKey = LicenseIssuer.decodePrivateKey(LicenseIssuer.encodePrivateKey(pair.getPrivate()));

        assertThat(publicKey).isEqualTo(pair.getPublic());
        assertThat(publicKey.getEncoded()).isEqualTo(pair.getPublic().getEncoded());
        assertThat(privateKey.getEncoded()).isEqualTo(pair.getPrivate().getEncoded());
        // The decoded halves still belong together.
        String key = new LicenseIssuer(privateKey).issue(ACME);
        assertThat(new LicenseVerifier(pair.getPublic(), BEFORE_EXPIRY).verify(key, "portal.acme.example").isValid()).isTrue();
    }

    @Test
    void decoding_accepts_bare_base64_and_windows_line_endings() {
        String body = RFC8032_PUBLIC_PEM.lines().filter(line -> !line.startsWith("-----")).findFirst().orElseThrow();
        PublicKey expected = LicenseIssuer.decodePublicKey(RFC8032_PUBLIC_PEM);

        assertThat(LicenseIssuer.decodePublicKey(body)).isEqualTo(expected);
        assertThat(LicenseIssuer.decodePublicKey("  " + body + "\n")).isEqualTo(expected);
        assertThat(LicenseIssuer.decodePublicKey(RFC8032_PUBLIC_PEM.replace("\n", "\r\n"))).isEqualTo(expected);
        assertThat(LicenseIssuer.decodePrivateKey(RFC8032_PRIVATE_PEM.replace("\n", "\r\n")).getEncoded())
                .isEqualTo(LicenseIssuer.decodePrivateKey(RFC8032_PRIVATE_PEM).getEncoded());
    }

    @Test
    void decoding_refuses_the_other_half_of_the_pair() {
        assertThatIllegalArgumentException().isThrownBy(() -> LicenseIssuer.decodePublicKey(RFC8032_PRIVATE_PEM))
                .withMessageContaining("PUBLIC KEY");
        assertThatIllegalArgumentException().isThrownBy(() -> LicenseIssuer.decodePrivateKey(RFC8032_PUBLIC_PEM))
                .withMessageContaining("PRIVATE KEY");
        // Without the PEM labels the DER structure itself is checked.
        String privateBody = RFC8032_PRIVATE_PEM.lines().filter(l -> !l.startsWith("-----")).findFirst().orElseThrow();
        assertThatIllegalArgumentException().isThrownBy(() -> LicenseIssuer.decodePublicKey(privateBody));
    }

    @Test
    void decoding_refuses_keys_of_other_algorithms() throws Exception {
        KeyPair rsa = KeyPairGenerator.getInstance("RSA").generateKeyPair();
        KeyPair ed448 = KeyPairGenerator.getInstance("Ed448").generateKeyPair();

        assertThatIllegalArgumentException().isThrownBy(() -> LicenseIssuer.decodePublicKey(pem("PUBLIC KEY", rsa.getPublic().getEncoded())));
        assertThatIllegalArgumentException().isThrownBy(() -> LicenseIssuer.decodePublicKey(pem("PUBLIC KEY", ed448.getPublic().getEncoded())));
        assertThatIllegalArgumentException().isThrownBy(() -> LicenseIssuer.decodePrivateKey(pem("PRIVATE KEY", rsa.getPrivate().getEncoded())));
        assertThatIllegalArgumentException().isThrownBy(() -> LicenseIssuer.decodePrivateKey(pem("PRIVATE KEY", ed448.getPrivate().getEncoded())));
        assertThatIllegalArgumentException().isThrownBy(() -> LicenseIssuer.encodePublicKey(rsa.getPublic()));
        assertThatIllegalArgumentException().isThrownBy(() -> LicenseIssuer.encodePrivateKey(ed448.getPrivate()));
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {
            " ", "not a key", "AAAA", "====",
            "-----BEGIN PUBLIC KEY-----",
            "-----BEGIN PUBLIC KEY-----\n-----END PUBLIC KEY-----",
            "-----BEGIN PUBLIC KEY-----\nnot base64!\n-----END PUBLIC KEY-----",
            "-----BEGIN EC PUBLIC KEY-----\nMCowBQYDK2VwAyEA11qYAYKxCrfVS/7TyWQHOg7hcvPapiMlrwIaaPcHURo=\n-----END EC PUBLIC KEY-----",
            "-----BEGIN PUBLIC KEY-----\nMCowBQYDK2VwAyEA11qYAYKxCrfVS/7TyWQHOg7hcvPapiMlrwIaaPcHURo=\n-----END PUBLIC KEY-----\ntrailing",
            "-----BEGIN PUBLIC KEY-----\nMCowBQYDK2VwAyEA11qYAYKxCrfVS/7TyWQHOg7hcvPapiMlrwIaaPc=\n-----END PUBLIC KEY-----",
    })
    void decoding_refuses_anything_but_one_ed25519_public_key(String text) {
        if (text == null) {
            assertThatNullPointerException().isThrownBy(() -> LicenseIssuer.decodePublicKey(null));
        } else {
            assertThatIllegalArgumentException().isThrownBy(() -> LicenseIssuer.decodePublicKey(text));
        }
    }

    @Test
    void a_refused_private_key_is_not_repeated_in_the_message() {
        // A damaged private key file must not end up in a log through the exception message.
        String damaged = RFC8032_PRIVATE_PEM.replace("MC4CAQAw", "MC8CAQAw"); // DER length one too long

        assertThatThrownBy(() -> LicenseIssuer.decodePrivateKey(damaged))
                .isInstanceOf(IllegalArgumentException.class)
                .hasNoCause()
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("BCIEIJ1hsZ3v"));
    }

    private static String pem(String label, byte[] der) {
        return "-----BEGIN " + label + "-----\n" + Base64.getMimeEncoder().encodeToString(der)
                + "\n-----END " + label + "-----\n";
    }
}
