package org.supporthub.activation.application.internal;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.supporthub.activation.domain.model.ActivationCheck;
import org.supporthub.activation.domain.model.ActivationSubject;
import org.supporthub.activation.domain.model.CheckArea;
import org.supporthub.activation.domain.model.CheckResult;
import org.supporthub.activation.domain.model.address.AddressPolicy;
import org.supporthub.activation.domain.model.address.AddressVerdict;

import java.time.Duration;
import java.util.List;

/**
 * {@code INVALID_PUBLIC_ADDRESS} and {@code PUBLIC_ADDRESS_IS_LOCAL}: the "Public site address" must be an
 * existing {@code https://} address that the internet can reach, so not a private or local one.
 */
@ApplicationScoped
public class PublicAddressCheck implements ActivationCheck {

    @Inject
    AddressPolicy policy;

    public PublicAddressCheck() {
    }

    PublicAddressCheck(AddressPolicy policy) {
        this.policy = policy;
    }

    @Override
    public CheckArea area() {
        return CheckArea.PUBLIC_ADDRESS;
    }

    @Override
    public CheckResult run(ActivationSubject subject) {
        long start = System.nanoTime();
        AddressVerdict verdict = policy.check(subject.portal().publicAddress().value());
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        // The explanation quotes the reason (e.g. LOOPBACK, PRIVATE), so the administrator sees why.
        return verdict.isOk() ? CheckResult.pass(area(), took)
                : CheckResult.fail(area(), verdict.code(), verdict.detail(), took,
                List.of(verdict.detail() == null ? "" : verdict.detail()));
    }

    /** A name that does not resolve in time cannot be shown to exist. */
    @Override
    public CheckResult timedOut(Duration after) {
        return CheckResult.fail(area(), AddressVerdict.Verdict.INVALID_PUBLIC_ADDRESS.name(), "DNS_TIMEOUT", after);
    }
}
