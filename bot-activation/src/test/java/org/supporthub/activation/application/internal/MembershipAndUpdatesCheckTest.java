package org.supporthub.activation.application.internal;

import org.junit.jupiter.api.Test;
import org.supporthub.activation.domain.model.ActivationSubject;
import org.supporthub.activation.domain.model.CheckArea;
import org.supporthub.activation.domain.model.CheckResult;
import org.supporthub.core.domain.model.user.PortalUser;

import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.supporthub.activation.application.internal.ActivationFixtures.portal;

class MembershipAndUpdatesCheckTest {

    private static ActivationSubject asking(List<String> groups) {
        return new ActivationSubject(portal(true), new PortalUser("p-1", "u-1", "Anna", true, groups, Optional.empty()));
    }

    @Test
    void an_administrator_outside_employees_cannot_receive_supports_replies() {
        CheckResult r = new MembershipCheck().run(asking(List.of("Administrators")));
        assertThat(r.passed()).isFalse();
        assertThat(r.code()).isEqualTo("CONTACTS_ONLY_NOT_DELIVERED");
        assertThat(r.area()).isEqualTo(CheckArea.MEMBERSHIP);
    }

    @Test
    void employees_by_either_name_of_the_group_pass() {
        assertThat(new MembershipCheck().run(asking(List.of("Employees"))).passed()).isTrue();
        assertThat(new MembershipCheck().run(asking(List.of("Pracownicy"))).passed()).isTrue();
    }

    @Test
    void an_older_version_than_the_latest_stable_must_update_and_both_versions_are_named() {
        // The fixture portal reports 24.100.0.
        CheckResult r = new UpdatesCheck("24.101").run(asking(List.of("Employees")));
        assertThat(r.passed()).isFalse();
        assertThat(r.code()).isEqualTo("UPDATES_REQUIRED");
        assertThat(r.args()).containsExactly("24.100.0", "24.101");
    }

    @Test
    void the_latest_stable_version_or_newer_passes() {
        assertThat(new UpdatesCheck("24.100.0").run(asking(List.of())).passed()).isTrue();
        assertThat(new UpdatesCheck("24.99.9").run(asking(List.of())).passed()).isTrue();
    }
}
