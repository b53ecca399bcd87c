package org.supporthub.web.infrastructure.persistence;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import org.supporthub.core.application.PortalRegistryService;

/**
 * Seals again, bound to their portal, the portal secrets that an older hub sealed without the portal's id
 * as associated data, once the schema is current and before the hub serves anything.
 *
 * <p>At start-up rather than on first use: a legacy value is bound to nothing, so as long as any path
 * accepts it, one copied into another portal's row would open there. Upgrading every row at once lets the
 * hub refuse the legacy form everywhere else from its first request on, and leaves no unbound value behind
 * for portals that stay quiet for months. (Each legacy value is also checked against its row's secret hash
 * before it is sealed again, so a value already copied across rows is not bound to the wrong portal.) All
 * instances on one database must run this version: an older one cannot open the new form.
 */
@Singleton
@Startup
@DependsOn("SchemaMigration")
public class SealedSecretsUpgrade {

    @Inject
    PortalRegistryService portals;

    @PostConstruct
    void upgrade() {
        portals.resealLegacySecrets();
    }
}
