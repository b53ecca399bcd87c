package org.supporthub.activation.infrastructure.tls;

import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.CertPath;
import java.security.cert.CertPathValidator;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertificateFactory;
import java.security.cert.PKIXParameters;
import java.security.cert.PKIXRevocationChecker;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeoutException;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.supporthub.activation.domain.model.reachability.RevocationCheck;

/**
 * Asks the OCSP responder that a portal's certificate names whether the certificate is revoked, through
 * the JDK's PKIX validator ({@link PKIXRevocationChecker}) with these options:
 * <ul>
 * <li>only the leaf is checked ({@code ONLY_END_ENTITY}): the leaf is what a portal's administrator
 * controls, and one network round trip fits the probe's deadline where one per chain member may not;</li>
 * <li>OCSP only ({@code NO_FALLBACK}): no CRL downloads, which can be megabytes;</li>
 * <li>soft-fail ({@code SOFT_FAIL}): an unreachable responder, or one answering {@code tryLater} or
 * {@code internalError}, does not fail the check; a {@code revoked} answer does.</li>
 * </ul>
 * A leaf without an OCSP responder in its Authority Information Access is not checked at all.
 *
 * <p>The JDK's OCSP client has its own, long timeouts (15 s by default, a JVM-wide setting the hub leaves
 * alone), so each check runs on a small pool of its own and is waited for at most {@code timeout}; a check
 * that takes longer counts as {@link Status#UNKNOWN} (soft-fail) and finishes in the background.
 */
public final class OcspRevocationCheck implements RevocationCheck {

    private static final Logger LOG = Logger.getLogger(OcspRevocationCheck.class.getName());
    /** id-pe-authorityInfoAccess; id-ad-ocsp inside it. */
    private static final String AIA = "1.3.6.1.5.5.7.1.1";
    /**
     * The DER encoding of id-ad-ocsp (1.3.6.1.5.5.7.48.1), tag and length included. An access method is
     * the only place an OID can stand in the extension; the locations next to it are IA5 text (URIs),
     * which cannot hold the byte 0x06 of an OID tag followed by these.
     */
    private static final byte[] ID_AD_OCSP = {0x06, 0x08, 0x2B, 0x06, 0x01, 0x05, 0x05, 0x07, 0x30, 0x01};
    /** Checks in flight at once; more wait in line, beyond that they are UNKNOWN at once. */
    private static final int THREADS = 4;
    private static final int QUEUE = 64;

    private final Set<java.security.cert.TrustAnchor> anchors;
    private final Duration timeout;
    private final ExecutorService pool;

    /**
     * @param roots   the same roots the trust check uses
     * @param timeout the longest wait for a responder's answer
     */
    public OcspRevocationCheck(KeyStore roots, Duration timeout) throws GeneralSecurityException {
        Objects.requireNonNull(roots, "roots");
        this.timeout = Objects.requireNonNull(timeout, "timeout");
        Set<java.security.cert.TrustAnchor> set = new HashSet<>();
        for (X509Certificate root : TrustAnchors.certificates(roots)) {
            set.add(new java.security.cert.TrustAnchor(root, null));
        }
        this.anchors = Set.copyOf(set);
        this.pool = new ThreadPoolExecutor(THREADS, THREADS, 30, TimeUnit.SECONDS, new LinkedBlockingQueue<>(QUEUE),
                task -> {
                    Thread thread = new Thread(task, "portal-ocsp");
                    thread.setDaemon(true);
                    return thread;
                });
        ((ThreadPoolExecutor) pool).allowCoreThreadTimeOut(true);
    }

    @Override
    public Status check(X509Certificate[] chain) {
        if (chain == null || chain.length == 0 || !namesOcspResponder(chain[0])) {
            return Status.UNKNOWN;
        }
        Future<Status> answer;
        try {
            answer = pool.submit(() -> validate(chain));
        } catch (RejectedExecutionException busy) {
            LOG.info("Revocation not checked (too many checks at once); soft-fail");
            return Status.UNKNOWN;
        }
        try {
            return answer.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException slow) {
            answer.cancel(true);
            LOG.info("Revocation not checked in time (OCSP responder too slow); soft-fail");
            return Status.UNKNOWN;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Status.UNKNOWN;
        } catch (ExecutionException e) {
            LOG.log(Level.INFO, "Revocation check failed; soft-fail", e.getCause());
            return Status.UNKNOWN;
        }
    }

    private Status validate(X509Certificate[] chain) throws GeneralSecurityException {
        CertPathValidator validator = CertPathValidator.getInstance("PKIX");
        PKIXRevocationChecker revocation = (PKIXRevocationChecker) validator.getRevocationChecker();
        revocation.setOptions(EnumSet.of(PKIXRevocationChecker.Option.ONLY_END_ENTITY,
                PKIXRevocationChecker.Option.NO_FALLBACK, PKIXRevocationChecker.Option.SOFT_FAIL));
        PKIXParameters parameters = new PKIXParameters(anchors);
        parameters.setRevocationEnabled(true);
        parameters.addCertPathChecker(revocation);
        try {
            validator.validate(path(chain), parameters);
        } catch (CertPathValidatorException e) {
            if (e.getReason() == CertPathValidatorException.BasicReason.REVOKED) {
                return Status.REVOKED;
            }
            // The trusted roots accepted this chain already; whatever else PKIX dislikes here (an
            // unordered chain, an extra certificate) is not a revocation, and not this check's to judge.
            LOG.log(Level.FINE, "Revocation status undetermined", e);
            return Status.UNKNOWN;
        }
        return revocation.getSoftFailExceptions().isEmpty() ? Status.GOOD : Status.UNKNOWN;
    }

    /** The chain as PKIX wants it: leaf first, without the trust anchor itself. */
    private CertPath path(X509Certificate[] chain) throws GeneralSecurityException {
        List<X509Certificate> members = new ArrayList<>();
        for (X509Certificate certificate : chain) {
            boolean anchor = anchors.stream().anyMatch(a -> a.getTrustedCert().equals(certificate));
            if (anchor) {
                break;
            }
            members.add(certificate);
        }
        return CertificateFactory.getInstance("X.509").generateCertPath(members);
    }

    /** Whether the certificate's Authority Information Access names an OCSP responder. */
    static boolean namesOcspResponder(X509Certificate certificate) {
        byte[] extension = certificate.getExtensionValue(AIA);
        return extension != null && contains(extension, ID_AD_OCSP);
    }

    private static boolean contains(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }
}
