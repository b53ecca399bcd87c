package org.supporthub.activation.infrastructure.reachability;

import org.supporthub.activation.domain.model.reachability.*;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.security.KeyStore;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.net.ssl.ExtendedSSLSession;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SNIServerName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;

/**
 * A portal's site in miniature: an HTTPS server on 127.0.0.1 (ephemeral port) presenting a given
 * certificate chain, answering each request with whatever bytes the test decides, so that every framing
 * and every misbehaviour can be produced exactly. It records the requests and the SNI names it received.
 */
final class TlsTestServer implements AutoCloseable {

    /** Writes the raw HTTP response for a request head ({@code GET /path HTTP/1.1 ...}). */
    @FunctionalInterface
    interface Responder {
        void respond(String requestHead, OutputStream out) throws IOException;
    }

    private static final char[] PASSWORD = "test".toCharArray();

    private final SSLServerSocket server;
    private final Responder responder;
    final List<String> requests = new CopyOnWriteArrayList<>();
    final List<List<SNIServerName>> serverNames = new CopyOnWriteArrayList<>();

    TlsTestServer(TestCertificates.Identity identity, Responder responder) throws Exception {
        this.responder = responder;
        KeyStore keys = KeyStore.getInstance("PKCS12");
        keys.load(null, null);
        keys.setKeyEntry("server", identity.key(), PASSWORD, identity.chain());
        KeyManagerFactory factory = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        factory.init(keys, PASSWORD);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(factory.getKeyManagers(), null, null);
        server = (SSLServerSocket) context.getServerSocketFactory()
                .createServerSocket(0, 10, InetAddress.getByName(TestCertificates.LOOPBACK));
        Thread acceptor = new Thread(this::acceptLoop, "tls-test-server-" + port());
        acceptor.setDaemon(true);
        acceptor.start();
    }

    int port() {
        return server.getLocalPort();
    }

    /** A plain {@code 200} with a Content-Length. */
    static Responder answering(String body) {
        return (request, out) -> out.write(response(200, "OK", body));
    }

    static byte[] response(int status, String reason, String body, String... extraHeaders) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        StringBuilder head = new StringBuilder("HTTP/1.1 " + status + " " + reason + "\r\n");
        for (String header : extraHeaders) {
            head.append(header).append("\r\n");
        }
        head.append("Content-Length: ").append(bytes.length).append("\r\nConnection: close\r\n\r\n");
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        all.writeBytes(head.toString().getBytes(StandardCharsets.US_ASCII));
        all.writeBytes(bytes);
        return all.toByteArray();
    }

    private void acceptLoop() {
        while (!server.isClosed()) {
            try {
                SSLSocket socket = (SSLSocket) server.accept();
                Thread handler = new Thread(() -> handle(socket), "tls-test-connection");
                handler.setDaemon(true);
                handler.start();
            } catch (IOException closed) {
                return;
            }
        }
    }

    private void handle(SSLSocket socket) {
        try (socket) {
            socket.setSoTimeout(5000);
            socket.startHandshake();
            serverNames.add(((ExtendedSSLSession) socket.getSession()).getRequestedServerNames());
            String head = readHead(socket.getInputStream());
            requests.add(head);
            OutputStream out = socket.getOutputStream();
            responder.respond(head, out);
            out.flush();
        } catch (IOException | RuntimeException refusedOrGone) {
            // The probe refused our certificate, or stopped reading: exactly what some tests want.
        }
    }

    private static String readHead(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int matched = 0;
        byte[] end = {'\r', '\n', '\r', '\n'};
        while (matched < end.length) {
            int b = in.read();
            if (b < 0) {
                throw new SocketException("Closed before the end of the request head");
            }
            head.write(b);
            matched = b == end[matched] ? matched + 1 : (b == '\r' ? 1 : 0);
        }
        return head.toString(StandardCharsets.US_ASCII);
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}
