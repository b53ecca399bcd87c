package org.supporthub.activation.infrastructure.reachability;

import org.supporthub.activation.domain.model.reachability.*;

import java.net.InetAddress;
import java.net.Socket;
import java.security.GeneralSecurityException;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.Date;
import java.util.Objects;
import java.util.Optional;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.X509ExtendedTrustManager;
import javax.net.ssl.X509TrustManager;

/**
 * The trust decision for one probe, wrapped around the trusted roots so that a refusal comes out as a
 * precise {@link ReachabilityFailure} instead of an exception message to be parsed.
 *
 * <p>In order: the leaf's validity against the hub's {@link Clock} (deterministic, and before anything
 * else, so an expired certificate reads as expired and not as untrusted); the roots' verdict on the chain,
 * explained afterwards by looking at the chain (expired member, self-signed, not anchored); the host name by
 * subjectAltName only ({@link HostNameMatch}); the leaf's revocation status where its issuer names an OCSP
 * responder ({@link RevocationCheck}, soft-fail); finally, when the roots are an {@link X509ExtendedTrustManager}
 * (the JDK's are), their check against the socket, which applies the JDK's own HTTPS endpoint identification
 * and the handshake's algorithm constraints as well.
 *
 * <p>Being an {@code X509ExtendedTrustManager} itself matters: the JDK would otherwise wrap it in its own
 * adapter and refuse host names first, with nothing but a message to tell why.
 */
final class StrictServerTrust extends X509ExtendedTrustManager {

    private final X509TrustManager roots;
    private final String host;
    private final Optional<InetAddress> literal;
    private final Clock clock;
    private final RevocationCheck revocation;
    private volatile ReachabilityFailure failure;

    StrictServerTrust(X509TrustManager roots, String host, Optional<InetAddress> literal, Clock clock) {
        this(roots, host, literal, clock, RevocationCheck.NONE);
    }

    StrictServerTrust(X509TrustManager roots, String host, Optional<InetAddress> literal, Clock clock,
                      RevocationCheck revocation) {
        this.revocation = Objects.requireNonNull(revocation, "revocation");
        this.roots = Objects.requireNonNull(roots, "roots");
        this.host = Objects.requireNonNull(host, "host");
        this.literal = Objects.requireNonNull(literal, "literal");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Why the server's certificate was refused; null when it was not (or was never looked at). */
    ReachabilityFailure failure() {
        return failure;
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket)
            throws CertificateException {
        verify(chain, authType);
        if (roots instanceof X509ExtendedTrustManager jdk) {
            jdkCheck(() -> jdk.checkServerTrusted(chain, authType, socket));
        }
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
            throws CertificateException {
        verify(chain, authType);
        if (roots instanceof X509ExtendedTrustManager jdk) {
            jdkCheck(() -> jdk.checkServerTrusted(chain, authType, engine));
        }
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        verify(chain, authType);
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket)
            throws CertificateException {
        throw new CertificateException("The probe is a client: it never judges client certificates");
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
            throws CertificateException {
        throw new CertificateException("The probe is a client: it never judges client certificates");
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        throw new CertificateException("The probe is a client: it never judges client certificates");
    }

    @Override
    public X509Certificate[] getAcceptedIssuers() {
        return roots.getAcceptedIssuers();
    }

    private void verify(X509Certificate[] chain, String authType) throws CertificateException {
        if (chain == null || chain.length == 0) {
            throw refuse(ReachabilityFailure.TLS_HANDSHAKE, "The server sent no certificate");
        }
        X509Certificate leaf = chain[0];
        if (!validNow(leaf)) {
            throw refuse(ReachabilityFailure.TLS_EXPIRED, "The certificate is expired or not yet valid");
        }
        try {
            roots.checkServerTrusted(chain, authType);
        } catch (CertificateException refused) {
            throw refuse(explainDistrust(chain), "The certificate chain is not trusted");
        }
        if (!HostNameMatch.matches(leaf, host, literal)) {
            throw refuse(ReachabilityFailure.TLS_HOSTNAME_MISMATCH, "The certificate does not name " + host);
        }
        // Last, and only for a chain the roots accepted: the responder a trusted CA named is asked, never
        // one that an untrusted certificate names (that would let any server send the hub anywhere).
        if (revocation.check(chain) == RevocationCheck.Status.REVOKED) {
            throw refuse(ReachabilityFailure.TLS_REVOKED, "The certificate is revoked");
        }
    }

    /**
     * The roots refused the chain; say why from the chain itself. An extra, stale certificate the server
     * sends along does not make a chain expired as long as the roots accept it (the leaf was checked
     * already), but once they refuse, an out-of-date member is the likeliest reason.
     */
    private ReachabilityFailure explainDistrust(X509Certificate[] chain) {
        for (X509Certificate certificate : chain) {
            if (!validNow(certificate)) {
                return ReachabilityFailure.TLS_EXPIRED;
            }
        }
        X509Certificate leaf = chain[0];
        if (chain.length == 1 && leaf.getSubjectX500Principal().equals(leaf.getIssuerX500Principal())) {
            return ReachabilityFailure.TLS_SELF_SIGNED;
        }
        // Anchored yet refused: a weak algorithm, a wrong key usage... some other TLS failure.
        return anchored(chain) ? ReachabilityFailure.TLS_HANDSHAKE : ReachabilityFailure.TLS_UNTRUSTED_ISSUER;
    }

    /** Whether some certificate of the chain is a trusted root or is signed by one. */
    private boolean anchored(X509Certificate[] chain) {
        for (X509Certificate root : roots.getAcceptedIssuers()) {
            for (X509Certificate certificate : chain) {
                if (certificate.equals(root) || signedBy(certificate, root)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean signedBy(X509Certificate certificate, X509Certificate root) {
        if (!certificate.getIssuerX500Principal().equals(root.getSubjectX500Principal())) {
            return false;
        }
        try {
            certificate.verify(root.getPublicKey());
            return true;
        } catch (GeneralSecurityException notThisRoot) {
            return false;
        }
    }

    private boolean validNow(X509Certificate certificate) {
        try {
            certificate.checkValidity(Date.from(clock.instant()));
            return true;
        } catch (CertificateException outOfDate) {
            return false;
        }
    }

    /** Our own checks passed; whatever the JDK's still refuses is "some other TLS failure". */
    private void jdkCheck(CertificateCheck check) throws CertificateException {
        try {
            check.run();
        } catch (CertificateException refused) {
            throw refuse(ReachabilityFailure.TLS_HANDSHAKE, "Refused by the platform's checks");
        }
    }

    private CertificateException refuse(ReachabilityFailure reason, String message) {
        failure = reason;
        return new CertificateException(message + " (" + reason + ")");
    }

    @FunctionalInterface
    private interface CertificateCheck {
        void run() throws CertificateException;
    }
}
