package org.supporthub.core.infrastructure.security;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import javax.crypto.Cipher;
import javax.crypto.KeyGenerator;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

public class SecretSealerTest {

    private static final String OWNER = "5f0c1a52-8a0e-4f0e-9d7a-1c2b3d4e5f60";

    private SecretKey key;
    private SecretSealer sealer;

    static SecretKey freshKey() throws Exception {
        KeyGenerator generator = KeyGenerator.getInstance("AES");
        generator.init(256);
        return generator.generateKey();
    }

    /**
     * A value sealed the way the hub did before sealed values were bound to their owner: base64 of nonce,
     * ciphertext and tag, no prefix, no associated data. Written out here, independently of the sealer.
     */
    public static String legacySeal(SecretKey key, String plain) {
        try {
            byte[] nonce = new byte[12];
            new SecureRandom().nextBytes(nonce);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(128, nonce));
            byte[] sealed = cipher.doFinal(plain.getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(ByteBuffer.allocate(12 + sealed.length).put(nonce).put(sealed).array());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @BeforeEach
    void setUp() throws Exception {
        key = freshKey();
        sealer = new SecretSealer(key);
    }

    private byte[] raw(String sealed) {
        assertThat(sealed).startsWith(SecretSealer.PREFIX);
        return Base64.getDecoder().decode(sealed.substring(SecretSealer.PREFIX.length()));
    }

    private static String current(byte[] raw) {
        return SecretSealer.PREFIX + Base64.getEncoder().encodeToString(raw);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "s", "Vx3r7kQm9T_-abcdefghijklmnopqrstuvwxyz01234", "zażółć gęślą jaźń 🔑"})
    void what_is_sealed_opens_again_for_the_same_owner(String secret) {
        String sealed = sealer.seal(secret, OWNER);

        assertThat(sealer.unseal(sealed, OWNER)).isEqualTo(secret);
        assertThat(sealer.isLegacy(sealed)).isFalse();
    }

    @Test
    void the_sealed_form_is_the_version_prefix_and_base64_of_nonce_ciphertext_and_tag_and_hides_the_secret() {
        String secret = "a-portal-secret";
        String sealed = sealer.seal(secret, OWNER);
        byte[] raw = raw(sealed);

        // 12-byte nonce + ciphertext as long as the plaintext + 16-byte GCM tag
        assertThat(raw).hasSize(12 + secret.length() + 16);
        assertThat(new String(raw, StandardCharsets.ISO_8859_1)).doesNotContain(secret);
        assertThat(sealed).doesNotContain(OWNER);
    }

    @Test
    void the_owner_is_gcm_associated_data() throws Exception {
        byte[] raw = raw(sealer.seal("a-portal-secret", OWNER));
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(128, raw, 0, 12));
        cipher.updateAAD(OWNER.getBytes(StandardCharsets.UTF_8));

        assertThat(new String(cipher.doFinal(raw, 12, raw.length - 12), StandardCharsets.UTF_8))
                .isEqualTo("a-portal-secret");
    }

    @Test
    void a_value_copied_to_another_owner_does_not_open() {
        String sealed = sealer.seal("a-portal-secret", OWNER);

        assertThatIllegalStateException().isThrownBy(() -> sealer.unseal(sealed, "another-portal"));
        assertThatIllegalStateException().isThrownBy(() -> sealer.unseal(sealed, OWNER + " "));
    }

    @Test
    void a_value_must_be_bound_to_someone() {
        assertThatIllegalArgumentException().isThrownBy(() -> sealer.seal("s", ""));
        assertThatIllegalArgumentException().isThrownBy(() -> sealer.seal("s", null));
    }

    @Test
    void sealing_twice_gives_different_values_because_of_the_random_nonce() {
        String a = sealer.seal("same secret", OWNER);
        String b = sealer.seal("same secret", OWNER);

        assertThat(a).isNotEqualTo(b);
        assertThat(Arrays.copyOf(raw(a), 12)).isNotEqualTo(Arrays.copyOf(raw(b), 12));
        assertThat(sealer.unseal(a, OWNER)).isEqualTo(sealer.unseal(b, OWNER)).isEqualTo("same secret");
    }

    @Test
    void an_altered_value_does_not_open() {
        byte[] raw = raw(sealer.seal("a-portal-secret", OWNER));
        for (int i : new int[]{0, 11, 12, raw.length - 1}) {
            byte[] tampered = raw.clone();
            tampered[i] ^= 0x01;
            String value = current(tampered);

            assertThatIllegalStateException().as("flipped byte %d", i).isThrownBy(() -> sealer.unseal(value, OWNER));
        }
    }

    @ParameterizedTest(name = "{0} bytes")
    @ValueSource(ints = {0, 4, 11, 12, 20, 27, 28, 42})
    void a_truncated_value_does_not_open(int length) {
        // The sealed "a-portal-secret" is 43 bytes: 12 nonce + 15 ciphertext + 16 tag.
        byte[] raw = raw(sealer.seal("a-portal-secret", OWNER));
        String value = current(Arrays.copyOf(raw, length));

        assertThatIllegalStateException().isThrownBy(() -> sealer.unseal(value, OWNER));
    }

    @Test
    void a_value_sealed_under_another_key_does_not_open() throws Exception {
        String foreign = new SecretSealer(freshKey()).seal("a-portal-secret", OWNER);

        assertThatIllegalStateException().isThrownBy(() -> sealer.unseal(foreign, OWNER))
                .withMessageContaining("secret key");
    }

    @Test
    void a_value_that_is_not_base64_does_not_open() {
        assertThatIllegalStateException().isThrownBy(() -> sealer.unseal(SecretSealer.PREFIX + "not base64 at all!", OWNER));
        assertThatIllegalStateException().isThrownBy(() -> sealer.unseal("not base64 at all!", OWNER));
    }

    // ---- the legacy form: sealed before values were bound to their owner ------------------------------

    @Test
    void a_legacy_value_is_recognised_and_opens_only_through_the_upgrade_path() {
        String legacy = legacySeal(key, "a-portal-secret");

        assertThat(sealer.isLegacy(legacy)).isTrue();
        assertThatIllegalStateException().as("bound to nothing: never opened as a current value")
                .isThrownBy(() -> sealer.unseal(legacy, OWNER));
        assertThat(sealer.unsealLegacy(legacy)).isEqualTo("a-portal-secret");
    }

    @Test
    void a_current_value_is_not_opened_as_a_legacy_one() {
        String current = sealer.seal("a-portal-secret", OWNER);

        assertThatIllegalStateException().isThrownBy(() -> sealer.unsealLegacy(current));
    }

    @Test
    void a_legacy_value_under_another_key_or_altered_does_not_open() throws Exception {
        assertThatIllegalStateException().isThrownBy(() -> sealer.unsealLegacy(legacySeal(freshKey(), "s")));
        byte[] raw = Base64.getDecoder().decode(legacySeal(key, "a-portal-secret"));
        raw[raw.length - 1] ^= 0x01;
        assertThatIllegalStateException()
                .isThrownBy(() -> sealer.unsealLegacy(Base64.getEncoder().encodeToString(raw)));
    }
}
