package org.supporthub.web.infrastructure.persistence;

import jakarta.annotation.sql.DataSourceDefinition;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;

/**
 * The hub's one data source. Payara resolves the {@code MPCONFIG} references from MicroProfile Config,
 * so the embedded H2 default (see {@code microprofile-config.properties}) is replaced by PostgreSQL with
 * environment variables alone.
 */
@DataSourceDefinition(
        name = HubDataSource.JNDI_NAME,
        className = "${MPCONFIG=support.hub.db.datasource-class}",
        url = "${MPCONFIG=support.hub.db.url}",
        user = "${MPCONFIG=support.hub.db.user}",
        password = "${MPCONFIG=support.hub.db.password}",
        minPoolSize = 2,
        maxPoolSize = 32)
@Singleton
@Startup
public class HubDataSource {

    public static final String JNDI_NAME = "java:app/jdbc/HubDS";
}
