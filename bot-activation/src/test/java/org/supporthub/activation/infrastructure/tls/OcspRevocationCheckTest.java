package org.supporthub.activation.infrastructure.tls;

import com.sun.net.httpserver.HttpServer;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.AccessDescription;
import org.bouncycastle.asn1.x509.AuthorityInformationAccess;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.cert.ocsp.BasicOCSPRespBuilder;
import org.bouncycastle.cert.ocsp.CertificateStatus;
import org.bouncycastle.cert.ocsp.OCSPReq;
import org.bouncycastle.cert.ocsp.OCSPResp;
import org.bouncycastle.cert.ocsp.OCSPRespBuilder;
import org.bouncycastle.cert.ocsp.Req;
import org.bouncycastle.cert.ocsp.RespID;
import org.bouncycastle.cert.ocsp.RevokedStatus;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.supporthub.activation.domain.model.reachability.RevocationCheck.Status;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Revocation through a real OCSP exchange: a test CA, a leaf naming an OCSP responder on loopback, and a
 * responder made with BouncyCastle that answers "good" or "revoked", or is not there at all (soft-fail).
 */
class OcspRevocationCheckTest {

    private static KeyPair caKey;
    private static X509Certificate ca;
    private static KeyStore roots;

    private HttpServer responder;
    private final AtomicReference<CertificateStatus> answer = new AtomicReference<>(CertificateStatus.GOOD);
    private final AtomicInteger asked = new AtomicInteger();

    @BeforeAll
    static void makeCa() throws Exception {
        caKey = newKeyPair();
        X500Name name = new X500Name("CN=OCSP Test Root");
        ca = sign(new JcaX509v3CertificateBuilder(name, BigInteger.ONE, Date.from(Instant.now().minusSeconds(3600)),
                Date.from(Instant.now().plus(Duration.ofDays(30))), name, caKey.getPublic())
                .addExtension(Extension.basicConstraints, true, new BasicConstraints(true))
                .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign)));
        roots = KeyStore.getInstance("PKCS12");
        roots.load(null, null);
        roots.setCertificateEntry("root", ca);
    }

    @AfterEach
    void stop() {
        if (responder != null) {
            responder.stop(0);
        }
    }

    @Test
    void a_certificate_the_responder_calls_good_is_good() throws Exception {
        X509Certificate leaf = leaf(startResponder());

        assertThat(check().check(new X509Certificate[] {leaf, ca})).isEqualTo(Status.GOOD);
        assertThat(asked).hasValue(1);
    }

    @Test
    void a_certificate_the_responder_calls_revoked_is_revoked() throws Exception {
        X509Certificate leaf = leaf(startResponder());
        answer.set(new RevokedStatus(Date.from(Instant.now().minusSeconds(600)), 1));

        assertThat(check().check(new X509Certificate[] {leaf})).isEqualTo(Status.REVOKED);
        assertThat(asked).hasValue(1);
    }

    @Test
    void a_responder_that_cannot_be_reached_is_a_soft_fail() throws Exception {
        int closed;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closed = s.getLocalPort();
        }
        X509Certificate leaf = leaf("http://127.0.0.1:" + closed + "/ocsp");

        assertThat(check().check(new X509Certificate[] {leaf, ca})).isEqualTo(Status.UNKNOWN);
    }

    @Test
    void a_responder_too_slow_for_the_timeout_is_a_soft_fail() throws Exception {
        X509Certificate leaf = leaf(startResponder());
        responder.removeContext("/ocsp");
        responder.createContext("/ocsp", exchange -> {
            try {
                Thread.sleep(3000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            exchange.close();
        });

        long start = System.nanoTime();
        Status status = new OcspRevocationCheck(roots, Duration.ofMillis(300)).check(new X509Certificate[] {leaf, ca});

        assertThat(status).isEqualTo(Status.UNKNOWN);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(2));
    }

    @Test
    void a_certificate_naming_no_responder_is_not_checked() throws Exception {
        X509Certificate leaf = leaf((String) null);

        assertThat(OcspRevocationCheck.namesOcspResponder(leaf)).isFalse();
        assertThat(check().check(new X509Certificate[] {leaf, ca})).isEqualTo(Status.UNKNOWN);
    }

    private static OcspRevocationCheck check() throws Exception {
        return new OcspRevocationCheck(roots, Duration.ofSeconds(5));
    }

    /** An OCSP responder signing with the CA's own key (so the CA is the responder, as RFC 6960 allows). */
    private String startResponder() throws IOException {
        responder = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        responder.createContext("/ocsp", exchange -> {
            try {
                byte[] request = "POST".equals(exchange.getRequestMethod())
                        ? exchange.getRequestBody().readAllBytes()
                        : Base64.getDecoder().decode(URLDecoder.decode(exchange.getRequestURI().getRawPath()
                        .substring("/ocsp/".length()), StandardCharsets.UTF_8));
                asked.incrementAndGet();
                byte[] body = respond(new OCSPReq(request));
                exchange.getResponseHeaders().set("Content-Type", "application/ocsp-response");
                exchange.sendResponseHeaders(200, body.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            } catch (Exception e) {
                exchange.sendResponseHeaders(500, -1);
            } finally {
                exchange.close();
            }
        });
        responder.start();
        return "http://127.0.0.1:" + responder.getAddress().getPort() + "/ocsp";
    }

    private byte[] respond(OCSPReq request) throws Exception {
        X509CertificateHolder issuer = new JcaX509CertificateHolder(ca);
        BasicOCSPRespBuilder builder = new BasicOCSPRespBuilder(new RespID(issuer.getSubject()));
        for (Req one : request.getRequestList()) {
            builder.addResponse(one.getCertID(), answer.get(), new Date(), new Date(System.currentTimeMillis() + 3_600_000), null);
        }
        return new OCSPRespBuilder().build(OCSPRespBuilder.SUCCESSFUL,
                builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(caKey.getPrivate()), null, new Date()))
                .getEncoded();
    }

    /** A leaf for portal.test signed by the CA, naming the responder (none when null). */
    private static X509Certificate leaf(String ocspUrl) throws Exception {
        KeyPair key = newKeyPair();
        org.bouncycastle.cert.X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(new X500Name("CN=OCSP Test Root"),
                BigInteger.valueOf(System.nanoTime()), Date.from(Instant.now().minusSeconds(3600)),
                Date.from(Instant.now().plus(Duration.ofDays(10))), new X500Name("CN=portal.test"), key.getPublic())
                .addExtension(Extension.subjectAlternativeName, false,
                        new org.bouncycastle.asn1.x509.GeneralNames(new GeneralName(GeneralName.dNSName, "portal.test")));
        if (ocspUrl != null) {
            builder.addExtension(Extension.authorityInfoAccess, false, new AuthorityInformationAccess(
                    new AccessDescription(AccessDescription.id_ad_ocsp,
                            new GeneralName(GeneralName.uniformResourceIdentifier, ocspUrl))));
        }
        return sign(builder);
    }

    private static X509Certificate sign(org.bouncycastle.cert.X509v3CertificateBuilder builder) throws Exception {
        return new JcaX509CertificateConverter().getCertificate(
                builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(caKey.getPrivate())));
    }

    private static KeyPair newKeyPair() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        return generator.generateKeyPair();
    }
}
