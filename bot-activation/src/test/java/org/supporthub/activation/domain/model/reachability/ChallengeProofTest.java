package org.supporthub.activation.domain.model.reachability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.supporthub.core.domain.model.portal.PortalKeys;

class ChallengeProofTest {

    private static final String SECRET = "portal-secret";
    private static final byte[] KEY = PortalKeys.challengeKey(SECRET);

    /** The "Test vector" block of docs/protocol.md, as printed there for portal developers. */
    private static Map<String, String> documentedVector() throws Exception {
        String doc = Files.readString(Path.of(System.getProperty("basedir", ".")).resolve("../docs/protocol.md"));
        int start = doc.indexOf("```text\n", doc.indexOf("### Test vector")) + 8;
        Map<String, String> values = new HashMap<>();
        for (String line : doc.substring(start, doc.indexOf("```", start)).split("\n")) {
            int colon = line.indexOf(':');
            values.put(line.substring(0, colon).trim(), line.substring(colon + 1).trim());
        }
        return values;
    }

    @Test
    void theDocumentedTestVectorsAnswerIsTheProof() throws Exception {
        Map<String, String> v = documentedVector();
        byte[] key = PortalKeys.challengeKey(v.get("secret"));

        assertThat(ChallengeProof.proof(key, v.get("nonce"))).isEqualTo(v.get("challenge answer"));
        assertThat(ChallengeProof.matches(key, v.get("nonce"), v.get("challenge answer") + "\n")).isTrue();
        // The token key or the secret itself proves nothing.
        assertThat(ChallengeProof.matches(PortalKeys.tokenKey(v.get("secret")), v.get("nonce"), v.get("challenge answer")))
                .isFalse();
        assertThat(ChallengeProof.matches(v.get("secret").getBytes(StandardCharsets.UTF_8), v.get("nonce"),
                v.get("challenge answer"))).isFalse();
    }

    @Test
    void nonceIs32RandomBytesInBase64UrlOfTheOneFormPortalsAccept() {
        Set<String> nonces = new HashSet<>();
        for (int i = 0; i < 100; i++) {
            String nonce = ChallengeProof.newNonce();
            assertThat(nonce).matches("[A-Za-z0-9_-]{43}");
            assertThat(PortalKeys.isWellFormedNonce(nonce)).isTrue();
            assertThat(Base64.getUrlDecoder().decode(nonce)).hasSize(32);
            nonces.add(nonce);
        }
        assertThat(nonces).hasSize(100);
    }

    @Test
    void theRightAnswerMatchesWithWhitespaceOrPadding() {
        String nonce = ChallengeProof.newNonce();
        String proof = ChallengeProof.proof(KEY, nonce);

        assertThat(ChallengeProof.matches(KEY, nonce, proof)).isTrue();
        assertThat(ChallengeProof.matches(KEY, nonce, "  " + proof + "\r\n")).isTrue();
        assertThat(ChallengeProof.matches(KEY, nonce, proof + "=")).isTrue();
    }

    @Test
    void anyOtherAnswerDoesNot() throws Exception {
        String nonce = ChallengeProof.newNonce();
        String proof = ChallengeProof.proof(KEY, nonce);

        assertThat(ChallengeProof.matches(KEY, nonce, null)).isFalse();
        assertThat(ChallengeProof.matches(KEY, nonce, "")).isFalse();
        assertThat(ChallengeProof.matches(KEY, nonce, proof.substring(1))).isFalse();
        assertThat(ChallengeProof.matches(KEY, nonce, proof.toUpperCase())).isFalse();
        assertThat(ChallengeProof.matches(KEY, ChallengeProof.newNonce(), proof)).as("another nonce").isFalse();
        assertThat(ChallengeProof.matches(PortalKeys.challengeKey("other"), nonce, proof))
                .as("another secret").isFalse();
        // Standard base64 of the same bytes is not base64url: '+' and '/' are not accepted for '-' and '_'.
        String standard = Base64.getEncoder().withoutPadding()
                .encodeToString(Base64.getUrlDecoder().decode(proof));
        assertThat(ChallengeProof.matches(KEY, nonce, standard)).isEqualTo(standard.equals(proof));
        // The old scheme's answer, HMAC-SHA256(secret, nonce), is no longer a proof.
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        String old = Base64.getUrlEncoder().withoutPadding().encodeToString(mac.doFinal(nonce.getBytes(StandardCharsets.UTF_8)));
        assertThat(ChallengeProof.matches(KEY, nonce, old)).as("old scheme").isFalse();
    }

    @Test
    void anEmptyKeyProvesNothingAndAMalformedNonceHasNoProof() {
        assertThatThrownBy(() -> ChallengeProof.proof(new byte[0], ChallengeProof.newNonce()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ChallengeProof.proof(KEY, "eyJhbGciOiJIUzI1NiJ9.eyJhZG1pbiI6dHJ1ZX0"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
