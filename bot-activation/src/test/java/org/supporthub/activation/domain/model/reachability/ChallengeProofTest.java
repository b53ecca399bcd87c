package org.supporthub.activation.domain.model.reachability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HexFormat;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ChallengeProofTest {

    private static final byte[] SECRET = "portal-secret".getBytes(StandardCharsets.UTF_8);

    @Test
    void theProofIsBase64UrlOfHmacSha256() {
        // RFC 4231, test case 2: key "Jefe", data "what do ya want for nothing?".
        byte[] expected = HexFormat.of().parseHex("5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");

        String proof = ChallengeProof.proof("Jefe".getBytes(StandardCharsets.UTF_8), "what do ya want for nothing?");

        assertThat(proof).isEqualTo(Base64.getUrlEncoder().withoutPadding().encodeToString(expected));
    }

    @Test
    void nonceIs32RandomBytesInBase64Url() {
        Set<String> nonces = new HashSet<>();
        for (int i = 0; i < 100; i++) {
            String nonce = ChallengeProof.newNonce();
            assertThat(nonce).matches("[A-Za-z0-9_-]{43}");
            assertThat(Base64.getUrlDecoder().decode(nonce)).hasSize(32);
            nonces.add(nonce);
        }
        assertThat(nonces).hasSize(100);
    }

    @Test
    void theRightAnswerMatchesWithWhitespaceOrPadding() {
        String nonce = ChallengeProof.newNonce();
        String proof = ChallengeProof.proof(SECRET, nonce);

        assertThat(ChallengeProof.matches(SECRET, nonce, proof)).isTrue();
        assertThat(ChallengeProof.matches(SECRET, nonce, "  " + proof + "\r\n")).isTrue();
        assertThat(ChallengeProof.matches(SECRET, nonce, proof + "=")).isTrue();
    }

    @Test
    void anyOtherAnswerDoesNot() {
        String nonce = ChallengeProof.newNonce();
        String proof = ChallengeProof.proof(SECRET, nonce);

        assertThat(ChallengeProof.matches(SECRET, nonce, null)).isFalse();
        assertThat(ChallengeProof.matches(SECRET, nonce, "")).isFalse();
        assertThat(ChallengeProof.matches(SECRET, nonce, proof.substring(1))).isFalse();
        assertThat(ChallengeProof.matches(SECRET, nonce, proof.toUpperCase())).isFalse();
        assertThat(ChallengeProof.matches(SECRET, ChallengeProof.newNonce(), proof)).as("another nonce").isFalse();
        assertThat(ChallengeProof.matches("other".getBytes(StandardCharsets.UTF_8), nonce, proof))
                .as("another secret").isFalse();
        // Standard base64 of the same bytes is not base64url: '+' and '/' are not accepted for '-' and '_'.
        String standard = Base64.getEncoder().withoutPadding()
                .encodeToString(Base64.getUrlDecoder().decode(proof));
        assertThat(ChallengeProof.matches(SECRET, nonce, standard)).isEqualTo(standard.equals(proof));
    }

    @Test
    void anEmptySecretProvesNothing() {
        assertThatThrownBy(() -> ChallengeProof.proof(new byte[0], "nonce"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
