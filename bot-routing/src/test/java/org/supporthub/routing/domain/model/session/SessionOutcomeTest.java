package org.supporthub.routing.domain.model.session;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/** The outcome table, every way a session ends × whether an operator replied. */
class SessionOutcomeTest {

    @ParameterizedTest(name = "{0}, answered {1} -> {2}")
    @CsvSource({
            "OPERATOR,      true,  ANSWERED",
            "OPERATOR,      false, MISSED",
            "INACTIVITY,    true,  AUTO_CLOSED",
            "INACTIVITY,    false, MISSED",
            "ADMINISTRATOR, true,  CLOSED_BY_ADMINISTRATOR",
            "ADMINISTRATOR, false, CLOSED_BY_ADMINISTRATOR"})
    void every_end_and_answer(SessionEnd end, boolean answered, SessionOutcome expected) {
        assertThat(SessionOutcome.of(end, answered)).isEqualTo(expected);
    }
}
