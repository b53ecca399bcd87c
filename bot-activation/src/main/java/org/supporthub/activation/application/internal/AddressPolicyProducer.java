package org.supporthub.activation.application.internal;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.supporthub.activation.domain.model.address.AddressPolicy;
import org.supporthub.activation.domain.model.address.AllowedPorts;
import org.supporthub.activation.domain.model.address.HubPublicAddresses;
import org.supporthub.activation.domain.model.address.SystemHostResolver;
import org.supporthub.activation.infrastructure.dns.BoundedHostResolver;
import org.supporthub.core.application.HubSettings;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Logger;
import java.util.stream.Collectors;

/**
 * The hub's address policy. Strict unless the hub runs in development mode, where loopback fixtures
 * (the demo portal, test servers) are allowed: by default the loopback ranges, or exactly the ranges
 * listed in {@code SUPPORT_HUB_ACTIVATION_ALLOWED_LOCAL_RANGES}. A production hub with that setting refuses
 * to start, so the relaxation cannot be switched on by accident.
 *
 * <p>Ports: 443 only, unless {@code SUPPORT_HUB_ACTIVATION_ALLOWED_PORTS} lists more (logged as a warning at
 * start-up, in either mode). Development mode without that setting allows 443 and the demo portal's port
 * ({@code support.hub.demo.portal-port}, 8181), loudly, so that the demo activates as the README says.
 *
 * <p>The hub's own public addresses ({@code SUPPORT_HUB_PUBLIC_ADDRESSES}) are refused as portal addresses.
 * The settings are read when the application starts: a malformed one stops the deployment.
 */
@ApplicationScoped
public class AddressPolicyProducer {

    private static final Logger LOG = Logger.getLogger(AddressPolicyProducer.class.getName());
    static final Set<String> DEVELOPMENT_DEFAULT = Set.of("127.0.0.0/8", "::1/128");

    @Inject
    HubSettings settings;

    @Inject
    @ConfigProperty(name = "support.hub.activation.allowed-local-ranges")
    Optional<String> allowedLocalRanges;

    @Inject
    @ConfigProperty(name = "support.hub.activation.allowed-ports")
    Optional<String> allowedPorts;

    @Inject
    @ConfigProperty(name = "support.hub.demo.portal-port", defaultValue = "8181")
    int demoPortalPort;

    @Inject
    @ConfigProperty(name = "support.hub.public-addresses")
    Optional<String> publicAddresses;

    @Inject
    ActivationLimits limits;

    @Resource
    ManagedThreadFactory threads;

    private AddressPolicy policy;
    private BoundedHostResolver resolver;

    /** Builds the policy as the application starts, so that a bad setting fails the start, not an activation. */
    void atStartup(@Observes @Initialized(ApplicationScoped.class) Object started) {
        policy();
    }

    @Produces
    public synchronized AddressPolicy policy() {
        if (policy == null) {
            // The settings first: a malformed one stops the start before any thread is made.
            HubPublicAddresses hub = hubPublicAddresses();
            Set<String> local = allowList();
            AllowedPorts ports = ports();
            // Name lookups wait at most the lookup timeout, on threads of their own: the JDK's own lookup
            // has no time limit.
            resolver = new BoundedHostResolver(new SystemHostResolver(), limits.dnsTimeout(), limits.dnsLookups(),
                    threads);
            policy = new AddressPolicy(resolver, AddressPolicy.localInterfaceAddresses(), hub, local, ports);
        }
        return policy;
    }

    @PreDestroy
    void stop() {
        if (resolver != null) {
            resolver.close();
        }
    }

    Set<String> allowList() {
        Set<String> configured = allowedLocalRanges.filter(s -> !s.isBlank())
                .map(s -> Arrays.stream(s.split(",")).map(String::trim).filter(r -> !r.isEmpty())
                        .collect(Collectors.toCollection(LinkedHashSet::new)))
                .orElse(null);
        if (!settings.development()) {
            if (configured != null) {
                throw new IllegalStateException("SUPPORT_HUB_ACTIVATION_ALLOWED_LOCAL_RANGES is for development only; "
                        + "a production hub never lets activation reach local addresses");
            }
            return Set.of();
        }
        Set<String> ranges = configured != null ? configured : DEVELOPMENT_DEFAULT;
        LOG.warning("RELAXED (development mode): activation accepts portal addresses in " + ranges
                + ", which production refuses as local.");
        return ranges;
    }

    AllowedPorts ports() {
        Optional<String> configured = allowedPorts.filter(s -> !s.isBlank());
        AllowedPorts ports;
        try {
            ports = configured.map(AllowedPorts::parse)
                    .orElseGet(() -> settings.development() ? AllowedPorts.parse("443," + demoPortalPort)
                            : AllowedPorts.HTTPS_ONLY);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("SUPPORT_HUB_ACTIVATION_ALLOWED_PORTS is not a list of ports: "
                    + e.getMessage(), e);
        }
        if (!ports.httpsOnly()) {
            LOG.warning((settings.development() ? "RELAXED (development mode): " : "RELAXED: ")
                    + "activation connects to portals on the ports " + ports + ", not only 443"
                    + (configured.isPresent() ? " (SUPPORT_HUB_ACTIVATION_ALLOWED_PORTS)."
                    : " (443 and the demo portal's port; set SUPPORT_HUB_ACTIVATION_ALLOWED_PORTS to change)."));
        }
        return ports;
    }

    HubPublicAddresses hubPublicAddresses() {
        try {
            HubPublicAddresses hub = HubPublicAddresses.parse(publicAddresses.orElse(null));
            if (hub.equals(HubPublicAddresses.NONE) && !settings.development()) {
                LOG.warning("SUPPORT_HUB_PUBLIC_ADDRESSES is not set: activation refuses the hub's own interface "
                        + "addresses only. Behind a load balancer or NAT, list the hub's public names and addresses.");
            }
            return hub;
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("SUPPORT_HUB_PUBLIC_ADDRESSES: " + e.getMessage(), e);
        }
    }
}
