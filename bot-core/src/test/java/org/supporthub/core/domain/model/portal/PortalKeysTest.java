package org.supporthub.core.domain.model.portal;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class PortalKeysTest {

    private static final HexFormat HEX = HexFormat.of();
    private static final Base64.Encoder B64URL = Base64.getUrlEncoder().withoutPadding();

    // ---- HKDF itself: RFC 5869, appendix A ------------------------------------------------------------

    @Test
    void hkdf_matches_rfc_5869_test_case_1() {
        byte[] okm = PortalKeys.hkdfSha256(HEX.parseHex("000102030405060708090a0b0c"),
                HEX.parseHex("0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b"), HEX.parseHex("f0f1f2f3f4f5f6f7f8f9"), 42);

        assertThat(HEX.formatHex(okm)).isEqualTo(
                "3cb25f25faacd57a90434f64d0362f2a2d2d0a90cf1a5a4c5db02d56ecc4c5bf34007208d5b887185865");
    }

    @Test
    void hkdf_matches_rfc_5869_test_case_2_with_long_inputs_and_three_blocks() {
        byte[] ikm = range(0x00, 80);
        byte[] salt = range(0x60, 80);
        byte[] info = range(0xb0, 80);

        assertThat(HEX.formatHex(PortalKeys.hkdfSha256(salt, ikm, info, 82))).isEqualTo(
                "b11e398dc80327a1c8e7f78c596a49344f012eda2d4efad8a050cc4c19afa97c"
                        + "59045a99cac7827271cb41c65e590e09da3275600c2f09b8367793a9aca3db71"
                        + "cc30c58179ec3e87c14c01d5c1f3434f1d87");
    }

    @Test
    void hkdf_matches_rfc_5869_test_case_3_without_salt_and_info() {
        byte[] ikm = HEX.parseHex("0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b");

        assertThat(HEX.formatHex(PortalKeys.hkdfSha256(null, ikm, new byte[0], 42))).isEqualTo(
                "8da4e775a563c18f715f802a063c5a31b8a11f5c5ee1879ec3454e5f3c738d2d9d201395faa4b61a96c8");
        assertThat(PortalKeys.hkdfSha256(new byte[0], ikm, new byte[0], 42))
                .isEqualTo(PortalKeys.hkdfSha256(null, ikm, new byte[0], 42));
    }

    @Test
    void hkdf_refuses_lengths_it_cannot_give() {
        assertThatIllegalArgumentException().isThrownBy(() -> PortalKeys.hkdfSha256(null, new byte[1], new byte[0], 0));
        assertThatIllegalArgumentException()
                .isThrownBy(() -> PortalKeys.hkdfSha256(null, new byte[1], new byte[0], 255 * 32 + 1));
    }

    private static byte[] range(int from, int length) {
        byte[] b = new byte[length];
        for (int i = 0; i < length; i++) {
            b[i] = (byte) (from + i);
        }
        return b;
    }

    // ---- one key per purpose ------------------------------------------------------------------------

    @Test
    void the_keys_are_hkdf_of_the_secret_with_their_own_label_and_differ_from_each_other_and_the_secret() {
        String secret = "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8";
        byte[] ikm = secret.getBytes(StandardCharsets.UTF_8);

        assertThat(PortalKeys.tokenKey(secret)).hasSize(32).isEqualTo(PortalKeys.hkdfSha256(null, ikm,
                "support-hub/v1/widget-token".getBytes(StandardCharsets.US_ASCII), 32));
        assertThat(PortalKeys.challengeKey(secret)).hasSize(32).isEqualTo(PortalKeys.hkdfSha256(null, ikm,
                "support-hub/v1/address-challenge".getBytes(StandardCharsets.US_ASCII), 32));
        assertThat(PortalKeys.tokenKey(secret)).isNotEqualTo(PortalKeys.challengeKey(secret)).isNotEqualTo(ikm);
        assertThat(PortalKeys.tokenKey(secret + "x")).isNotEqualTo(PortalKeys.tokenKey(secret));
    }

    @Test
    void an_empty_secret_has_no_keys() {
        assertThatIllegalArgumentException().isThrownBy(() -> PortalKeys.tokenKey(""));
        assertThatIllegalArgumentException().isThrownBy(() -> PortalKeys.challengeKey(""));
    }

    @Test
    void the_challenge_answer_macs_the_purpose_context_and_the_nonce_with_the_challenge_key() throws Exception {
        String secret = "some-portal-secret";
        String nonce = newNonce();
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(PortalKeys.challengeKey(secret), "HmacSHA256"));
        String expected = B64URL.encodeToString(mac.doFinal(
                ("support-hub/v1/address-challenge\n" + nonce).getBytes(StandardCharsets.US_ASCII)));

        assertThat(PortalKeys.challengeAnswer(PortalKeys.challengeKey(secret), nonce))
                .isEqualTo(expected).matches("[A-Za-z0-9_-]{43}");
    }

    @Test
    void no_answer_the_challenge_endpoint_can_give_is_the_old_schemes_proof_or_a_token_signature() throws Exception {
        String secret = "some-portal-secret";
        String nonce = newNonce();
        String answer = PortalKeys.challengeAnswer(PortalKeys.challengeKey(secret), nonce);
        Mac mac = Mac.getInstance("HmacSHA256");
        for (byte[] key : new byte[][]{secret.getBytes(StandardCharsets.UTF_8), PortalKeys.tokenKey(secret)}) {
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            // What a token's signature over the same bytes would be, with the old key or the token key.
            assertThat(answer).isNotEqualTo(B64URL.encodeToString(mac.doFinal(nonce.getBytes(StandardCharsets.US_ASCII))));
        }
    }

    // ---- the nonce's one form -----------------------------------------------------------------------

    @Test
    void a_nonce_is_32_bytes_in_base64url_without_padding() {
        for (int i = 0; i < 200; i++) {
            assertThat(PortalKeys.isWellFormedNonce(newNonce())).isTrue();
        }
        assertThat(PortalKeys.isWellFormedNonce("A".repeat(43))).isTrue();
        assertThat(PortalKeys.isWellFormedNonce("-_".repeat(21) + "z")).isTrue();
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {
            "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",     // 42 characters
            "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",   // 44 characters
            "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=",    // padding
            "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA+/",    // standard base64 alphabet
            "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA.",    // a dot, as in header.payload
            "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA\n",   // a trailing line feed
            " AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",    // a leading space
            "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAĄ",    // a non-ASCII letter
            "eyJhbGciOiJIUzI1NiJ9.eyJpc3MiOiJwIiwiYWRtaW4iOnRydWV9"})
    void any_other_nonce_is_refused_and_gets_no_answer(String nonce) {
        assertThat(PortalKeys.isWellFormedNonce(nonce)).isFalse();
        assertThatIllegalArgumentException()
                .isThrownBy(() -> PortalKeys.challengeAnswer(PortalKeys.challengeKey("s"), nonce));
    }

    private static String newNonce() {
        byte[] b = new byte[32];
        new SecureRandom().nextBytes(b);
        return B64URL.encodeToString(b);
    }

    // ---- the document's test vector -----------------------------------------------------------------

    @Test
    void the_test_vector_printed_in_the_protocol_document_holds() {
        DocumentedTestVector v = DocumentedTestVector.load();
        String secret = v.get("secret");
        byte[] tokenKey = PortalKeys.tokenKey(secret);
        byte[] challengeKey = PortalKeys.challengeKey(secret);

        assertThat(HEX.formatHex(tokenKey)).isEqualTo(v.get("token key (hex)"));
        assertThat(B64URL.encodeToString(tokenKey)).isEqualTo(v.get("token key (b64url)"));
        assertThat(HEX.formatHex(challengeKey)).isEqualTo(v.get("challenge key (hex)"));
        assertThat(B64URL.encodeToString(challengeKey)).isEqualTo(v.get("challenge key (b64url)"));
        assertThat(PortalKeys.isWellFormedNonce(v.get("nonce"))).isTrue();
        assertThat(PortalKeys.challengeAnswer(challengeKey, v.get("nonce"))).isEqualTo(v.get("challenge answer"));
        assertThat(B64URL.encodeToString(v.get("token header").getBytes(StandardCharsets.UTF_8)) + "."
                + B64URL.encodeToString(v.get("token payload").getBytes(StandardCharsets.UTF_8)))
                .isEqualTo(v.get("token signing input"));
    }
}
