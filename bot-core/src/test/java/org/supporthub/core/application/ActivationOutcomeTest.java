package org.supporthub.core.application;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.supporthub.core.application.ActivationOutcome.ActivationFailure;
import org.supporthub.core.application.ActivationOutcome.Status;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

class ActivationOutcomeTest {

    @Test
    void a_failed_outcome_must_name_its_failures() {
        assertThatIllegalArgumentException().isThrownBy(() -> new ActivationOutcome(Status.FAILED, List.of()));
    }

    @ParameterizedTest
    @EnumSource(value = Status.class, names = {"CONNECTED", "UNAVAILABLE"})
    void only_a_failed_outcome_may_name_failures(Status status) {
        assertThat(new ActivationOutcome(status, List.of()).failures()).isEmpty();
        assertThatIllegalArgumentException().isThrownBy(
                () -> new ActivationOutcome(status, List.of(new ActivationFailure("X", null))));
    }

    @Test
    void keeps_a_copy_of_the_failures_in_order() {
        List<ActivationFailure> failures = new ArrayList<>(List.of(new ActivationFailure("A", null),
                new ActivationFailure("B", "DETAIL")));
        ActivationOutcome outcome = new ActivationOutcome(Status.FAILED, failures);

        failures.clear();

        assertThat(outcome.failures()).extracting(ActivationFailure::code).containsExactly("A", "B");
        assertThat(outcome.failures().get(1).detail()).isEqualTo("DETAIL");
    }

    @Test
    void refuses_null_status_or_code() {
        assertThatNullPointerException().isThrownBy(() -> new ActivationOutcome(null, List.of()));
        assertThatNullPointerException().isThrownBy(() -> new ActivationFailure(null, "d"));
    }
}
