package org.supporthub.web.infrastructure.persistence;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Brings the schema up to date before anything else touches the database. Flyway's own lock table
 * keeps two hub instances starting together from migrating twice. First of all it makes commits durable
 * ({@link CommitDurability}): the hub acknowledges only what is committed, so a commit must survive a crash.
 */
@Singleton
@Startup
@TransactionManagement(TransactionManagementType.BEAN)
public class SchemaMigration {

    private static final Logger LOG = Logger.getLogger(SchemaMigration.class.getName());

    @Resource(lookup = HubDataSource.JNDI_NAME)
    DataSource dataSource;

    /** The URL as the operator wrote it: H2 reports its own without the settings. */
    @Inject
    @ConfigProperty(name = "support.hub.db.url")
    String databaseUrl;

    @PostConstruct
    void migrate() {
        ensureDurableCommits();
        MigrateResult result = Flyway.configure(SchemaMigration.class.getClassLoader())
                .dataSource(dataSource)
                .locations("classpath:db/migration")
                .load()
                .migrate();
        LOG.info(() -> "Database schema at version " + result.targetSchemaVersion + " ("
                + result.migrationsExecuted + " migrations applied now)");
    }

    private void ensureDurableCommits() {
        CommitDurability.Outcome outcome;
        try (Connection c = dataSource.getConnection()) {
            outcome = CommitDurability.ensure(c, databaseUrl);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot check the database's commit durability", e);
        }
        LOG.info(() -> "Commit durability: " + outcome.promise());
        for (String warning : outcome.warnings()) {
            LOG.log(Level.SEVERE, "\n*** ACKNOWLEDGED MESSAGES ARE NOT DURABLE ***\n{0}\n", warning);
        }
    }
}
