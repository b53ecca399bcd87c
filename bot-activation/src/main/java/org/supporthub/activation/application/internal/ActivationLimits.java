package org.supporthub.activation.application.internal;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Duration;
import java.util.logging.Logger;

/**
 * The limits of activation in one place, made consistent with each other.
 *
 * <p>Every wait of a run is bounded so that nothing outlives the run's deadline: a check looks the
 * portal's name up (at most {@link #dnsTimeout()}) and then probes it over HTTPS (at most
 * {@link #probeDeadline()}); the two together fit in {@link #deadline()}. A configuration that asks for
 * more is cut down to fit, with a warning.
 */
@ApplicationScoped
public class ActivationLimits {

    private static final Logger LOG = Logger.getLogger(ActivationLimits.class.getName());

    @Inject
    @ConfigProperty(name = "support.hub.activation.deadline-seconds", defaultValue = "20")
    long deadlineSeconds;

    @Inject
    @ConfigProperty(name = "support.hub.activation.dns-timeout-seconds", defaultValue = "5")
    long dnsTimeoutSeconds;

    @Inject
    @ConfigProperty(name = "support.hub.activation.probe-deadline-seconds", defaultValue = "10")
    long probeDeadlineSeconds;

    @Inject
    @ConfigProperty(name = "support.hub.activation.max-concurrent", defaultValue = "256")
    int maxConcurrent;

    @Inject
    @ConfigProperty(name = "support.hub.activation.dns-lookups", defaultValue = "32")
    int dnsLookups;

    @Inject
    @ConfigProperty(name = "support.hub.activation.repair-margin-seconds", defaultValue = "10")
    long repairMarginSeconds;

    private Fitted fitted;

    /** The deadline, name-lookup timeout and probe deadline after fitting the latter two into the first. */
    record Fitted(Duration deadline, Duration dnsTimeout, Duration probeDeadline) {

        static Fitted of(long deadlineSeconds, long dnsTimeoutSeconds, long probeDeadlineSeconds) {
            Duration deadline = Duration.ofSeconds(Math.max(1, deadlineSeconds));
            // A lookup gets at most half the deadline, the probe what is left after it.
            Duration dns = min(Duration.ofSeconds(Math.max(1, dnsTimeoutSeconds)), deadline.dividedBy(2));
            Duration probe = min(Duration.ofSeconds(Math.max(1, probeDeadlineSeconds)), deadline.minus(dns));
            return new Fitted(deadline, dns, probe);
        }

        private static Duration min(Duration a, Duration b) {
            return a.compareTo(b) <= 0 ? a : b;
        }
    }

    @PostConstruct
    void fit() {
        fitted = Fitted.of(deadlineSeconds, dnsTimeoutSeconds, probeDeadlineSeconds);
        if (fitted.dnsTimeout().toSeconds() != dnsTimeoutSeconds
                || fitted.probeDeadline().toSeconds() != probeDeadlineSeconds) {
            LOG.warning("Activation timeouts cut down to fit the activation deadline of " + fitted.deadline()
                    + ": name lookup " + fitted.dnsTimeout() + ", HTTPS probe " + fitted.probeDeadline());
        }
        if (maxConcurrent < 1 || dnsLookups < 1) {
            throw new IllegalStateException("SUPPORT_HUB_ACTIVATION_MAX_CONCURRENT and "
                    + "SUPPORT_HUB_ACTIVATION_DNS_LOOKUPS must be at least 1");
        }
    }

    /** One deadline for all checks of a run together. */
    public Duration deadline() {
        return fitted.deadline();
    }

    public Duration dnsTimeout() {
        return fitted.dnsTimeout();
    }

    public Duration probeDeadline() {
        return fitted.probeDeadline();
    }

    /** How many activations this hub instance runs at once; more are refused with ACTIVATION_BUSY. */
    public int maxConcurrent() {
        return maxConcurrent;
    }

    /** How many name lookups run at once (as many again may wait for a thread). */
    public int dnsLookups() {
        return dnsLookups;
    }

    /** How long after its deadline a run with no result counts as abandoned by a dead instance. */
    public Duration repairMargin() {
        return Duration.ofSeconds(Math.max(0, repairMarginSeconds));
    }
}
