package org.supporthub.core.infrastructure.security;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.supporthub.core.application.HubMode;
import org.supporthub.core.application.HubSettings;

import javax.crypto.SecretKey;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class HubSecretKeyProviderTest {

    private static String base64Of(int bytes) {
        byte[] raw = new byte[bytes];
        for (int i = 0; i < bytes; i++) {
            raw[i] = (byte) i;
        }
        return Base64.getEncoder().encodeToString(raw);
    }

    // --- decode ---

    @Test
    void decodes_32_bytes_of_base64_into_an_aes_key() {
        SecretKey key = HubSecretKeyProvider.decode(base64Of(32));

        assertThat(key.getAlgorithm()).isEqualTo("AES");
        assertThat(key.getEncoded()).isEqualTo(Base64.getDecoder().decode(base64Of(32)));
    }

    @Test
    void tolerates_the_newline_that_openssl_rand_prints() {
        assertThat(HubSecretKeyProvider.decode("  " + base64Of(32) + "\n").getEncoded()).hasSize(32);
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 16, 24, 31, 33, 64})
    void refuses_any_other_length(int bytes) {
        assertThatIllegalStateException().isThrownBy(() -> HubSecretKeyProvider.decode(base64Of(bytes)))
                .withMessageContaining("32 bytes").withMessageContaining(String.valueOf(bytes));
    }

    @ParameterizedTest
    @ValueSource(strings = {"not base64!", "%%%%", "AAAA=AAAA", "AAAAA"})
    void refuses_what_is_not_base64(String value) {
        assertThatIllegalStateException().isThrownBy(() -> HubSecretKeyProvider.decode(value))
                .withMessageContaining("not base64");
    }

    @Test
    void refuses_url_safe_base64_with_characters_standard_base64_lacks() {
        // 32 bytes of 0xFB encode with '+' and '/' in standard base64 and '-' and '_' in the URL alphabet.
        byte[] raw = new byte[32];
        Arrays.fill(raw, (byte) 0xFB);
        String urlSafe = Base64.getUrlEncoder().encodeToString(raw);

        assertThatIllegalStateException().isThrownBy(() -> HubSecretKeyProvider.decode(urlSafe));
    }

    // --- where the key comes from ---

    private static HubSettings settings(HubMode mode, Path dataDir) {
        return new HubSettings() {
            @Override
            public HubMode mode() {
                return mode;
            }

            @Override
            public boolean development() {
                return mode == HubMode.DEVELOPMENT;
            }

            @Override
            public Path dataDir() {
                return dataDir;
            }
        };
    }

    private static HubSecretKeyProvider provider(Optional<String> configured, HubMode mode, Path dataDir) {
        HubSecretKeyProvider p = new HubSecretKeyProvider();
        p.configuredKey = configured;
        p.settings = settings(mode, dataDir);
        p.init();
        return p;
    }

    @Test
    void production_refuses_to_start_without_a_configured_key(@TempDir Path dir) {
        assertThatIllegalStateException()
                .isThrownBy(() -> provider(Optional.empty(), HubMode.PRODUCTION, dir))
                .withMessageContaining("SUPPORT_HUB_SECRET_KEY");
        assertThatIllegalStateException()
                .isThrownBy(() -> provider(Optional.of("   "), HubMode.PRODUCTION, dir));
        assertThat(dir.resolve("secret.key")).doesNotExist();
    }

    @Test
    void a_configured_key_is_used_in_any_mode_and_writes_no_file(@TempDir Path dir) {
        String key = base64Of(32);
        String sealed = provider(Optional.of(key), HubMode.PRODUCTION, dir).sealer().seal("s", "p-1");

        assertThat(provider(Optional.of(key), HubMode.DEVELOPMENT, dir).sealer().unseal(sealed, "p-1")).isEqualTo("s");
        assertThat(dir.resolve("secret.key")).doesNotExist();
    }

    @Test
    void development_generates_a_private_key_file_once_and_reuses_it(@TempDir Path dir) throws Exception {
        Path data = dir.resolve("data");
        String sealed = provider(Optional.empty(), HubMode.DEVELOPMENT, data).sealer().seal("s", "p-1");
        Path file = data.resolve("secret.key");
        String written = Files.readString(file);

        // A restart reads the same key, so what was sealed before still opens.
        assertThat(provider(Optional.empty(), HubMode.DEVELOPMENT, data).sealer().unseal(sealed, "p-1")).isEqualTo("s");
        assertThat(Files.readString(file)).isEqualTo(written);
        assertThat(Base64.getDecoder().decode(written)).hasSize(32);
        if (file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        }
    }

    @Test
    void a_malformed_configured_key_stops_the_start(@TempDir Path dir) {
        assertThatIllegalStateException()
                .isThrownBy(() -> provider(Optional.of(base64Of(16)), HubMode.DEVELOPMENT, dir));
    }
}
