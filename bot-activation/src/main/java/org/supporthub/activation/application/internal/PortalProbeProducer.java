package org.supporthub.activation.application.internal;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.supporthub.activation.domain.model.reachability.PortalProbe;
import org.supporthub.activation.domain.model.reachability.ProbeSettings;
import org.supporthub.core.application.HubSettings;

import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * The probe that reaches portals, with the trusted roots a browser would use (the JDK's). Development
 * mode may add test roots from {@code SUPPORT_HUB_ACTIVATION_TRUSTED_ROOTS_FILE} (a PEM file), loudly; a
 * production hub with that setting refuses to start.
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

    @Produces
    public PortalProbe probe() {
        if (probe == null) {
            probe = new PortalProbe(new ProbeSettings(Duration.ofSeconds(connectTimeout), Duration.ofSeconds(readTimeout),
                    limits.probeDeadline(), 4096), trustManager(), clock);
        }
        return probe;
    }

    private X509TrustManager trustManager() {
        try {
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
            KeyStore roots = KeyStore.getInstance(KeyStore.getDefaultType());
            roots.load(null, null);
            X509TrustManager jdk = x509(defaultFactory(null));
            int n = 0;
            for (X509Certificate root : jdk.getAcceptedIssuers()) {
                roots.setCertificateEntry("jdk-" + n++, root);
            }
            for (Path file : extras) {
                if (!Files.isReadable(file)) {
                    // Failing closed: without the file, its roots are simply not trusted (stricter, never looser).
                    LOG.severe("Trusted roots file " + file + " cannot be read; its roots are not trusted");
                    continue;
                }
                try (InputStream in = Files.newInputStream(file)) {
                    for (Certificate c : CertificateFactory.getInstance("X.509").generateCertificates(in)) {
                        roots.setCertificateEntry("extra-" + n++, c);
                    }
                }
                LOG.warning("RELAXED (development mode): activation also trusts the test roots in " + file);
            }
            return x509(defaultFactory(roots));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot set up the trusted roots", e);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read the trusted roots file", e);
        }
    }

    private static TrustManagerFactory defaultFactory(KeyStore roots) throws GeneralSecurityException {
        TrustManagerFactory f = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        f.init(roots);
        return f;
    }

    private static X509TrustManager x509(TrustManagerFactory f) {
        TrustManager[] managers = f.getTrustManagers();
        return (X509TrustManager) Arrays.stream(managers).filter(m -> m instanceof X509TrustManager).findFirst()
                .orElseThrow();
    }
}
