package org.supporthub.activation.application.internal;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.supporthub.activation.domain.model.ActivationCheck;
import org.supporthub.activation.domain.model.ActivationSubject;
import org.supporthub.activation.domain.model.CheckArea;
import org.supporthub.activation.domain.model.CheckResult;
import org.supporthub.core.domain.model.license.LicenseCheck;
import org.supporthub.core.infrastructure.license.VendorKeys;

import java.time.Duration;

/**
 * {@code LICENSE_INVALID}, {@code LICENSE_EXPIRED}, {@code LICENSE_DEMO}: "a commercial licence (not a demo)
 * for the on-premise edition must be active". The portal's key is verified offline with the vendor's
 * public key: signature, the portal's domain, expiry, edition.
 */
@ApplicationScoped
public class ValidLicenseCheck implements ActivationCheck {

    @Inject
    VendorKeys keys;

    @Override
    public CheckArea area() {
        return CheckArea.LICENSE;
    }

    @Override
    public CheckResult run(ActivationSubject subject) {
        long start = System.nanoTime();
        if (keys.verifier().isEmpty()) {
            return CheckResult.fail(area(), LicenseCheck.Status.INVALID.code(), "NO_VENDOR_KEY",
                    Duration.ofNanos(System.nanoTime() - start));
        }
        LicenseCheck check = keys.verifier().get().verify(subject.portal().licenseKey(),
                subject.portal().publicAddress().host());
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        return check.isValid() ? CheckResult.pass(area(), took) : CheckResult.fail(area(), check.code(), null, took);
    }

    /** Verifying a signature does not wait on anything: a timeout here is the hub's own trouble. */
    @Override
    public CheckResult timedOut(Duration after) {
        return CheckResult.fail(area(), "CHECK_FAILED", "TIMEOUT", after);
    }
}
