/**
 * Licences: the vendor's signed statement that a portal may use support. Support is only for portals
 * with an active, commercial licence.
 *
 * <p>The vendor signs licence keys with its Ed25519 private key ({@link
 * org.supporthub.core.domain.model.license.LicenseIssuer}, driven by the vendor-side {@link
 * org.supporthub.core.infrastructure.license.LicenseTool}); the hub holds only the matching public key and
 * checks keys offline ({@link org.supporthub.core.domain.model.license.LicenseVerifier}). The key format
 * is described in {@link org.supporthub.core.domain.model.license.LicenseKeyFormat}.
 */
package org.supporthub.core.domain.model.license;
