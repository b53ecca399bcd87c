package org.supporthub.activation.domain.model.reachability;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;
import org.supporthub.activation.domain.model.address.AddressVerdict;
import org.supporthub.activation.domain.model.address.PublicUrl;

/**
 * Asks a portal's public site one question over HTTPS, the strict way, and says precisely how that went.
 *
 * <p>Strict means: the TCP connection goes to one of the addresses the address policy checked, in their
 * order, never to a new DNS answer (a name that resolved to a public address for the check and to a local
 * one a moment later &mdash; DNS rebinding &mdash; gets nowhere); TLS 1.3 or 1.2 only; the original host
 * name is sent as SNI and must be in the certificate's subjectAltName; the chain must lead to a trusted root
 * and be valid by the hub's clock, and not be revoked where its issuer runs an OCSP responder; a redirect is an answer, never followed, because its target was never
 * checked by the address policy; and the whole exchange ends by a deadline, however slowly the portal talks.
 *
 * <p>Each probe has its own {@link SSLContext}: a shared one would resume earlier TLS sessions, and a
 * resumed session skips the certificate checks this probe exists to make.
 *
 * <p>Network trouble is an answer, not an exception: {@link #fetch} and {@link #challenge} always return a
 * {@link ProbeResult}. Only wrong use (a refused verdict, a malformed path) throws.
 */
public final class PortalProbe {

    static final String USER_AGENT = "SupportHub-Activation/1";
    private static final String[] PROTOCOLS = {"TLSv1.3", "TLSv1.2"};

    private final ProbeSettings settings;
    private final X509TrustManager trustedRoots;
    private final Clock clock;
    private final RevocationCheck revocation;

    /**
     * @param settings     timeouts, deadline and size limit
     * @param trustedRoots the roots a portal's certificate must lead to: the JDK's default trust store in
     *                     production; tests and development may add a test root. It judges the chain by the
     *                     platform's time, so in production {@code clock} should be the system clock
     * @param clock        the hub's time, against which certificate validity is checked first
     */
    public PortalProbe(ProbeSettings settings, X509TrustManager trustedRoots, Clock clock) {
        this(settings, trustedRoots, clock, RevocationCheck.NONE);
    }

    /**
     * @param revocation asks whether a trusted certificate is revoked (OCSP, soft-fail) in production
     */
    public PortalProbe(ProbeSettings settings, X509TrustManager trustedRoots, Clock clock, RevocationCheck revocation) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.trustedRoots = Objects.requireNonNull(trustedRoots, "trustedRoots");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.revocation = Objects.requireNonNull(revocation, "revocation");
    }

    /**
     * Sends {@code GET path} to the portal and reads its answer.
     *
     * @param verdict an OK verdict of the address policy: where to connect, and under which name
     * @param path    an absolute path, optionally with a query ({@code /.well-known/...?nonce=...})
     * @return ok with the body for a {@code 200} within the limits; otherwise the failure
     * @throws IllegalArgumentException when the verdict is not OK or the path is not a valid absolute path
     */
    public ProbeResult fetch(AddressVerdict verdict, String path) {
        Objects.requireNonNull(verdict, "verdict");
        if (!verdict.isOk()) {
            throw new IllegalArgumentException("Only an address that passed the policy may be probed: " + verdict);
        }
        PublicUrl url = verdict.url();
        String target = requestTarget(url, path);
        long started = System.nanoTime();
        Deadline deadline = Deadline.after(settings.totalDeadline());

        Connection connection = connect(verdict.addresses(), url.port(), deadline);
        if (connection.socket() == null) {
            return ProbeResult.failed(connection.failure(), 0, since(started), null);
        }
        Socket raw = connection.socket();
        try (Deadline.Guard watchdog = deadline.guard(raw)) {
            return exchange(raw, url, target, deadline, connection.address(), started);
        } finally {
            // The plain socket: the TLS layer has nothing left to say once the answer is read (Connection: close).
            closeQuietly(raw);
        }
    }

    /**
     * Asks the portal to prove the address is its own: sends a fresh nonce to {@link ChallengeProof#PATH} and
     * checks the answer with the portal's challenge key.
     *
     * @param challengeKey the key derived from the portal's secret for the challenge
     *                     ({@link org.supporthub.core.domain.model.portal.PortalKeys#challengeKey(String)})
     * @return ok when the answer is the proof; {@link ReachabilityFailure#CHALLENGE_MISMATCH} when the portal
     *         answered {@code 200} with anything else; otherwise the failure of the fetch
     */
    public ProbeResult challenge(AddressVerdict verdict, byte[] challengeKey) {
        Objects.requireNonNull(challengeKey, "challengeKey");
        String nonce = ChallengeProof.newNonce();
        ProbeResult answer = fetch(verdict, ChallengeProof.PATH + "?nonce=" + nonce);
        if (!answer.ok() || ChallengeProof.matches(challengeKey, nonce, answer.body())) {
            return answer;
        }
        return answer.rejectedAs(ReachabilityFailure.CHALLENGE_MISMATCH);
    }

    /** Tries the validated addresses in order; the first that accepts is used. */
    private Connection connect(List<InetAddress> addresses, int port, Deadline deadline) {
        boolean timedOut = false;
        for (InetAddress address : addresses) {
            Socket socket = new Socket();
            try {
                // An InetSocketAddress built from an InetAddress is never resolved again: no second lookup.
                socket.connect(new InetSocketAddress(address, port), deadline.timeoutMillis(settings.connectTimeout()));
                socket.setTcpNoDelay(true);
                return new Connection(socket, address, null);
            } catch (SocketTimeoutException slow) {
                timedOut = true;
                closeQuietly(socket);
                if (deadline.passed()) {
                    break;
                }
            } catch (IOException refused) {
                // Refused, no route, unreachable: the next address may still answer.
                closeQuietly(socket);
            }
        }
        return new Connection(null, null,
                timedOut ? ReachabilityFailure.TIMEOUT : ReachabilityFailure.CONNECT_REFUSED);
    }

    private ProbeResult exchange(Socket raw, PublicUrl url, String target, Deadline deadline,
                                 InetAddress connectedTo, long started) {
        StrictServerTrust trust = new StrictServerTrust(trustedRoots, url.host(), url.literal(), clock, revocation);
        SSLSocket tls;
        try {
            tls = handshake(raw, url, trust, deadline);
        } catch (IOException e) {
            ReachabilityFailure failure = deadline.passed() || causedByTimeout(e) ? ReachabilityFailure.TIMEOUT
                    : trust.failure() != null ? trust.failure()
                    : ReachabilityFailure.TLS_HANDSHAKE;
            return ProbeResult.failed(failure, 0, since(started), connectedTo);
        }

        int status = 0;
        try {
            send(tls, url, target);
            HttpResponseReader response =
                    new HttpResponseReader(tls, deadline, settings.readTimeout(), settings.maxResponseBytes());
            status = response.readHead();
            if (status >= 300 && status < 400) {
                return ProbeResult.failed(ReachabilityFailure.REDIRECT_REFUSED, status, since(started), connectedTo);
            }
            if (status != 200) {
                return ProbeResult.failed(ReachabilityFailure.HTTP_STATUS, status, since(started), connectedTo);
            }
            String body = response.readBody();
            return ProbeResult.succeeded(status, body, since(started), connectedTo);
        } catch (ProbeAbort abort) {
            return ProbeResult.failed(abort.failure(), abort.status(), since(started), connectedTo);
        } catch (IOException e) {
            ReachabilityFailure failure = deadline.passed() || causedByTimeout(e) ? ReachabilityFailure.TIMEOUT
                    : e instanceof SSLException ? ReachabilityFailure.TLS_HANDSHAKE
                    : ReachabilityFailure.HTTP_STATUS;
            return ProbeResult.failed(failure, status, since(started), connectedTo);
        }
    }

    /** TLS over the connected socket, under the original host name. */
    private SSLSocket handshake(Socket raw, PublicUrl url, StrictServerTrust trust, Deadline deadline)
            throws IOException {
        SSLContext context;
        try {
            context = SSLContext.getInstance("TLS");
            context.init(null, new TrustManager[] {trust}, null);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("The platform offers no TLS", e);
        }
        SSLSocket tls = (SSLSocket) context.getSocketFactory().createSocket(raw, url.host(), url.port(), true);
        SSLParameters parameters = tls.getSSLParameters();
        parameters.setEndpointIdentificationAlgorithm("HTTPS");
        // SNI carries names only (RFC 6066); for an IP literal none is sent.
        parameters.setServerNames(url.literal().isPresent() ? List.of() : List.of(new SNIHostName(url.host())));
        parameters.setProtocols(PROTOCOLS);
        tls.setSSLParameters(parameters);
        tls.setSoTimeout(deadline.timeoutMillis(settings.readTimeout()));
        tls.startHandshake();
        return tls;
    }

    private static void send(SSLSocket tls, PublicUrl url, String target) throws IOException {
        String request = "GET " + target + " HTTP/1.1\r\n"
                + "Host: " + url.authority() + "\r\n"
                + "User-Agent: " + USER_AGENT + "\r\n"
                + "Accept: */*\r\n"
                + "Connection: close\r\n"
                + "\r\n";
        OutputStream out = tls.getOutputStream();
        out.write(request.getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }

    /**
     * The request target, rebuilt through {@link PublicUrl#toUri}: it is then percent-encoded and free of
     * spaces and line breaks, so nothing can be smuggled into the request.
     */
    private static String requestTarget(PublicUrl url, String path) {
        URI uri = url.toUri(path);
        String rawPath = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        return uri.getRawQuery() == null ? rawPath : rawPath + "?" + uri.getRawQuery();
    }

    private static boolean causedByTimeout(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SocketTimeoutException) {
                return true;
            }
        }
        return false;
    }

    private static Duration since(long startedNanos) {
        return Duration.ofNanos(System.nanoTime() - startedNanos);
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // Closing is the last step either way; the probe's verdict does not depend on it.
        }
    }

    /** A connected socket and the address it went to, or why there is none. */
    private record Connection(Socket socket, InetAddress address, ReachabilityFailure failure) {
    }
}
