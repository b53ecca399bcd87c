package org.supporthub.web.interfaces.health;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;
import org.eclipse.microprofile.health.Readiness;
import org.supporthub.web.infrastructure.persistence.HubDataSource;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * Reports whether the hub's database answers. Nothing works without it, so it counts for readiness
 * (take the instance out of the load balancer) and liveness (restart it if it never comes back).
 */
public final class DatabaseHealth {

    private DatabaseHealth() {
    }

    static HealthCheckResponse check(String name, DataSource dataSource) {
        try (Connection c = dataSource.getConnection()) {
            boolean valid = c.isValid(2);
            return HealthCheckResponse.named(name).status(valid)
                    .withData("database", c.getMetaData().getDatabaseProductName()).build();
        } catch (SQLException e) {
            return HealthCheckResponse.named(name).down().withData("error", e.getClass().getSimpleName()).build();
        }
    }

    @Readiness
    @ApplicationScoped
    public static class Ready implements HealthCheck {
        @Resource(lookup = HubDataSource.JNDI_NAME)
        DataSource dataSource;

        @Override
        public HealthCheckResponse call() {
            return check("database", dataSource);
        }
    }

    @Liveness
    @ApplicationScoped
    public static class Live implements HealthCheck {
        @Resource(lookup = HubDataSource.JNDI_NAME)
        DataSource dataSource;

        @Override
        public HealthCheckResponse call() {
            return check("database", dataSource);
        }
    }
}
