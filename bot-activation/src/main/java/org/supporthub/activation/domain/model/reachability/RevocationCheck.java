package org.supporthub.activation.domain.model.reachability;

import java.security.cert.X509Certificate;

/**
 * Whether a portal's certificate, already trusted, has been revoked by its issuer. A seam: the check itself
 * asks the network (an OCSP responder), which is infrastructure's business, not this package's.
 *
 * <p>Soft-fail: only a definite "revoked" refuses a certificate. A responder that cannot be reached, that
 * answers "try later", or a certificate that names no responder, leave the decision to the trust check
 * alone, the way browsers behave; otherwise any responder outage would disconnect every portal of its CA.
 */
@FunctionalInterface
public interface RevocationCheck {

    /** What a revocation check found. */
    enum Status {
        /** The issuer's responder says the certificate is good. */
        GOOD,
        /** The issuer's responder says the certificate is revoked: the certificate is refused. */
        REVOKED,
        /** No answer (no responder named, network trouble, no time left): soft-fail, the certificate stands. */
        UNKNOWN
    }

    /** No revocation checking at all (tests of other things). */
    RevocationCheck NONE = chain -> Status.UNKNOWN;

    /**
     * @param chain the chain the server sent, leaf first, already accepted by the trusted roots
     * @return the leaf's revocation status; never throws for network trouble
     */
    Status check(X509Certificate[] chain);
}
