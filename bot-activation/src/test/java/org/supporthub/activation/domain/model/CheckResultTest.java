package org.supporthub.activation.domain.model;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

class CheckResultTest {

    private static final Duration TOOK = Duration.ofMillis(3);

    @Test
    void a_pass_has_no_code_and_no_detail() {
        CheckResult r = CheckResult.pass(CheckArea.LICENSE, TOOK);

        assertThat(r.passed()).isTrue();
        assertThat(r.code()).isNull();
        assertThat(r.detail()).isNull();
        assertThat(r.area()).isEqualTo(CheckArea.LICENSE);
        assertThat(r.took()).isEqualTo(TOOK);
    }

    @Test
    void a_failure_has_its_code_and_optional_detail() {
        CheckResult r = CheckResult.fail(CheckArea.HUB_REACHES_PORTAL, "PORTAL_UNREACHABLE", "TLS_EXPIRED", TOOK);

        assertThat(r.passed()).isFalse();
        assertThat(r.code()).isEqualTo("PORTAL_UNREACHABLE");
        assertThat(r.detail()).isEqualTo("TLS_EXPIRED");
        assertThat(CheckResult.fail(CheckArea.LICENSE, "LICENSE_EXPIRED", null, TOOK).detail()).isNull();
    }

    @Test
    void a_failure_without_a_code_is_refused() {
        assertThatNullPointerException().isThrownBy(() -> CheckResult.fail(CheckArea.LICENSE, null, null, TOOK));
        assertThatIllegalArgumentException().isThrownBy(
                () -> new CheckResult(CheckArea.LICENSE, false, null, null, TOOK));
    }

    @Test
    void a_pass_with_a_code_is_refused() {
        assertThatIllegalArgumentException().isThrownBy(
                () -> new CheckResult(CheckArea.LICENSE, true, "LICENSE_EXPIRED", null, TOOK));
    }

    @Test
    void area_and_duration_are_required() {
        assertThatNullPointerException().isThrownBy(() -> CheckResult.pass(null, TOOK));
        assertThatNullPointerException().isThrownBy(() -> CheckResult.pass(CheckArea.LICENSE, null));
        assertThatNullPointerException().isThrownBy(() -> CheckResult.fail(null, "X", null, TOOK));
    }
}
