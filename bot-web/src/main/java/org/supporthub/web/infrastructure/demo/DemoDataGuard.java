package org.supporthub.web.infrastructure.demo;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import org.supporthub.core.domain.model.staff.PasswordHashes;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.supporthub.core.application.HubSettings;
import org.supporthub.core.domain.model.portal.PortalRepository;
import org.supporthub.core.domain.model.staff.StaffAccount;
import org.supporthub.core.domain.model.staff.StaffAccountRepository;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * Keeps what development mode seeded from ever serving in production. The demo is built to be easy to
 * get into: a published password for its staff, a portal whose secret lies in the data folder, licences
 * signed by a key generated next to it. A hub that starts in production on such data (someone tried the
 * demo on the database or data folder they then used for real) refuses to start and says what it found
 * and what to do, instead of quietly serving a known password to the internet.
 *
 * <p>Refusing is the operator-friendly choice here: the fix (start on a fresh database and data folder,
 * or delete the named demo rows) takes a minute, while disabling the demo parts in place would leave a
 * production hub whose staff and channels silently differ from what its operator believes.
 */
@Singleton
@Startup
@DependsOn("SchemaMigration")
public class DemoDataGuard {

    private static final Logger LOG = Logger.getLogger(DemoDataGuard.class.getName());

    @Inject
    HubSettings settings;

    @Inject
    PortalRepository portals;

    @Inject
    StaffAccountRepository staff;

    @Inject
    PasswordHashes passwordHash;

    @Inject
    @ConfigProperty(name = "support.hub.license.public-key-file")
    Optional<String> publicKeyFile;

    @PostConstruct
    void check() {
        if (settings.development()) {
            return;
        }
        List<String> found = findings();
        if (!found.isEmpty()) {
            String message = """

                    ********************************************************************************
                    *  SUPPORT HUB REFUSES TO START IN PRODUCTION ON DEVELOPMENT-MODE DEMO DATA.   *
                    ********************************************************************************
                    Found:
                    """ + String.join("\n", found.stream().map(f -> "  - " + f).toList()) + """

                    Start production on a fresh database and data folder (SUPPORT_HUB_DB_URL,
                    SUPPORT_HUB_DATA_DIR), or remove what is listed above, then start again.""";
            LOG.severe(message);
            throw new IllegalStateException("Production refuses development-mode demo data: " + String.join("; ", found));
        }
    }

    /** Every trace of the demo that would weaken production, described for the operator. */
    List<String> findings() {
        List<String> found = new ArrayList<>();
        if (portals.find(DemoPortalServer.PORTAL_ID).isPresent()) {
            found.add("the demo portal " + DemoPortalServer.PORTAL_ID + " (its secret lies in the data folder)");
        }
        for (String username : List.of(DemoSeeder.DEMO_OPERATOR, DemoSeeder.DEMO_COLLEAGUE, DemoSeeder.DEMO_MANAGER)) {
            staff.findByUsername(username).filter(this::hasDemoPassword).ifPresent(a ->
                    found.add("the staff account '" + a.username() + "' with the published demo password"));
        }
        Path devPublicKey = settings.dataDir().resolve("vendor-public.key");
        publicKeyFile.filter(f -> !f.isBlank()).map(Path::of)
                .filter(configured -> sameContent(configured, devPublicKey))
                .ifPresent(p -> found.add("the licence public key " + p + " is the development key generated in "
                        + "the data folder: licences anyone with that folder signs would verify"));
        return found;
    }

    private boolean hasDemoPassword(StaffAccount account) {
        return passwordHash.verify(DemoSeeder.DEMO_OPERATOR_PASSWORD.toCharArray(), account.passwordHash());
    }

    private static boolean sameContent(Path a, Path b) {
        try {
            return Files.isRegularFile(a) && Files.isRegularFile(b)
                    && Files.readString(a).strip().equals(Files.readString(b).strip());
        } catch (IOException e) {
            return false;
        }
    }
}
