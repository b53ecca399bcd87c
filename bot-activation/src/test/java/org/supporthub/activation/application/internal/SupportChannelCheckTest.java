package org.supporthub.activation.application.internal;

import org.junit.jupiter.api.Test;
import org.supporthub.activation.domain.model.CheckArea;
import org.supporthub.activation.domain.model.CheckResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.supporthub.activation.application.internal.ActivationFixtures.subject;

class SupportChannelCheckTest {

    private final SupportChannelCheck check = new SupportChannelCheck();

    @Test
    void checks_the_support_channel_area() {
        assertThat(check.area()).isEqualTo(CheckArea.SUPPORT_CHANNEL);
    }

    @Test
    void passes_when_the_portal_enabled_its_support_channel() {
        CheckResult result = check.run(subject(true, true));

        assertThat(result.passed()).isTrue();
        assertThat(result.area()).isEqualTo(CheckArea.SUPPORT_CHANNEL);
        assertThat(result.code()).isNull();
        assertThat(result.took().isNegative()).isFalse();
    }

    @Test
    void fails_with_its_code_when_the_channel_is_disabled() {
        CheckResult result = check.run(subject(false, true));

        assertThat(result.passed()).isFalse();
        assertThat(result.code()).isEqualTo("SUPPORT_CHANNEL_DISABLED").isEqualTo(SupportChannelCheck.CODE);
        assertThat(result.area()).isEqualTo(CheckArea.SUPPORT_CHANNEL);
    }

    @Test
    void does_not_care_who_asks() {
        // Whether the user is an admin is the administrator check's business, not this one's.
        assertThat(check.run(subject(true, false)).passed()).isTrue();
        assertThat(check.run(subject(false, false)).code()).isEqualTo(SupportChannelCheck.CODE);
    }
}
