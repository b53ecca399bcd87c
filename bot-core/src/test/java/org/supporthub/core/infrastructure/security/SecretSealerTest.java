package org.supporthub.core.infrastructure.security;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import javax.crypto.KeyGenerator;
import javax.crypto.SecretKey;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class SecretSealerTest {

    private SecretSealer sealer;

    static SecretKey freshKey() throws Exception {
        KeyGenerator generator = KeyGenerator.getInstance("AES");
        generator.init(256);
        return generator.generateKey();
    }

    @BeforeEach
    void setUp() throws Exception {
        sealer = new SecretSealer(freshKey());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "s", "Vx3r7kQm9T_-abcdefghijklmnopqrstuvwxyz01234", "zażółć gęślą jaźń 🔑"})
    void what_is_sealed_opens_again(String secret) {
        String sealed = sealer.seal(secret);

        assertThat(sealer.unseal(sealed)).isEqualTo(secret);
    }

    @Test
    void the_sealed_form_is_base64_of_nonce_ciphertext_and_tag_and_hides_the_secret() {
        String secret = "a-portal-secret";
        byte[] raw = Base64.getDecoder().decode(sealer.seal(secret));

        // 12-byte nonce + ciphertext as long as the plaintext + 16-byte GCM tag
        assertThat(raw).hasSize(12 + secret.length() + 16);
        assertThat(new String(raw, StandardCharsets.ISO_8859_1)).doesNotContain(secret);
    }

    @Test
    void sealing_twice_gives_different_values_because_of_the_random_nonce() {
        String a = sealer.seal("same secret");
        String b = sealer.seal("same secret");

        assertThat(a).isNotEqualTo(b);
        assertThat(Arrays.copyOf(Base64.getDecoder().decode(a), 12))
                .isNotEqualTo(Arrays.copyOf(Base64.getDecoder().decode(b), 12));
        assertThat(sealer.unseal(a)).isEqualTo(sealer.unseal(b)).isEqualTo("same secret");
    }

    @Test
    void an_altered_value_does_not_open() {
        byte[] raw = Base64.getDecoder().decode(sealer.seal("a-portal-secret"));
        for (int i : new int[]{0, 11, 12, raw.length - 1}) {
            byte[] tampered = raw.clone();
            tampered[i] ^= 0x01;
            String value = Base64.getEncoder().encodeToString(tampered);

            assertThatIllegalStateException().as("flipped byte %d", i).isThrownBy(() -> sealer.unseal(value));
        }
    }

    @ParameterizedTest(name = "{0} bytes")
    @ValueSource(ints = {0, 4, 11, 28, 42})
    void a_truncated_value_does_not_open(int length) {
        // The sealed "a-portal-secret" is 43 bytes: 12 nonce + 15 ciphertext + 16 tag.
        byte[] raw = Base64.getDecoder().decode(sealer.seal("a-portal-secret"));
        String value = Base64.getEncoder().encodeToString(Arrays.copyOf(raw, length));

        assertThatIllegalStateException().isThrownBy(() -> sealer.unseal(value));
    }

    @ParameterizedTest(name = "{0} bytes")
    @ValueSource(ints = {12, 20, 27})
    void a_value_shorter_than_nonce_and_tag_does_not_open(int length) {
        byte[] raw = Base64.getDecoder().decode(sealer.seal("a-portal-secret"));
        String value = Base64.getEncoder().encodeToString(Arrays.copyOf(raw, length));

        assertThatIllegalStateException().isThrownBy(() -> sealer.unseal(value));
    }

    @Test
    void a_value_sealed_under_another_key_does_not_open() throws Exception {
        String foreign = new SecretSealer(freshKey()).seal("a-portal-secret");

        assertThatIllegalStateException().isThrownBy(() -> sealer.unseal(foreign))
                .withMessageContaining("secret key");
    }

    @Test
    void a_value_that_is_not_base64_does_not_open() {
        assertThatIllegalStateException().isThrownBy(() -> sealer.unseal("not base64 at all!"));
    }
}
