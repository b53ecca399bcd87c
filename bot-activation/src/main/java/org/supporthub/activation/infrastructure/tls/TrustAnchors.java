package org.supporthub.activation.infrastructure.tls;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;

/**
 * The roots the hub trusts when it checks a portal's certificate: the JDK's own list
 * ({@code $JAVA_HOME/lib/security/cacerts}), read from that file, plus (development only) roots from PEM files.
 *
 * <p>Why the file and not {@code TrustManagerFactory.init(null)}: the latter reads the store named by the
 * {@code javax.net.ssl.trustStore} system property when it is set, and application servers set it. Payara
 * points it at its own bundled store, which holds roots that browsers do not trust (and that a server's
 * operator may add to for the server's own outgoing calls). A portal must be reachable by browsers, so
 * the hub judges it by the roots a browser-like client ships with: the JDK's, exactly.
 */
public final class TrustAnchors {

    private TrustAnchors() {
    }

    /** Where the JDK that runs the hub keeps its root certificates. */
    public static Path jdkCacerts() {
        return Path.of(System.getProperty("java.home"), "lib", "security", "cacerts");
    }

    /**
     * Every trusted certificate of the JDK's store and of the extra PEM files, in one in-memory store.
     *
     * @param jdkStore the JDK's {@code cacerts} (see {@link #jdkCacerts()})
     * @param extraPem PEM files of further roots; each must be readable
     * @throws IOException              when a file cannot be read
     * @throws GeneralSecurityException when a file is not a key store or holds no certificates
     */
    public static KeyStore load(Path jdkStore, List<Path> extraPem) throws IOException, GeneralSecurityException {
        Objects.requireNonNull(jdkStore, "jdkStore");
        KeyStore roots = KeyStore.getInstance("PKCS12");
        roots.load(null, null);
        // cacerts is PKCS12 (JDK 9+) or JKS (older); getInstance(File, ...) tells them apart. Its trusted
        // certificate entries are not encrypted, so no password is needed to read them.
        KeyStore jdk = KeyStore.getInstance(jdkStore.toFile(), (char[]) null);
        int n = 0;
        for (String alias : Collections.list(jdk.aliases())) {
            if (jdk.isCertificateEntry(alias)) {
                roots.setCertificateEntry("jdk-" + n++ + "-" + alias, jdk.getCertificate(alias));
            }
        }
        if (n == 0) {
            throw new GeneralSecurityException("No trusted certificates in " + jdkStore);
        }
        for (Path file : extraPem) {
            try (InputStream in = Files.newInputStream(file)) {
                for (Certificate c : CertificateFactory.getInstance("X.509").generateCertificates(in)) {
                    roots.setCertificateEntry("extra-" + n++, c);
                }
            }
        }
        return roots;
    }

    /** The certificates of a store built by {@link #load}. */
    public static List<X509Certificate> certificates(KeyStore roots) throws GeneralSecurityException {
        List<X509Certificate> certificates = new ArrayList<>();
        for (String alias : Collections.list(roots.aliases())) {
            if (roots.getCertificate(alias) instanceof X509Certificate c) {
                certificates.add(c);
            }
        }
        return certificates;
    }

    /** The JDK's PKIX trust manager over exactly these roots. */
    public static X509TrustManager trustManager(KeyStore roots) throws GeneralSecurityException {
        TrustManagerFactory factory = TrustManagerFactory.getInstance("PKIX");
        factory.init(roots);
        for (TrustManager manager : factory.getTrustManagers()) {
            if (manager instanceof X509TrustManager x509) {
                return x509;
            }
        }
        throw new GeneralSecurityException("The platform has no X.509 trust manager");
    }
}
