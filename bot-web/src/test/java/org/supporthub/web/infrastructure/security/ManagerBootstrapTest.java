package org.supporthub.web.infrastructure.security;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The bootstrap manager's password follows the same policy as every other account's. */
class ManagerBootstrapTest {

    @Test
    void refusesShortCommonAndUserNamePasswords() {
        assertThatThrownBy(() -> ManagerBootstrap.parse("boss:short")).hasMessageContaining("at least 12");
        assertThatThrownBy(() -> ManagerBootstrap.parse("boss:Password1234")).hasMessageContaining("most common");
        assertThatThrownBy(() -> ManagerBootstrap.parse("boss.manager.1:BOSS.MANAGER.1"))
                .hasMessageContaining("user name");
        assertThatThrownBy(() -> ManagerBootstrap.parse("no-colon")).hasMessageContaining("user:password");
    }

    @Test
    void acceptsAStrongOne() {
        assertThat(ManagerBootstrap.parse("boss:manager-secret-2026")).containsExactly("boss", "manager-secret-2026");
    }
}
