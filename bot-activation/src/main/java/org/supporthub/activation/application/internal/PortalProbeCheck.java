package org.supporthub.activation.application.internal;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.supporthub.activation.domain.model.ActivationCheck;
import org.supporthub.activation.domain.model.ActivationSubject;
import org.supporthub.activation.domain.model.CheckArea;
import org.supporthub.activation.domain.model.CheckResult;
import org.supporthub.activation.domain.model.address.AddressPolicy;
import org.supporthub.activation.domain.model.address.AddressVerdict;
import org.supporthub.activation.domain.model.reachability.ProbeResult;
import org.supporthub.core.application.PortalRegistryService;

import java.time.Duration;
import java.util.Arrays;

/**
 * {@code NETWORK_ERROR} with a detail code: the hub must reach the portal at its public address, over
 * HTTPS with a certificate a browser would accept, and the portal must answer the address challenge with
 * a proof from its own secret, so an address that belongs to someone else fails.
 */
@ApplicationScoped
public class PortalProbeCheck implements ActivationCheck {

    public static final String CODE = "NETWORK_ERROR";
    /** The address itself was refused (see the public-address check), so nothing was contacted. */
    public static final String ADDRESS_REFUSED = "ADDRESS_REFUSED";

    @Inject
    AddressPolicy policy;

    /**
     * Asked on every run, never injected once: on a fresh data folder in development mode the demo portal
     * writes its root a moment after start-up, and a probe taken before that would distrust it for good.
     */
    @Inject
    PortalProbeProducer probes;

    @Inject
    PortalRegistryService portals;

    @Override
    public CheckArea area() {
        return CheckArea.HUB_REACHES_PORTAL;
    }

    @Override
    public CheckResult run(ActivationSubject subject) {
        long start = System.nanoTime();
        // The same policy as the address check, and the connection goes only to the addresses it validated.
        AddressVerdict verdict = policy.check(subject.portal().publicAddress().value());
        if (!verdict.isOk()) {
            return CheckResult.fail(area(), CODE, ADDRESS_REFUSED, Duration.ofNanos(System.nanoTime() - start));
        }
        byte[] key = portals.challengeKey(subject.portal());
        try {
            ProbeResult result = probes.probe().challenge(verdict, key);
            Duration took = Duration.ofNanos(System.nanoTime() - start);
            return result.ok() ? CheckResult.pass(area(), took)
                    : CheckResult.fail(area(), CODE, result.failure().name(), took);
        } finally {
            Arrays.fill(key, (byte) 0);
        }
    }
}
