package org.supporthub.activation.domain.model.reachability;

/**
 * Why a portal could not be reached, or did not prove the address is its own. The names are stable detail
 * codes: they are stored with activation reports and shown to portal administrators.
 */
public enum ReachabilityFailure {
    /** No validated address accepted a TCP connection (refused, no route, host unreachable). */
    CONNECT_REFUSED,
    /** A connect, the TLS handshake or the response took longer than allowed, or the overall deadline passed. */
    TIMEOUT,
    /** The certificate is self-signed and not among the trusted roots. */
    TLS_SELF_SIGNED,
    /** A certificate of the chain is expired or not yet valid. */
    TLS_EXPIRED,
    /** The certificate has no DNS/IP subjectAltName matching the host (a CN-only certificate included). */
    TLS_HOSTNAME_MISMATCH,
    /** The chain does not lead to a trusted root (unknown CA, missing intermediate). */
    TLS_UNTRUSTED_ISSUER,
    /** The certificate's issuer says, through its OCSP responder, that the certificate is revoked. */
    TLS_REVOKED,
    /** Any other TLS failure: no common protocol or cipher, not TLS at all, a rejected algorithm. */
    TLS_HANDSHAKE,
    /**
     * The portal answered, but not with a complete {@code 200}: the status is kept with the result (0 when
     * the answer was not HTTP, or broke off before a status line).
     */
    HTTP_STATUS,
    /** The portal answered the challenge, but not with the proof for the nonce sent. */
    CHALLENGE_MISMATCH,
    /** The portal answered with a redirect; redirects are never followed (they could lead anywhere). */
    REDIRECT_REFUSED,
    /** The response head or body is larger than the probe reads. */
    RESPONSE_TOO_LARGE
}
