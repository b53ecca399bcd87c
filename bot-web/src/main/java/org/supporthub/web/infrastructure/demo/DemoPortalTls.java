package org.supporthub.web.infrastructure.demo;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.supporthub.core.application.HubSettings;
import org.supporthub.core.domain.model.portal.PortalKeys;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The demo portal's own HTTPS face, in development mode only: what a real portal has at its public
 * address. It answers the hub's address challenge with the demo portal's secret, over a certificate
 * issued by a local demo root (made once with the JDK's keytool), which development mode trusts. So the
 * demo can be activated end to end, through the same strict checks as any portal.
 */
@ApplicationScoped
public class DemoPortalTls {

    private static final Logger LOG = Logger.getLogger(DemoPortalTls.class.getName());
    private static final String PASSWORD = "demo-portal";
    static final String CHALLENGE = "/.well-known/support-hub/challenge";

    @Inject
    HubSettings settings;

    @Inject
    DemoPortalServer demo;

    @Inject
    @ConfigProperty(name = "support.hub.demo.portal-port", defaultValue = "8181")
    int port;

    private HttpsServer server;

    /** The demo root certificate (PEM) that development mode trusts, once made. */
    public Path rootsFile() {
        return dir().resolve("roots.pem");
    }

    /** Makes the demo certificates if needed and starts answering on 127.0.0.1. Failures are logged, not fatal. */
    void start() {
        if (!settings.development() || server != null) {
            return;
        }
        try {
            if (!Files.exists(dir().resolve("portal.p12"))) {
                makeCertificates();
            }
            server = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 16);
            server.setHttpsConfigurator(new HttpsConfigurator(sslContext()));
            server.createContext(CHALLENGE, this::challenge);
            server.start();
            LOG.warning("DEVELOPMENT MODE: the demo portal answers at https://127.0.0.1:" + port
                    + " with a certificate from a local demo root that only development mode trusts.");
        } catch (IOException | GeneralSecurityException | InterruptedException e) {
            LOG.log(Level.SEVERE, "The demo portal's HTTPS face did not start; its activation will fail to reach it", e);
        }
    }

    @PreDestroy
    void stop() {
        if (server != null) {
            server.stop(0);
        }
    }

    private void challenge(HttpExchange exchange) throws IOException {
        String query = Optional.ofNullable(exchange.getRequestURI().getRawQuery()).orElse("");
        String nonce = List.of(query.split("&")).stream().filter(p -> p.startsWith("nonce="))
                .map(p -> URLDecoder.decode(p.substring(6), StandardCharsets.UTF_8)).findFirst().orElse("");
        Optional<String> secret = demo.secret();
        byte[] body;
        int status;
        if (!PortalKeys.isWellFormedNonce(nonce) || secret.isEmpty()) {
            // Only the protocol's nonce form is answered: anything else (a token's header.payload above all)
            // gets no MAC at all, as docs/protocol.md tells every portal.
            status = 400;
            body = "nonce must be 43 characters of base64url".getBytes(StandardCharsets.UTF_8);
        } else {
            status = 200;
            body = proof(secret.get(), nonce).getBytes(StandardCharsets.UTF_8);
        }
        exchange.getResponseHeaders().add("Content-Type", "text/plain");
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    /**
     * What any portal answers: base64url(HMAC-SHA256(challenge key, "support-hub/v1/address-challenge\n" +
     * nonce)), with the challenge key derived from the secret for this purpose only.
     */
    static String proof(String secret, String nonce) {
        return PortalKeys.challengeAnswer(PortalKeys.challengeKey(secret), nonce);
    }

    private SSLContext sslContext() throws IOException, GeneralSecurityException {
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(dir().resolve("portal.p12"))) {
            store.load(in, PASSWORD.toCharArray());
        }
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(store, PASSWORD.toCharArray());
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(kmf.getKeyManagers(), null, null);
        return context;
    }

    /** A demo root, and a certificate for 127.0.0.1 signed by it, with the JDK's own keytool. */
    private void makeCertificates() throws IOException, InterruptedException {
        Path d = dir();
        Files.createDirectories(d);
        String root = d.resolve("root.p12").toString();
        String portal = d.resolve("portal.p12").toString();
        keytool(null, "-genkeypair", "-alias", "root", "-keyalg", "EC", "-groupname", "secp256r1",
                "-dname", "CN=Support Hub demo root", "-ext", "bc:c", "-validity", "3650",
                "-keystore", root, "-storetype", "PKCS12", "-storepass", PASSWORD);
        keytool(null, "-genkeypair", "-alias", "portal", "-keyalg", "EC", "-groupname", "secp256r1",
                "-dname", "CN=127.0.0.1", "-validity", "825", "-keystore", portal, "-storetype", "PKCS12",
                "-storepass", PASSWORD);
        byte[] request = keytool(null, "-certreq", "-alias", "portal", "-keystore", portal, "-storepass", PASSWORD);
        byte[] signed = keytool(request, "-gencert", "-alias", "root", "-keystore", root, "-storepass", PASSWORD,
                "-ext", "san=ip:127.0.0.1", "-validity", "825", "-rfc");
        byte[] rootPem = keytool(null, "-exportcert", "-alias", "root", "-keystore", root, "-storepass", PASSWORD,
                "-rfc");
        Files.write(rootsFile(), rootPem);
        keytool(rootPem, "-importcert", "-noprompt", "-alias", "root", "-keystore", portal, "-storepass", PASSWORD);
        keytool(signed, "-importcert", "-alias", "portal", "-keystore", portal, "-storepass", PASSWORD);
    }

    private static byte[] keytool(byte[] input, String... args) throws IOException, InterruptedException {
        List<String> command = new java.util.ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        if (input != null) {
            try (OutputStream in = p.getOutputStream()) {
                in.write(input);
            }
        } else {
            p.getOutputStream().close();
        }
        byte[] out = p.getInputStream().readAllBytes();
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IOException("keytool " + args[0] + " failed: " + new String(out, StandardCharsets.UTF_8));
        }
        return out;
    }

    private Path dir() {
        return settings.dataDir().resolve("demo-tls");
    }
}
