package org.supporthub.activation.infrastructure.reachability;

import org.supporthub.activation.domain.model.reachability.*;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * Certificates for the HTTPS fixtures, made fresh for each test run with BouncyCastle: a test root CA that
 * the probe under test trusts, and one server identity per way a portal's certificate can be wrong.
 * EC P-256 keys: quick to generate, so the whole set costs milliseconds.
 */
final class TestCertificates {

    static final String PORTAL_HOST = "portal.test";
    static final String LOOPBACK = "127.0.0.1";

    private static final AtomicLong SERIALS = new AtomicLong(System.currentTimeMillis());
    private static final Duration DAY = Duration.ofDays(1);

    /** A key and the chain a server presents, leaf first. */
    record Identity(String name, PrivateKey key, X509Certificate... chain) {
        X509Certificate leaf() {
            return chain[0];
        }

        @Override
        public String toString() {
            return name;
        }
    }

    private final KeyPair rootKey = newKeyPair();
    private final X509Certificate root;

    TestCertificates() {
        root = build(new X500Name("CN=Support Hub Test Root"), rootKey, new X500Name("CN=Support Hub Test Root"),
                rootKey, Instant.now().minus(DAY), Instant.now().plus(DAY.multipliedBy(365)), true, List.of());
    }

    X509Certificate root() {
        return root;
    }

    /** Trusts the test root and nothing else, as a PKIX trust manager like the JDK's default one. */
    X509TrustManager trustingRootOnly() {
        try {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            store.setCertificateEntry("test-root", root);
            TrustManagerFactory factory = TrustManagerFactory.getInstance("PKIX");
            factory.init(store);
            return (X509TrustManager) factory.getTrustManagers()[0];
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** The portal as it should be: "portal.test" and 127.0.0.1 in the subjectAltName, signed by the root. */
    Identity valid() {
        return leaf("valid", "CN=" + PORTAL_HOST, sans(PORTAL_HOST, LOOPBACK), Instant.now().minus(DAY),
                Instant.now().plus(DAY.multipliedBy(30)));
    }

    /** Signed by the root, but its validity ended yesterday. */
    Identity expired() {
        return leaf("expired", "CN=" + PORTAL_HOST, sans(PORTAL_HOST, LOOPBACK),
                Instant.now().minus(DAY.multipliedBy(30)), Instant.now().minus(DAY));
    }

    /** Signed by the root, for another site. */
    Identity wrongHost() {
        return leaf("wrong host", "CN=other.test", sans("other.test"), Instant.now().minus(DAY),
                Instant.now().plus(DAY.multipliedBy(30)));
    }

    /** Signed by the root, the name only in the subject's CN, no subjectAltName at all. */
    Identity commonNameOnly() {
        return leaf("CN only", "CN=" + PORTAL_HOST, null, Instant.now().minus(DAY),
                Instant.now().plus(DAY.multipliedBy(30)));
    }

    /** Its own issuer, names right, trusted by nobody. */
    Identity selfSigned() {
        KeyPair key = newKeyPair();
        X500Name name = new X500Name("CN=" + PORTAL_HOST);
        X509Certificate certificate = build(name, key, name, key, Instant.now().minus(DAY),
                Instant.now().plus(DAY.multipliedBy(30)), false, sans(PORTAL_HOST, LOOPBACK));
        return new Identity("self-signed", key.getPrivate(), certificate);
    }

    /** Names right, signed by a CA the probe does not know; the server sends that CA along. */
    Identity unknownIssuer() {
        KeyPair caKey = newKeyPair();
        X500Name caName = new X500Name("CN=Somebody Else's CA");
        X509Certificate ca = build(caName, caKey, caName, caKey, Instant.now().minus(DAY),
                Instant.now().plus(DAY.multipliedBy(365)), true, List.of());
        KeyPair key = newKeyPair();
        X509Certificate leaf = build(new X500Name("CN=" + PORTAL_HOST), key, caName, caKey, Instant.now().minus(DAY),
                Instant.now().plus(DAY.multipliedBy(30)), false, sans(PORTAL_HOST, LOOPBACK));
        return new Identity("unknown issuer", key.getPrivate(), leaf, ca);
    }

    private Identity leaf(String label, String subject, List<GeneralName> sans, Instant notBefore, Instant notAfter) {
        KeyPair key = newKeyPair();
        X509Certificate certificate = build(new X500Name(subject), key, new X500Name(root.getSubjectX500Principal().getName()),
                rootKey, notBefore, notAfter, false, sans);
        return new Identity(label, key.getPrivate(), certificate, root);
    }

    private static List<GeneralName> sans(String dnsName, String... ips) {
        List<GeneralName> names = new ArrayList<>();
        names.add(new GeneralName(GeneralName.dNSName, dnsName));
        for (String ip : ips) {
            names.add(new GeneralName(GeneralName.iPAddress, ip));
        }
        return names;
    }

    private static X509Certificate build(X500Name subject, KeyPair subjectKey, X500Name issuer, KeyPair issuerKey,
                                         Instant notBefore, Instant notAfter, boolean ca, List<GeneralName> sans) {
        try {
            X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(issuer,
                    BigInteger.valueOf(SERIALS.incrementAndGet()), Date.from(notBefore), Date.from(notAfter),
                    subject, subjectKey.getPublic());
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(ca));
            if (ca) {
                builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
            } else {
                builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature));
                builder.addExtension(Extension.extendedKeyUsage, false,
                        new ExtendedKeyUsage(KeyPurposeId.id_kp_serverAuth));
            }
            if (sans != null && !sans.isEmpty()) {
                builder.addExtension(Extension.subjectAlternativeName, false,
                        new GeneralNames(sans.toArray(GeneralName[]::new)));
            }
            return new JcaX509CertificateConverter().getCertificate(
                    builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(issuerKey.getPrivate())));
        } catch (GeneralSecurityException | OperatorCreationException | java.io.IOException e) {
            throw new IllegalStateException("Cannot make a test certificate", e);
        }
    }

    private static KeyPair newKeyPair() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"));
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
