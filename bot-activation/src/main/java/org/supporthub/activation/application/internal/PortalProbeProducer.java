package org.supporthub.activation.application.internal;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.supporthub.activation.infrastructure.reachability.PortalProbe;
import org.supporthub.activation.domain.model.reachability.ProbeSettings;
import org.supporthub.core.application.HubSettings;

import org.supporthub.activation.infrastructure.tls.OcspRevocationCheck;
import org.supporthub.activation.infrastructure.tls.TrustAnchors;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * The probe that reaches portals, with the trusted roots a browser would use: the JDK's, read from
 * {@code $JAVA_HOME/lib/security/cacerts} itself, not from the application server's trust store (see
 * {@link TrustAnchors}); and OCSP revocation checking of the portal's certificate, soft-fail (see
 * {@link OcspRevocationCheck}). Development mode may add test roots from
 * {@code SUPPORT_HUB_ACTIVATION_TRUSTED_ROOTS_FILE} (a PEM file), loudly; a production hub with that
 * setting refuses to start.
 */
@ApplicationScoped
public class PortalProbeProducer {

    private static final Logger LOG = Logger.getLogger(PortalProbeProducer.class.getName());

    @Inject
    HubSettings settings;

    @Inject
    Clock clock;

    @Inject
    @ConfigProperty(name = "support.hub.activation.trusted-roots-file")
    Optional<String> trustedRootsFile;

    @Inject
    @ConfigProperty(name = "support.hub.activation.connect-timeout-seconds", defaultValue = "5")
    long connectTimeout;

    @Inject
    @ConfigProperty(name = "support.hub.activation.read-timeout-seconds", defaultValue = "5")
    long readTimeout;

    @Inject
    ActivationLimits limits;

    private PortalProbe probe;

    /**
     * The probe to use now. Made once and kept when every roots file could be read; made again on each call
     * while one is missing, so a root written after start-up is trusted from the next activation on.
     */
    public synchronized PortalProbe probe() {
        if (probe != null) {
            return probe;
        }
        boolean[] complete = {true};
        KeyStore roots = roots(complete);
        try {
            PortalProbe made = new PortalProbe(new ProbeSettings(Duration.ofSeconds(connectTimeout),
                    Duration.ofSeconds(readTimeout), limits.probeDeadline(), 4096), TrustAnchors.trustManager(roots),
                    clock, new OcspRevocationCheck(roots, Duration.ofSeconds(readTimeout)));
            // Kept only once every roots file was read: on a fresh data folder the demo portal writes its
            // root a moment after start-up, and a probe made before that must not stay without it.
            if (complete[0]) {
                probe = made;
            }
            return made;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot set up the trusted roots", e);
        }
    }

    /**
     * The JDK's own roots, read from its {@code cacerts} file (never the application server's
     * {@code javax.net.ssl.trustStore}), plus the development roots.
     */
    KeyStore roots() {
        return roots(new boolean[1]);
    }

    /** @param complete set to false when a roots file could not be read */
    KeyStore roots(boolean[] complete) {
        Optional<Path> extra = trustedRootsFile.filter(s -> !s.isBlank()).map(Path::of);
        if (extra.isPresent() && !settings.development()) {
            throw new IllegalStateException("SUPPORT_HUB_ACTIVATION_TRUSTED_ROOTS_FILE is for development only; "
                    + "production trusts the JDK's roots, as browsers trust theirs");
        }
        // Development mode also trusts the demo portal's local root, so the demo can be activated.
        List<Path> extras = new ArrayList<>();
        extra.ifPresent(extras::add);
        if (settings.development()) {
            extras.add(settings.dataDir().resolve("demo-tls").resolve("roots.pem"));
        }
        List<Path> readable = new ArrayList<>();
        for (Path file : extras) {
            if (!Files.isReadable(file)) {
                // Failing closed: without the file, its roots are simply not trusted (stricter, never looser).
                LOG.severe("Trusted roots file " + file + " cannot be read; its roots are not trusted");
                complete[0] = false;
                continue;
            }
            LOG.warning("RELAXED (development mode): activation also trusts the test roots in " + file);
            readable.add(file);
        }
        Path jdk = TrustAnchors.jdkCacerts();
        try {
            KeyStore roots = TrustAnchors.load(jdk, readable);
            LOG.info("Activation trusts the " + roots.size() + " roots of " + jdk
                    + (readable.isEmpty() ? "" : " and " + readable) + "; revocation: OCSP for the leaf, soft-fail");
            return roots;
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("Cannot read the trusted roots from " + jdk + " " + readable, e);
        }
    }
}
