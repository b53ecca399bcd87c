package org.supporthub.activation.application.internal;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.supporthub.activation.domain.model.ActivationCheck;
import org.supporthub.activation.domain.model.ActivationSubject;
import org.supporthub.activation.domain.model.CheckArea;
import org.supporthub.activation.domain.model.CheckResult;
import org.supporthub.routing.application.OpenChannelRegistry;
import org.supporthub.routing.application.OpenChannelRegistry.ServingChannel;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * {@code OPEN_CHANNEL_NOT_CONFIGURED} / {@code OPEN_CHANNEL_INVALID}: activation "requests the open-channel
 * settings". The channel that serves the portal (by its language, for the commercial edition) must exist
 * and be able to serve; an invalid one names each wrong field.
 */
@ApplicationScoped
public class OpenChannelCheck implements ActivationCheck {

    public static final String NOT_CONFIGURED = "OPEN_CHANNEL_NOT_CONFIGURED";
    public static final String INVALID = "OPEN_CHANNEL_INVALID";
    static final String EDITION = "commercial";

    @Inject
    OpenChannelRegistry registry;

    @Override
    public CheckArea area() {
        return CheckArea.OPEN_CHANNEL;
    }

    @Override
    public CheckResult run(ActivationSubject subject) {
        long start = System.nanoTime();
        Optional<ServingChannel> serving = registry.serving(subject.portal().locale().tag(), EDITION);
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        if (serving.isEmpty()) {
            return CheckResult.fail(area(), NOT_CONFIGURED, null, took);
        }
        List<String> invalid = serving.get().invalidFields();
        return invalid.isEmpty() ? CheckResult.pass(area(), took)
                : CheckResult.fail(area(), INVALID, String.join(",", invalid), took, List.of(String.join(", ", invalid)));
    }

    /** Reading the registry does not wait on the network: a timeout is the hub's own trouble. */
    @Override
    public CheckResult timedOut(Duration after) {
        return CheckResult.fail(area(), "CHECK_FAILED", "TIMEOUT", after);
    }
}
