package org.supporthub.core.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.nio.file.Path;
import java.util.Optional;

/** The hub-wide settings every module may need (MicroProfile Config; environment variables win). */
@ApplicationScoped
public class HubSettings {

    @Inject
    @ConfigProperty(name = "support.hub.mode")
    Optional<String> mode;

    @Inject
    @ConfigProperty(name = "support.hub.data-dir", defaultValue = "./data")
    String dataDir;

    @Inject
    @ConfigProperty(name = "support.hub.portal-api.require-tls")
    Optional<Boolean> portalApiRequireTls;

    @Inject
    @ConfigProperty(name = "support.hub.require-tls")
    Optional<Boolean> requireTls;

    public HubMode mode() {
        return HubMode.parse(mode.orElse(null));
    }

    public boolean development() {
        return mode() == HubMode.DEVELOPMENT;
    }

    /**
     * Whether portal servers must call the portal API over TLS, since they send their secret with every
     * call. On in production unless switched off explicitly (for a TLS-terminating proxy in front of the
     * hub), off in development.
     */
    public boolean portalApiRequiresTls() {
        return credentialsRequireTls();
    }

    /**
     * Whether every door that takes credentials (portal API, staff API, console log-in, triage) refuses
     * plain HTTP. {@code support.hub.require-tls} decides; the older {@code support.hub.portal-api.require-tls}
     * is still read when the new one is not set. On in production, off in development.
     */
    public boolean credentialsRequireTls() {
        return requireTls.or(() -> portalApiRequireTls).orElse(!development());
    }

    /** Where the embedded database and generated local keys live. */
    public Path dataDir() {
        return Path.of(dataDir);
    }
}
