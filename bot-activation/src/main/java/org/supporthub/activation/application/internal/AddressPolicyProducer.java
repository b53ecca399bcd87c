package org.supporthub.activation.application.internal;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.supporthub.activation.domain.model.address.AddressPolicy;
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
    ActivationLimits limits;

    @Resource
    ManagedThreadFactory threads;

    private AddressPolicy policy;
    private BoundedHostResolver resolver;

    @Produces
    public synchronized AddressPolicy policy() {
        if (policy == null) {
            // Name lookups wait at most the lookup timeout, on threads of their own: the JDK's own lookup
            // has no time limit.
            resolver = new BoundedHostResolver(new SystemHostResolver(), limits.dnsTimeout(), limits.dnsLookups(),
                    threads);
            policy = new AddressPolicy(resolver, AddressPolicy.localInterfaceAddresses(), allowList());
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
}
