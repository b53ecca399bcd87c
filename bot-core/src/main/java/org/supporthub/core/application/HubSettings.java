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

    public HubMode mode() {
        return HubMode.parse(mode.orElse(null));
    }

    public boolean development() {
        return mode() == HubMode.DEVELOPMENT;
    }

    /** Where the embedded database and generated local keys live. */
    public Path dataDir() {
        return Path.of(dataDir);
    }
}
