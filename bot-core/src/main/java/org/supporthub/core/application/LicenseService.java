package org.supporthub.core.application;

import org.supporthub.core.domain.model.license.IssuedLicense;
import org.supporthub.core.domain.model.license.License;

import java.util.List;

/**
 * Licence keys as the vendor's managers issue them from the hub: signed with the vendor's key this hub
 * holds, and kept in the register of issued licences, in one transaction (a key that was handed out is
 * always in the register).
 */
public interface LicenseService {

    /**
     * @param issuedBy the manager's user name
     * @throws NoSigningKeyException when this hub holds no vendor signing key
     */
    IssuedLicense issue(String issuedBy, License license);

    /** One page of the register, newest first; {@code search} matches licensee, domain or serial. */
    List<IssuedLicense> issued(String search, int offset, int limit);

    long countIssued(String search);

    /** This hub holds no vendor signing key (SUPPORT_HUB_LICENSE_SIGNING_KEY_FILE). */
    class NoSigningKeyException extends RuntimeException {
        public NoSigningKeyException() {
            super("No vendor signing key is configured (SUPPORT_HUB_LICENSE_SIGNING_KEY_FILE)");
        }
    }
}
