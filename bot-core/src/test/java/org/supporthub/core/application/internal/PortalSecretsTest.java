package org.supporthub.core.application.internal;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.supporthub.core.domain.model.bot.BotState;
import org.supporthub.core.domain.model.portal.Portal;
import org.supporthub.core.domain.model.portal.PortalCredentials;
import org.supporthub.core.domain.model.portal.SupportLocale;
import org.supporthub.core.infrastructure.security.SecretSealer;

import javax.crypto.KeyGenerator;
import javax.crypto.SecretKey;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HashSet;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class PortalSecretsTest {

    private PortalSecrets secrets;

    static SecretKey freshKey() throws Exception {
        KeyGenerator generator = KeyGenerator.getInstance("AES");
        generator.init(256);
        return generator.generateKey();
    }

    static PortalSecrets secretsWith(SecretKey key) {
        PortalSecrets s = new PortalSecrets();
        s.sealer = new SecretSealer(key);
        return s;
    }

    @BeforeEach
    void setUp() throws Exception {
        secrets = secretsWith(freshKey());
    }

    private Portal portalWith(String secret) {
        return TestPortals.portal("p-1", SupportLocale.EN, BotState.INSTALLED, secrets.credentialsFor(secret));
    }

    @Test
    void a_secret_is_256_random_bits_in_url_safe_base64() {
        String secret = secrets.newSecret();

        assertThat(secret).hasSize(43).matches("[A-Za-z0-9_-]+");
        assertThat(Base64.getUrlDecoder().decode(secret)).hasSize(32);
    }

    @Test
    void secrets_do_not_repeat() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            seen.add(secrets.newSecret());
        }
        assertThat(seen).hasSize(1000);
    }

    @Test
    void credentials_keep_a_sha256_hash_and_a_sealed_copy_never_the_secret() throws Exception {
        String secret = secrets.newSecret();

        PortalCredentials credentials = secrets.credentialsFor(secret);

        byte[] sha = MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8));
        assertThat(credentials.secretHash()).isEqualTo(Base64.getEncoder().encodeToString(sha));
        assertThat(credentials.secretSealed()).doesNotContain(secret);
        assertThat(secrets.sealer.unseal(credentials.secretSealed())).isEqualTo(secret);
    }

    @Test
    void matches_only_the_right_secret() {
        String secret = secrets.newSecret();
        Portal portal = portalWith(secret);

        assertThat(secrets.matches(portal, secret)).isTrue();
        assertThat(secrets.matches(portal, secrets.newSecret())).isFalse();
        assertThat(secrets.matches(portal, secret + "x")).isFalse();
        assertThat(secrets.matches(portal, secret.substring(1))).isFalse();
        assertThat(secrets.matches(portal, "")).isFalse();
        assertThat(secrets.matches(portal, null)).isFalse();
        // The stored hash is not itself a password that opens the portal.
        assertThat(secrets.matches(portal, portal.secretHash())).isFalse();
    }

    @Test
    void the_signing_key_is_the_secret_itself() {
        String secret = secrets.newSecret();

        assertThat(secrets.signingKey(portalWith(secret))).isEqualTo(secret.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void a_portal_sealed_under_another_hub_key_has_no_signing_key() throws Exception {
        Portal foreign = TestPortals.portal("p-2", SupportLocale.EN, BotState.INSTALLED,
                secretsWith(freshKey()).credentialsFor("some-secret"));

        assertThatIllegalStateException().isThrownBy(() -> secrets.signingKey(foreign));
    }

    @Test
    void hash_is_stable_and_distinguishes_secrets() {
        assertThat(PortalSecrets.hash("abc")).isEqualTo(PortalSecrets.hash("abc"))
                // SHA-256("abc"), the standard test vector
                .isEqualTo("ungWv48Bz+pBQUDeXa4iI7ADYaOWF3qctBD/YfIAFa0=");
        assertThat(PortalSecrets.hash("abd")).isNotEqualTo(PortalSecrets.hash("abc"));
    }
}
