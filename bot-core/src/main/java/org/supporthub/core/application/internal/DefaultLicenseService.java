package org.supporthub.core.application.internal;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.supporthub.core.application.LicenseService;
import org.supporthub.core.domain.model.license.IssuedLicense;
import org.supporthub.core.domain.model.license.IssuedLicenseRepository;
import org.supporthub.core.domain.model.license.License;
import org.supporthub.core.domain.model.license.LicenseIssuer;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

@ApplicationScoped
public class DefaultLicenseService implements LicenseService {

    /** Largest page of the register one call returns. */
    public static final int MAX_PAGE = 200;

    @Inject
    IssuedLicenseRepository register;

    @Inject
    Clock clock;

    /** The vendor's signing key as this hub holds it, if it does (infrastructure's {@code VendorKeys}). */
    @Inject
    org.supporthub.core.infrastructure.license.VendorKeys keys;

    /** Set by tests instead of {@link #keys}. */
    Supplier<Optional<LicenseIssuer>> issuer;

    @Override
    @Transactional
    public IssuedLicense issue(String issuedBy, License license) {
        LicenseIssuer signer = issuer().orElseThrow(NoSigningKeyException::new);
        IssuedLicense issued = new IssuedLicense(UUID.randomUUID().toString(), license, signer.issue(license), issuedBy,
                clock.instant());
        register.store(issued);
        return issued;
    }

    @Override
    @Transactional
    public List<IssuedLicense> issued(String search, int offset, int limit) {
        return register.newest(search, Math.max(0, offset), Math.min(MAX_PAGE, Math.max(1, limit)));
    }

    @Override
    @Transactional
    public long countIssued(String search) {
        return register.count(search);
    }

    private Optional<LicenseIssuer> issuer() {
        return issuer != null ? issuer.get() : keys.issuer();
    }
}
