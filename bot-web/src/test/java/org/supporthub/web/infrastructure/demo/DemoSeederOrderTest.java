package org.supporthub.web.infrastructure.demo;

import jakarta.ejb.DependsOn;
import org.junit.jupiter.api.Test;
import org.supporthub.web.infrastructure.security.ManagerBootstrap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The demo seeds a manager account, and the bootstrap manager is created only while the hub has no manager:
 * the seeder must start after the bootstrap, or a development hub started with
 * {@code SUPPORT_HUB_BOOTSTRAP_MANAGER} would, depending on the start-up order, never get that manager.
 */
class DemoSeederOrderTest {

    @Test
    void the_demo_is_seeded_after_the_bootstrap_manager_is_created() {
        DependsOn after = DemoSeeder.class.getAnnotation(DependsOn.class);
        assertThat(after).isNotNull();
        assertThat(after.value()).contains(ManagerBootstrap.class.getSimpleName(), "SchemaMigration");
    }
}
