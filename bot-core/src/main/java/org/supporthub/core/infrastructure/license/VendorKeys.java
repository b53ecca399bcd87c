package org.supporthub.core.infrastructure.license;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.supporthub.core.application.HubSettings;
import org.supporthub.core.domain.model.license.LicenseIssuer;
import org.supporthub.core.domain.model.license.LicenseVerifier;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPair;
import java.time.Clock;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * The vendor's licence keys as this hub holds them: the public key that verifies licence keys offline
 * (needed for activation), and, on a hub that issues licences, the signing key (PEM files named by
 * configuration; the signing key is never shown by any API). Development mode without configured keys
 * generates a local pair under the data folder, so the demo portal can hold a valid licence.
 */
@ApplicationScoped
public class VendorKeys {

    private static final Logger LOG = Logger.getLogger(VendorKeys.class.getName());

    @Inject
    @ConfigProperty(name = "support.hub.license.public-key-file")
    Optional<String> publicKeyFile;

    @Inject
    @ConfigProperty(name = "support.hub.license.signing-key-file")
    Optional<String> signingKeyFile;

    @Inject
    HubSettings settings;

    @Inject
    Clock clock;

    private LicenseVerifier verifier;
    private LicenseIssuer issuer;

    @PostConstruct
    void load() {
        Optional<Path> publicKey = publicKeyFile.filter(s -> !s.isBlank()).map(Path::of);
        Optional<Path> signingKey = signingKeyFile.filter(s -> !s.isBlank()).map(Path::of);
        if (publicKey.isEmpty() && signingKey.isEmpty() && settings.development()) {
            Path dir = settings.dataDir();
            publicKey = Optional.of(dir.resolve("vendor-public.key"));
            signingKey = Optional.of(dir.resolve("vendor-signing.key"));
            if (!Files.exists(publicKey.get())) {
                generate(publicKey.get(), signingKey.get());
            }
            LOG.warning("DEVELOPMENT MODE: licences are signed and verified with a local vendor key pair in the "
                    + "data folder. Production names the vendor's keys in SUPPORT_HUB_LICENSE_PUBLIC_KEY_FILE "
                    + "(and SUPPORT_HUB_LICENSE_SIGNING_KEY_FILE on the hub that issues licences).");
        }
        verifier = publicKey.map(p -> new LicenseVerifier(LicenseIssuer.decodePublicKey(read(p)), clock)).orElse(null);
        issuer = signingKey.map(p -> new LicenseIssuer(LicenseIssuer.decodePrivateKey(read(p)))).orElse(null);
        if (verifier == null) {
            LOG.severe("No vendor public key (SUPPORT_HUB_LICENSE_PUBLIC_KEY_FILE): every activation will fail its "
                    + "licence check.");
        }
    }

    /** Verifies licence keys; empty when the hub has no vendor public key. */
    public Optional<LicenseVerifier> verifier() {
        return Optional.ofNullable(verifier);
    }

    /** Issues licence keys; empty when this hub holds no signing key. */
    public Optional<LicenseIssuer> issuer() {
        return Optional.ofNullable(issuer);
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the vendor key " + file, e);
        }
    }

    private static void generate(Path publicKey, Path signingKey) {
        try {
            Files.createDirectories(publicKey.getParent());
            KeyPair pair = LicenseIssuer.generateKeyPair();
            try {
                // Created owner-only, so the signing key is never readable by others, not even for a moment.
                Files.createFile(signingKey, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            } catch (UnsupportedOperationException notPosix) {
                Files.createFile(signingKey);
            }
            Files.writeString(signingKey, LicenseIssuer.encodePrivateKey(pair.getPrivate()));
            Files.writeString(publicKey, LicenseIssuer.encodePublicKey(pair.getPublic()));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the development vendor keys", e);
        }
    }
}
