package org.supporthub.activation.application.internal;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.supporthub.activation.domain.model.ActivationCheck;
import org.supporthub.activation.domain.model.ActivationSubject;
import org.supporthub.activation.domain.model.CheckArea;
import org.supporthub.activation.domain.model.CheckResult;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * {@code NETWORK_ERROR} / {@code PORTAL_CANNOT_REACH_HUB}: availability is checked "from both sides". The
 * portal's side is proved by its server's heartbeat (authenticated with the portal secret) arriving within
 * the configured window; without one, support's replies could not reach the portal either.
 */
@ApplicationScoped
public class HeartbeatCheck implements ActivationCheck {

    public static final String CODE = "NETWORK_ERROR";
    public static final String DETAIL = "PORTAL_CANNOT_REACH_HUB";

    @Inject
    @ConfigProperty(name = "support.hub.activation.heartbeat-window-seconds", defaultValue = "600")
    long windowSeconds;

    @Inject
    Clock clock;

    public HeartbeatCheck() {
    }

    HeartbeatCheck(long windowSeconds, Clock clock) {
        this.windowSeconds = windowSeconds;
        this.clock = clock;
    }

    @Override
    public CheckArea area() {
        return CheckArea.PORTAL_REACHES_HUB;
    }

    @Override
    public CheckResult run(ActivationSubject subject) {
        Instant oldestAccepted = clock.instant().minusSeconds(windowSeconds);
        return CheckResult.timed(area(), CODE, () -> subject.portal().lastHeartbeatAt()
                .map(at -> !at.isBefore(oldestAccepted)).orElse(false))
                .withDetail(DETAIL);
    }

    /** Reading the last heartbeat does not wait on the network: a timeout is the hub's own trouble. */
    @Override
    public CheckResult timedOut(Duration after) {
        return CheckResult.fail(area(), "CHECK_FAILED", "TIMEOUT", after);
    }
}
