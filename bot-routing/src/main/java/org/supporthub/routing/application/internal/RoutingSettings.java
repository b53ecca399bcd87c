package org.supporthub.routing.application.internal;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.supporthub.routing.domain.model.operator.OperatorAvailability;

import java.time.Duration;

/**
 * How long an operator's console may stay silent before they count as gone, and how long their sessions
 * wait for them after that ({@code support.hub.operator.silence-seconds}, {@code …grace-seconds}).
 */
@ApplicationScoped
public class RoutingSettings {

    @Inject
    @ConfigProperty(name = "support.hub.operator.silence-seconds", defaultValue = "60")
    long silenceSeconds;

    @Inject
    @ConfigProperty(name = "support.hub.operator.grace-seconds", defaultValue = "120")
    long graceSeconds;

    /** Dependent: the rule is an immutable record (not proxyable), cheap to hand to each bean. */
    @Produces
    @Dependent
    OperatorAvailability availability() {
        return new OperatorAvailability(Duration.ofSeconds(Math.max(1, silenceSeconds)),
                Duration.ofSeconds(Math.max(0, graceSeconds)));
    }
}
