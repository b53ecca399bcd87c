package org.supporthub.routing.domain.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class OperatorCandidateTest {

    private static final Instant T0 = Instant.parse("2025-01-06T08:00:00Z");

    private static OperatorCandidate operator(int active, int answered, int capacity) {
        return new OperatorCandidate("op-1", 0, true, active, answered, capacity, T0);
    }

    @ParameterizedTest(name = "active={0}, answered={1}, capacity={2}: all -> {3}, answered only -> {4}")
    @CsvSource({
            // active, answered, capacity, counting all, counting only answered
            "0, 0, 1, true,  true",
            "1, 0, 1, false, true",
            "1, 1, 1, false, false",
            "2, 1, 3, true,  true",
            "3, 1, 3, false, true",
            "3, 2, 3, false, true",
            "3, 3, 3, false, false",
            "5, 3, 3, false, false",
    })
    void capacity_counts_all_active_sessions_or_only_answered_ones(int active, int answered, int capacity,
                                                                  boolean countingAll,
                                                                  boolean countingOnlyAnswered) {
        OperatorCandidate operator = operator(active, answered, capacity);

        assertThat(operator.hasCapacity(false)).isEqualTo(countingAll);
        assertThat(operator.hasCapacity(true)).isEqualTo(countingOnlyAnswered);
    }

    @Test
    void refuses_a_missing_or_blank_id() {
        assertThatNullPointerException()
                .isThrownBy(() -> new OperatorCandidate(null, 0, true, 0, 0, 1, T0))
                .withMessageContaining("operatorId");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new OperatorCandidate(" ", 0, true, 0, 0, 1, T0))
                .withMessageContaining("operatorId");
    }

    @Test
    void refuses_a_capacity_below_one() {
        assertThatIllegalArgumentException().isThrownBy(() -> operator(0, 0, 0)).withMessageContaining("capacity");
        assertThatIllegalArgumentException().isThrownBy(() -> operator(0, 0, -1)).withMessageContaining("capacity");
    }

    @Test
    void refuses_negative_counts() {
        assertThatIllegalArgumentException().isThrownBy(() -> operator(-1, 0, 1))
                .withMessageContaining("activeSessions");
        assertThatIllegalArgumentException().isThrownBy(() -> operator(0, -1, 1))
                .withMessageContaining("answeredSessions");
    }

    @Test
    void refuses_more_answered_than_active_sessions() {
        assertThatIllegalArgumentException().isThrownBy(() -> operator(1, 2, 3))
                .withMessageContaining("answeredSessions");
    }

    @Test
    void refuses_a_missing_idle_since() {
        assertThatNullPointerException()
                .isThrownBy(() -> new OperatorCandidate("op-1", 0, true, 0, 0, 1, null))
                .withMessageContaining("idleSince");
    }

    @Test
    void accepts_a_full_but_consistent_snapshot() {
        OperatorCandidate operator = new OperatorCandidate("op-7", 4, false, 2, 2, 2, T0);

        assertThat(operator.operatorId()).isEqualTo("op-7");
        assertThat(operator.order()).isEqualTo(4);
        assertThat(operator.online()).isFalse();
    }
}
