package org.supporthub.activation.application.internal;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.junit.jupiter.api.AfterEach;
import org.supporthub.activation.infrastructure.reachability.PortalProbe;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.supporthub.activation.infrastructure.tls.TrustAnchors;
import org.supporthub.core.application.HubSettings;

import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;
import java.io.OutputStream;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Collections;
import java.util.Date;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * The roots the probe trusts are the JDK's own, read from {@code $JAVA_HOME/lib/security/cacerts}, and never
 * what the application server adds through {@code javax.net.ssl.trustStore} (Payara points that at its own
 * store, with roots browsers do not trust).
 */
class PortalProbeProducerTest {

    @TempDir
    Path dir;

    private String savedStore;
    private String savedPassword;
    private X509Certificate serverExtra;

    @BeforeEach
    void anApplicationServerWithItsOwnTrustStore() throws Exception {
        savedStore = System.getProperty("javax.net.ssl.trustStore");
        savedPassword = System.getProperty("javax.net.ssl.trustStorePassword");
        serverExtra = root("CN=Application Server Bundled Root");
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        store.setCertificateEntry("bundled", serverExtra);
        Path file = dir.resolve("server-truststore.p12");
        try (OutputStream out = Files.newOutputStream(file)) {
            store.store(out, "changeit".toCharArray());
        }
        System.setProperty("javax.net.ssl.trustStore", file.toString());
        System.setProperty("javax.net.ssl.trustStorePassword", "changeit");
    }

    @AfterEach
    void restore() {
        restore("javax.net.ssl.trustStore", savedStore);
        restore("javax.net.ssl.trustStorePassword", savedPassword);
    }

    @Test
    void production_trusts_exactly_the_jdks_cacerts() throws Exception {
        // The premise: the platform's default trust would now include the server's extra root.
        TrustManagerFactory platform = TrustManagerFactory.getInstance("PKIX");
        platform.init((KeyStore) null);
        assertThat(((X509TrustManager) platform.getTrustManagers()[0]).getAcceptedIssuers()).contains(serverExtra);

        Set<X509Certificate> trusted = Set.copyOf(TrustAnchors.certificates(producer(false, null).roots()));

        assertThat(trusted).isEqualTo(jdkCacerts()).doesNotContain(serverExtra);
        assertThat(TrustAnchors.trustManager(producer(false, null).roots()).getAcceptedIssuers())
                .containsExactlyInAnyOrderElementsOf(jdkCacerts());
    }

    @Test
    void development_adds_the_configured_file_and_nothing_else() throws Exception {
        X509Certificate fixtureRoot = root("CN=Fixture Root");
        Path pem = dir.resolve("roots.pem");
        Files.writeString(pem, "-----BEGIN CERTIFICATE-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(fixtureRoot.getEncoded())
                + "\n-----END CERTIFICATE-----\n");

        Set<X509Certificate> trusted = Set.copyOf(TrustAnchors.certificates(producer(true, pem.toString()).roots()));

        Set<X509Certificate> expected = new HashSet<>(jdkCacerts());
        expected.add(fixtureRoot);
        assertThat(trusted).isEqualTo(expected).doesNotContain(serverExtra);
    }

    @Test
    void a_probe_made_before_the_demo_root_exists_is_not_kept() throws Exception {
        PortalProbeProducer producer = producer(true, null);
        producer.clock = java.time.Clock.systemUTC();
        producer.connectTimeout = 5;
        producer.readTimeout = 5;
        ActivationLimits limits = new ActivationLimits();
        limits.deadlineSeconds = 20;
        limits.dnsTimeoutSeconds = 5;
        limits.probeDeadlineSeconds = 10;
        limits.maxConcurrent = 4;
        limits.dnsLookups = 2;
        limits.fit();
        producer.limits = limits;

        // A fresh data folder: the demo portal has not written its root yet.
        PortalProbe early = producer.probe();
        assertThat(producer.probe()).as("made again while the root is missing").isNotSameAs(early);

        Path demoRoot = dir.resolve("data").resolve("demo-tls").resolve("roots.pem");
        Files.createDirectories(demoRoot.getParent());
        Files.writeString(demoRoot, "-----BEGIN CERTIFICATE-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(root("CN=Demo Root").getEncoded())
                + "\n-----END CERTIFICATE-----\n");
        PortalProbe complete = producer.probe();
        assertThat(producer.probe()).as("kept once every roots file was read").isSameAs(complete);
    }

    @Test
    void production_refuses_a_roots_file() {
        assertThatIllegalStateException().isThrownBy(() -> producer(false, dir.resolve("x.pem").toString()).roots())
                .withMessageContaining("SUPPORT_HUB_ACTIVATION_TRUSTED_ROOTS_FILE");
    }

    private PortalProbeProducer producer(boolean development, String rootsFile) {
        PortalProbeProducer producer = new PortalProbeProducer();
        Path data = dir.resolve("data");
        producer.settings = new HubSettings() {
            @Override
            public boolean development() {
                return development;
            }

            @Override
            public Path dataDir() {
                return data;
            }
        };
        producer.trustedRootsFile = Optional.ofNullable(rootsFile);
        return producer;
    }

    /** The JDK's cacerts, read on their own. */
    private static Set<X509Certificate> jdkCacerts() throws Exception {
        KeyStore jdk = KeyStore.getInstance(Path.of(System.getProperty("java.home"), "lib", "security", "cacerts")
                .toFile(), (char[]) null);
        Set<X509Certificate> certificates = new HashSet<>();
        for (String alias : Collections.list(jdk.aliases())) {
            certificates.add((X509Certificate) jdk.getCertificate(alias));
        }
        assertThat(certificates).isNotEmpty();
        return certificates;
    }

    private static X509Certificate root(String name) throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(256);
        KeyPair key = generator.generateKeyPair();
        X500Name subject = new X500Name(name);
        return new JcaX509CertificateConverter().getCertificate(new JcaX509v3CertificateBuilder(subject,
                BigInteger.valueOf(System.nanoTime()), Date.from(Instant.now().minusSeconds(60)),
                Date.from(Instant.now().plus(Duration.ofDays(1))), subject, key.getPublic())
                .addExtension(Extension.basicConstraints, true, new BasicConstraints(true))
                .build(new JcaContentSignerBuilder("SHA256withECDSA").build(key.getPrivate())));
    }

    private static void restore(String property, String value) {
        if (value == null) {
            System.clearProperty(property);
        } else {
            System.setProperty(property, value);
        }
    }

}
