package org.supporthub.it;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
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
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The portal's side of the hub's "the vendor reaches the portal" check, made up for the tests: a test root
 * CA (the hub trusts it in development mode, through the roots file the it-tests pom names), certificates
 * that are right or wrong in exactly one way each, and small sites on 127.0.0.1 that answer the hub's
 * challenge, stay silent, or are not there at all.
 *
 * <p>EC P-256 keys: generated in milliseconds, so every test gets fresh ones.
 */
final class TlsFixtures {

    static final String LOOPBACK = "127.0.0.1";
    static final String CHALLENGE_PATH = "/.well-known/support-hub/challenge";

    private static final Duration DAY = Duration.ofDays(1);
    private static final AtomicLong SERIALS = new AtomicLong(System.currentTimeMillis());
    private static final char[] KEY_PASSWORD = "fixture".toCharArray();

    private TlsFixtures() {
    }

    // ---- certificates -------------------------------------------------------------------------------

    /** A certificate authority: its self-signed certificate and the keys it signs with. */
    record Authority(X509Certificate certificate, KeyPair keys) {

        static Authority create(String commonName) {
            KeyPair keys = newKeyPair();
            X500Name name = new X500Name("CN=" + commonName);
            return new Authority(build(name, keys, name, keys.getPrivate(), Instant.now().minus(DAY),
                    Instant.now().plus(DAY.multipliedBy(30)), true, null), keys);
        }

        /** Writes the certificate as PEM: the form in which the hub reads its extra trusted roots. */
        void writePem(Path file) throws IOException {
            Files.createDirectories(file.toAbsolutePath().getParent());
            try (Writer out = Files.newBufferedWriter(file, StandardCharsets.US_ASCII);
                 JcaPEMWriter pem = new JcaPEMWriter(out)) {
                pem.writeObject(certificate);
            }
        }

        X500Name name() {
            return X500Name.getInstance(certificate.getSubjectX500Principal().getEncoded());
        }
    }

    /** A server's private key and the chain it presents, leaf first. */
    record Identity(PrivateKey key, X509Certificate... chain) {
    }

    /** The portal as it should be: 127.0.0.1 in the subjectAltName, signed by the root, valid a day either side. */
    static Identity validLeaf(Authority root) {
        return signedBy(root, "CN=Portal fixture", ip(LOOPBACK), Instant.now().minus(DAY), Instant.now().plus(DAY));
    }

    /** Signed by the root and naming the right address, but its validity ended yesterday. */
    static Identity expiredLeaf(Authority root) {
        return signedBy(root, "CN=Portal fixture", ip(LOOPBACK), Instant.now().minus(DAY.multipliedBy(30)),
                Instant.now().minus(DAY));
    }

    /** Signed by the root and current, but for another site: a DNS name only, no IP address. */
    static Identity wrongHostLeaf(Authority root) {
        return signedBy(root, "CN=other.example", new GeneralName(GeneralName.dNSName, "other.example"),
                Instant.now().minus(DAY), Instant.now().plus(DAY));
    }

    /** Its own issuer, names right, trusted by nobody; the server presents it alone, as such servers do. */
    static Identity selfSignedLeaf() {
        KeyPair keys = newKeyPair();
        X500Name name = new X500Name("CN=Portal fixture (self-signed)");
        return new Identity(keys.getPrivate(), build(name, keys, name, keys.getPrivate(), Instant.now().minus(DAY),
                Instant.now().plus(DAY), false, ip(LOOPBACK)));
    }

    /** Names right and current, signed by a CA the hub does not know; the server sends that CA along. */
    static Identity unknownIssuerLeaf() {
        Authority stranger = Authority.create("Somebody Else's CA");
        return signedBy(stranger, "CN=Portal fixture", ip(LOOPBACK), Instant.now().minus(DAY),
                Instant.now().plus(DAY));
    }

    private static Identity signedBy(Authority issuer, String subject, GeneralName san, Instant notBefore,
                                     Instant notAfter) {
        KeyPair keys = newKeyPair();
        X509Certificate leaf = build(new X500Name(subject), keys, issuer.name(), issuer.keys().getPrivate(),
                notBefore, notAfter, false, san);
        return new Identity(keys.getPrivate(), leaf, issuer.certificate());
    }

    private static GeneralName ip(String address) {
        return new GeneralName(GeneralName.iPAddress, address);
    }

    private static X509Certificate build(X500Name subject, KeyPair subjectKeys, X500Name issuer, PrivateKey issuerKey,
                                         Instant notBefore, Instant notAfter, boolean ca, GeneralName san) {
        try {
            X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(issuer,
                    BigInteger.valueOf(SERIALS.incrementAndGet()), Date.from(notBefore), Date.from(notAfter), subject,
                    subjectKeys.getPublic());
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(ca));
            if (ca) {
                builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
            } else {
                builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature));
                builder.addExtension(Extension.extendedKeyUsage, false,
                        new ExtendedKeyUsage(KeyPurposeId.id_kp_serverAuth));
            }
            if (san != null) {
                builder.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(san));
            }
            return new JcaX509CertificateConverter()
                    .getCertificate(builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(issuerKey)));
        } catch (Exception e) {
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

    // ---- sites --------------------------------------------------------------------------------------

    /** Something on a port of 127.0.0.1 standing in for a portal's site (or for its absence). */
    interface Site extends AutoCloseable {

        int port();

        /** The site's origin, which is also the portal's public address without the trailing slash. */
        default String origin() {
            return "https://" + LOOPBACK + ":" + port();
        }

        @Override
        void close();
    }

    /**
     * An HTTPS site answering the hub's challenge with the proof for the portal's secret, or with a wrong
     * one. The secret is set once the portal is registered: the site must exist first, its port is part of
     * the address being registered.
     */
    static final class ChallengeSite implements Site {

        final AtomicReference<String> secret = new AtomicReference<>();
        /** The nonces the hub sent, in order: proof that it did ask. */
        final List<String> nonces = new CopyOnWriteArrayList<>();
        /** Malformed nonces the site refused to answer (with 400). */
        final List<String> refused = new CopyOnWriteArrayList<>();
        private volatile boolean answersRightly;
        private final HttpsServer server;

        ChallengeSite(Identity identity, boolean answersRightly) {
            this.answersRightly = answersRightly;
            try {
                KeyStore keys = KeyStore.getInstance("PKCS12");
                keys.load(null, null);
                keys.setKeyEntry("site", identity.key(), KEY_PASSWORD, identity.chain());
                KeyManagerFactory factory = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
                factory.init(keys, KEY_PASSWORD);
                SSLContext tls = SSLContext.getInstance("TLS");
                tls.init(factory.getKeyManagers(), null, null);
                server = HttpsServer.create(new InetSocketAddress(InetAddress.getByName(LOOPBACK), 0), 0);
                server.setHttpsConfigurator(new HttpsConfigurator(tls));
                server.createContext(CHALLENGE_PATH, this::answer);
                server.start();
            } catch (IOException | GeneralSecurityException e) {
                throw new IllegalStateException("Cannot start the HTTPS fixture", e);
            }
        }

        /** From now on the site answers with the right proof: the portal's administrator fixed it. */
        void answerRightly() {
            answersRightly = true;
        }

        @Override
        public int port() {
            return server.getAddress().getPort();
        }

        private void answer(HttpExchange exchange) throws IOException {
            try {
                if (!CHALLENGE_PATH.equals(exchange.getRequestURI().getPath())) {
                    exchange.sendResponseHeaders(404, -1);
                    return;
                }
                String nonce = queryParameter(exchange.getRequestURI().getRawQuery(), "nonce");
                String key = secret.get();
                if (!"GET".equals(exchange.getRequestMethod()) || key == null) {
                    exchange.sendResponseHeaders(400, -1);
                    return;
                }
                if (!PortalProtocol.wellFormedNonce(nonce)) {
                    // As docs/protocol.md tells portals: no MAC for anything but the one nonce form.
                    refused.add(String.valueOf(nonce));
                    exchange.sendResponseHeaders(400, -1);
                    return;
                }
                nonces.add(nonce);
                // A wrong answer still looks like a proof: the right form, made with another key (an old secret).
                byte[] body = proof(answersRightly ? key : "not-" + key, nonce).getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().set("Content-Type", "text/plain; charset=utf-8");
                exchange.sendResponseHeaders(200, body.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            } finally {
                exchange.close();
            }
        }

        /** What the portal's module answers, with the challenge key derived from its secret. */
        static String proof(String secret, String nonce) {
            return PortalProtocol.challengeAnswer(secret, nonce);
        }

        private static String queryParameter(String rawQuery, String name) {
            if (rawQuery == null) {
                return null;
            }
            for (String pair : rawQuery.split("&")) {
                if (pair.startsWith(name + "=")) {
                    return URLDecoder.decode(pair.substring(name.length() + 1), StandardCharsets.UTF_8);
                }
            }
            return null;
        }

        @Override
        public void close() {
            server.stop(0);
        }
    }

    /** Accepts TCP connections and never says a word: the hub's TLS handshake waits until its deadline. */
    static final class SilentSite implements Site {

        private final ServerSocket server;
        /** Held open: a connection closed by us would be a handshake failure, not silence. */
        private final List<Socket> held = new CopyOnWriteArrayList<>();

        SilentSite() {
            try {
                server = new ServerSocket(0, 10, InetAddress.getByName(LOOPBACK));
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
            Thread acceptor = new Thread(this::acceptForever, "silent-site-" + port());
            acceptor.setDaemon(true);
            acceptor.start();
        }

        private void acceptForever() {
            while (!server.isClosed()) {
                try {
                    held.add(server.accept());
                } catch (IOException closed) {
                    return;
                }
            }
        }

        @Override
        public int port() {
            return server.getLocalPort();
        }

        @Override
        public void close() {
            closeQuietly(server);
            held.forEach(TlsFixtures::closeQuietly);
        }
    }

    /** A port that was free a moment ago and that nothing listens on: connecting to it is refused. */
    static final class ClosedPort implements Site {

        private final int port;

        ClosedPort() {
            try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getByName(LOOPBACK))) {
                port = probe.getLocalPort();
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }

        @Override
        public int port() {
            return port;
        }

        @Override
        public void close() {
            // Nothing runs there.
        }
    }

    private static void closeQuietly(AutoCloseable closeable) {
        try {
            closeable.close();
        } catch (Exception ignored) {
            // Tearing down a fixture: nothing left to do if it is already gone.
        }
    }
}
