package org.supporthub.core.domain.model.staff;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Which changes withdraw an account's console logins (move its token version on), and which do not. */
class StaffAccountTest {

    private static StaffAccount operator() {
        return new StaffAccount("id-1", "olga", "Olga", "hash", Set.of(StaffRole.OPERATOR),
                Set.of(StaffLanguage.PL, StaffLanguage.EN), Instant.EPOCH);
    }

    @Test
    void aNewAccountIsEnabledAndMayUseTheConsoleWithTheOperatorRole() {
        StaffAccount a = operator();
        assertThat(a.isEnabled()).isTrue();
        assertThat(a.mayUseConsole()).isTrue();
        assertThat(a.languages()).containsExactlyInAnyOrder(StaffLanguage.PL, StaffLanguage.EN);
        assertThat(a.tokenVersion()).isZero();
    }

    @Test
    void disablingWithdrawsTheLoginsAndEnablingDoesNotBringThemBack() {
        StaffAccount a = operator();
        a.disable();
        assertThat(a.mayUseConsole()).isFalse();
        assertThat(a.tokenVersion()).isEqualTo(1);
        a.disable();
        assertThat(a.tokenVersion()).as("disabling twice is one change").isEqualTo(1);
        a.enable();
        assertThat(a.mayUseConsole()).isTrue();
        assertThat(a.tokenVersion()).as("old tokens stay refused").isEqualTo(1);
    }

    @Test
    void removingTheOperatorRoleWithdrawsTheLoginsAddingManagerDoesNot() {
        StaffAccount a = operator();
        assertThat(a.changeRoles(Set.of(StaffRole.OPERATOR, StaffRole.MANAGER))).isFalse();
        assertThat(a.tokenVersion()).isZero();
        assertThat(a.changeRoles(Set.of(StaffRole.MANAGER))).isTrue();
        assertThat(a.tokenVersion()).isEqualTo(1);
        assertThat(a.mayUseConsole()).isFalse();
    }

    @Test
    void aResetPasswordWithdrawsTheLoginsAnUpgradedHashDoesNot() {
        StaffAccount a = operator();
        a.rehash("stronger");
        assertThat(a.tokenVersion()).isZero();
        assertThat(a.passwordHash()).isEqualTo("stronger");
        a.resetPassword("new");
        assertThat(a.tokenVersion()).isEqualTo(1);
        a.revokeTokens();
        assertThat(a.tokenVersion()).isEqualTo(2);
    }

    @Test
    void anAccountKeepsAtLeastOneRole() {
        assertThatThrownBy(() -> operator().changeRoles(Set.of())).isInstanceOf(IllegalArgumentException.class);
    }
}
