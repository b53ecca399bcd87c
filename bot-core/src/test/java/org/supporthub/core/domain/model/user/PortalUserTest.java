package org.supporthub.core.domain.model.user;

import org.junit.jupiter.api.Test;
import org.supporthub.core.domain.model.portal.SupportLocale;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

class PortalUserTest {

    private static PortalUser withGroups(List<String> groups) {
        return new PortalUser("p-1", "u-1", "Anna", true, groups, Optional.empty());
    }

    @Test
    void is_an_employee_when_in_the_employees_group_in_any_case() {
        assertThat(withGroups(List.of("Admins", "Employees")).isEmployee()).isTrue();
        assertThat(withGroups(List.of("EMPLOYEES")).isEmployee()).isTrue();
        assertThat(withGroups(List.of("employees")).isEmployee()).isTrue();
    }

    @Test
    void is_not_an_employee_otherwise() {
        assertThat(withGroups(List.of()).isEmployee()).isFalse();
        assertThat(withGroups(List.of("Employees-former", "Admins")).isEmployee()).isFalse();
    }

    @Test
    void copies_the_groups() {
        List<String> groups = new ArrayList<>(List.of("Admins"));
        PortalUser user = withGroups(groups);

        groups.add("Employees");

        assertThat(user.groups()).containsExactly("Admins");
        assertThat(user.isEmployee()).isFalse();
    }

    @Test
    void refuses_missing_identity() {
        assertThatNullPointerException().isThrownBy(
                () -> new PortalUser(null, "u", "n", false, List.of(), Optional.of(SupportLocale.EN)));
        assertThatNullPointerException().isThrownBy(
                () -> new PortalUser("p", null, "n", false, List.of(), Optional.empty()));
        assertThatNullPointerException().isThrownBy(
                () -> new PortalUser("p", "u", null, false, List.of(), Optional.empty()));
        assertThatNullPointerException().isThrownBy(
                () -> new PortalUser("p", "u", "n", false, List.of(), null));
    }
}
