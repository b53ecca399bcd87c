package org.supporthub.activation.application.internal;

import org.junit.jupiter.api.Test;
import org.supporthub.activation.domain.model.CheckArea;
import org.supporthub.activation.domain.model.CheckResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.supporthub.activation.application.internal.ActivationFixtures.subject;

class PortalAdministratorCheckTest {

    private final PortalAdministratorCheck check = new PortalAdministratorCheck();

    @Test
    void checks_the_administrator_area() {
        assertThat(check.area()).isEqualTo(CheckArea.ADMINISTRATOR);
    }

    @Test
    void passes_for_a_portal_administrator() {
        CheckResult result = check.run(subject(true, true));

        assertThat(result.passed()).isTrue();
        assertThat(result.area()).isEqualTo(CheckArea.ADMINISTRATOR);
        assertThat(result.code()).isNull();
    }

    @Test
    void fails_with_its_code_for_anyone_else() {
        CheckResult result = check.run(subject(true, false));

        assertThat(result.passed()).isFalse();
        assertThat(result.code()).isEqualTo("NOT_PORTAL_ADMIN").isEqualTo(PortalAdministratorCheck.CODE);
        assertThat(result.area()).isEqualTo(CheckArea.ADMINISTRATOR);
    }

    @Test
    void does_not_care_about_the_channel() {
        assertThat(check.run(subject(false, true)).passed()).isTrue();
        assertThat(check.run(subject(false, false)).code()).isEqualTo(PortalAdministratorCheck.CODE);
    }
}
