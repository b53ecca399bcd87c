package org.supporthub.web.infrastructure.limits;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.logging.Logger;

/**
 * Every rate limit and connection ceiling of the hub's public doors, read from the configuration once
 * (defaults and the variables that change them: README and docs/security.md). Counters are per hub
 * instance: behind a load balancer with N instances a client gets at most N times each figure.
 */
@ApplicationScoped
public class AbuseLimits {

    private static final Logger LOG = Logger.getLogger(AbuseLimits.class.getName());
    /** Keys each limiter tracks at most (addresses, users, sockets); quiet keys are dropped first. */
    static final int MAX_KEYS = 200_000;

    @Inject
    @ConfigProperty(name = "support.hub.limits.registrations-per-address", defaultValue = "10/h")
    String registrationsPerAddress;

    @Inject
    @ConfigProperty(name = "support.hub.limits.widget-messages-per-socket", defaultValue = "5/s,burst=20")
    String widgetMessagesPerSocket;

    @Inject
    @ConfigProperty(name = "support.hub.limits.widget-messages-per-user", defaultValue = "10/s,burst=40")
    String widgetMessagesPerUser;

    @Inject
    @ConfigProperty(name = "support.hub.limits.widget-commands-per-socket", defaultValue = "1/s,burst=5")
    String widgetCommandsPerSocket;

    @Inject
    @ConfigProperty(name = "support.hub.limits.widget-typing-per-socket", defaultValue = "2/s,burst=5")
    String widgetTypingPerSocket;

    @Inject
    @ConfigProperty(name = "support.hub.limits.console-frames-per-operator", defaultValue = "20/s,burst=60")
    String consoleFramesPerOperator;

    @Inject
    @ConfigProperty(name = "support.hub.limits.sockets-per-user", defaultValue = "10")
    int socketsPerUser;

    @Inject
    @ConfigProperty(name = "support.hub.limits.sockets-per-address", defaultValue = "1000")
    int socketsPerAddress;

    private KeyedRateLimiter registrations;
    private KeyedRateLimiter messagesPerSocket;
    private KeyedRateLimiter messagesPerUser;
    private KeyedRateLimiter commandsPerSocket;
    private KeyedRateLimiter typingPerSocket;
    private KeyedRateLimiter consoleFrames;
    private ConnectionQuota userSockets;
    private ConnectionQuota addressSockets;

    @PostConstruct
    void init() {
        registrations = RateSpec.parse(registrationsPerAddress).limiter("registrations-per-address", MAX_KEYS);
        messagesPerSocket = RateSpec.parse(widgetMessagesPerSocket).limiter("widget-messages-per-socket", MAX_KEYS);
        messagesPerUser = RateSpec.parse(widgetMessagesPerUser).limiter("widget-messages-per-user", MAX_KEYS);
        commandsPerSocket = RateSpec.parse(widgetCommandsPerSocket).limiter("widget-commands-per-socket", MAX_KEYS);
        typingPerSocket = RateSpec.parse(widgetTypingPerSocket).limiter("widget-typing-per-socket", MAX_KEYS);
        consoleFrames = RateSpec.parse(consoleFramesPerOperator).limiter("console-frames-per-operator", MAX_KEYS);
        userSockets = new ConnectionQuota("sockets-per-user", socketsPerUser);
        addressSockets = new ConnectionQuota("sockets-per-address", socketsPerAddress);
        LOG.info(() -> "Abuse limits: registrations " + registrationsPerAddress + " per address; widget messages "
                + widgetMessagesPerSocket + " per socket, " + widgetMessagesPerUser + " per user; commands "
                + widgetCommandsPerSocket + "; typing " + widgetTypingPerSocket + "; console frames "
                + consoleFramesPerOperator + " per operator; at most " + socketsPerUser + " sockets per user and "
                + socketsPerAddress + " per client address");
    }

    public KeyedRateLimiter registrations() {
        return registrations;
    }

    public KeyedRateLimiter widgetMessagesPerSocket() {
        return messagesPerSocket;
    }

    public KeyedRateLimiter widgetMessagesPerUser() {
        return messagesPerUser;
    }

    public KeyedRateLimiter widgetCommandsPerSocket() {
        return commandsPerSocket;
    }

    public KeyedRateLimiter widgetTypingPerSocket() {
        return typingPerSocket;
    }

    public KeyedRateLimiter consoleFramesPerOperator() {
        return consoleFrames;
    }

    public ConnectionQuota socketsPerUser() {
        return userSockets;
    }

    public ConnectionQuota socketsPerAddress() {
        return addressSockets;
    }
}
