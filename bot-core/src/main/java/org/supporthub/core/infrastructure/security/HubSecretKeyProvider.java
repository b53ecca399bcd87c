package org.supporthub.core.infrastructure.security;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.supporthub.core.application.HubSettings;

import javax.crypto.KeyGenerator;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * The hub's secret key (AES-256), which seals portal secrets at rest.
 *
 * <p>Production takes it only from {@code SUPPORT_HUB_SECRET_KEY} (base64 of 32 bytes) and refuses to
 * start without it: every hub instance on one database must share it, and a key generated on one
 * machine would silently lock the others out. Development mode, for a one-command start, generates one
 * under the data folder once and says so.
 */
@ApplicationScoped
public class HubSecretKeyProvider {

    private static final Logger LOG = Logger.getLogger(HubSecretKeyProvider.class.getName());

    @Inject
    @ConfigProperty(name = "support.hub.secret-key")
    Optional<String> configuredKey;

    @Inject
    HubSettings settings;

    private SecretSealer sealer;

    @PostConstruct
    void init() {
        sealer = new SecretSealer(configuredKey.filter(k -> !k.isBlank()).map(HubSecretKeyProvider::decode)
                .orElseGet(this::localDevelopmentKey));
    }

    @Produces
    public SecretSealer sealer() {
        return sealer;
    }

    static SecretKey decode(String base64) {
        byte[] raw;
        try {
            raw = Base64.getDecoder().decode(base64.trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("SUPPORT_HUB_SECRET_KEY is not base64", e);
        }
        if (raw.length != 32) {
            throw new IllegalStateException("SUPPORT_HUB_SECRET_KEY must be 32 bytes (base64), not " + raw.length);
        }
        return new SecretKeySpec(raw, "AES");
    }

    private SecretKey localDevelopmentKey() {
        if (!settings.development()) {
            throw new IllegalStateException("SUPPORT_HUB_SECRET_KEY is not set. Production needs a shared secret "
                    + "key (base64 of 32 random bytes, e.g. `openssl rand -base64 32`).");
        }
        Path file = settings.dataDir().resolve("secret.key");
        try {
            if (Files.exists(file)) {
                return decode(Files.readString(file));
            }
            Files.createDirectories(file.getParent());
            KeyGenerator generator = KeyGenerator.getInstance("AES");
            generator.init(256);
            SecretKey key = generator.generateKey();
            Files.writeString(file, Base64.getEncoder().encodeToString(key.getEncoded()));
            try {
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException ignored) {
                // not a POSIX file system: the data folder's own permissions must do
            }
            LOG.warning("DEVELOPMENT MODE: generated a local secret key in the data folder. Production requires "
                    + "SUPPORT_HUB_SECRET_KEY.");
            return key;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read or write the development secret key", e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
