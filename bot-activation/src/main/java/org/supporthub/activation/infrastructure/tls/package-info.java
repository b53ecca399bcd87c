/**
 * The TLS trust the hub applies to portals' sites: which roots (the JDK's own, read from its file) and
 * whether a trusted certificate has been revoked (OCSP, soft-fail). Network and file access live here;
 * the probe in {@code domain.model.reachability} sees only a trust manager and a {@code RevocationCheck}.
 */
package org.supporthub.activation.infrastructure.tls;
