package org.supporthub.core.application.internal;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.supporthub.core.domain.model.bot.BotState;
import org.supporthub.core.domain.model.portal.Portal;
import org.supporthub.core.domain.model.portal.PortalCredentials;
import org.supporthub.core.domain.model.portal.PortalKeys;
import org.supporthub.core.domain.model.portal.SupportLocale;
import org.supporthub.core.infrastructure.security.SecretSealer;
import org.supporthub.core.infrastructure.security.SecretSealerTest;

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
    private SecretKey hubKey;

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
        hubKey = freshKey();
        secrets = secretsWith(hubKey);
    }

    private Portal portalWith(String secret) {
        return TestPortals.portal("p-1", SupportLocale.EN, BotState.INSTALLED, secrets.credentialsFor("p-1", secret));
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

        PortalCredentials credentials = secrets.credentialsFor("p-1", secret);

        byte[] sha = MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8));
        assertThat(credentials.secretHash()).isEqualTo(Base64.getEncoder().encodeToString(sha));
        assertThat(credentials.secretSealed()).doesNotContain(secret);
        assertThat(secrets.sealer.unseal(credentials.secretSealed(), "p-1")).isEqualTo(secret);
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
    void each_purpose_has_its_own_key_derived_from_the_secret_and_none_is_the_secret() {
        String secret = secrets.newSecret();
        Portal portal = portalWith(secret);

        assertThat(secrets.tokenKey(portal)).isEqualTo(PortalKeys.tokenKey(secret))
                .isNotEqualTo(secret.getBytes(StandardCharsets.UTF_8));
        assertThat(secrets.challengeKey(portal)).isEqualTo(PortalKeys.challengeKey(secret))
                .isNotEqualTo(secrets.tokenKey(portal)).isNotEqualTo(secret.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void a_portal_sealed_under_another_hub_key_has_no_keys() throws Exception {
        Portal foreign = TestPortals.portal("p-2", SupportLocale.EN, BotState.INSTALLED,
                secretsWith(freshKey()).credentialsFor("p-2", "some-secret"));

        assertThatIllegalStateException().isThrownBy(() -> secrets.tokenKey(foreign));
        assertThatIllegalStateException().isThrownBy(() -> secrets.challengeKey(foreign));
    }

    @Test
    void a_sealed_secret_copied_to_another_portals_row_does_not_open_there() {
        String secret = secrets.newSecret();
        PortalCredentials ofA = secrets.credentialsFor("portal-a", secret);
        // Someone with write access to the database copies A's hash and sealed secret into B's row.
        Portal b = TestPortals.portal("portal-b", SupportLocale.EN, BotState.INSTALLED, ofA);

        assertThatIllegalStateException().isThrownBy(() -> secrets.tokenKey(b));
        assertThatIllegalStateException().isThrownBy(() -> secrets.challengeKey(b));
        assertThat(secrets.tokenKey(TestPortals.portal("portal-a", SupportLocale.EN, BotState.INSTALLED, ofA)))
                .isEqualTo(PortalKeys.tokenKey(secret));
    }

    @Test
    void a_legacy_sealed_secret_is_sealed_again_bound_to_its_portal_and_is_refused_until_then() {
        String secret = secrets.newSecret();
        Portal legacy = TestPortals.portal("p-old", SupportLocale.EN, BotState.INSTALLED,
                new PortalCredentials(PortalSecrets.hash(secret), legacySeal(secret)));

        assertThatIllegalStateException().as("the legacy form is bound to nothing: not used as is")
                .isThrownBy(() -> secrets.tokenKey(legacy));
        String resealed = secrets.resealed(legacy).orElseThrow();

        assertThat(resealed).startsWith(SecretSealer.PREFIX);
        assertThat(secrets.sealer.unseal(resealed, "p-old")).isEqualTo(secret);
        Portal upgraded = TestPortals.portal("p-old", SupportLocale.EN, BotState.INSTALLED,
                new PortalCredentials(PortalSecrets.hash(secret), resealed));
        assertThat(secrets.tokenKey(upgraded)).isEqualTo(PortalKeys.tokenKey(secret));
        assertThat(secrets.resealed(upgraded)).as("nothing left to upgrade").isEmpty();
    }

    @Test
    void a_legacy_sealed_secret_copied_from_another_row_is_not_bound_to_the_wrong_portal() {
        String secretOfA = secrets.newSecret();
        String secretOfB = secrets.newSecret();
        // B's row keeps its own hash, but holds A's legacy sealed secret.
        Portal b = TestPortals.portal("portal-b", SupportLocale.EN, BotState.INSTALLED,
                new PortalCredentials(PortalSecrets.hash(secretOfB), legacySeal(secretOfA)));

        assertThatIllegalStateException().isThrownBy(() -> secrets.resealed(b)).withMessageContaining("portal-b");
    }

    /** What the hub stored before sealed values were bound: base64(nonce, ciphertext, tag), no associated data. */
    private String legacySeal(String plain) {
        return SecretSealerTest.legacySeal(hubKey, plain);
    }

    @Test
    void hash_is_stable_and_distinguishes_secrets() {
        assertThat(PortalSecrets.hash("abc")).isEqualTo(PortalSecrets.hash("abc"))
                // SHA-256("abc"), the standard test vector
                .isEqualTo("ungWv48Bz+pBQUDeXa4iI7ADYaOWF3qctBD/YfIAFa0=");
        assertThat(PortalSecrets.hash("abd")).isNotEqualTo(PortalSecrets.hash("abc"));
    }
}
