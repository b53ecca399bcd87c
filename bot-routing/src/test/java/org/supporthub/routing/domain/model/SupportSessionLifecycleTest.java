package org.supporthub.routing.domain.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The whole lifecycle as an expected table: every (state, event) pair, with the state it leads to or
 * {@code REFUSED}. Changing {@link SupportSessionLifecycle} without changing this table fails a test, and
 * so does adding a state or an event without listing its pairs here.
 */
class SupportSessionLifecycleTest {

    private static final String REFUSED = "REFUSED";

    private static final String EXPECTED = """
            WAITING  | OFFER            | OFFERED
            WAITING  | OFFER_EXPIRED    | REFUSED
            WAITING  | ACCEPT           | ASSIGNED
            WAITING  | OPERATOR_REPLIED | REFUSED
            WAITING  | TRANSFER         | REFUSED
            WAITING  | OPERATOR_LOST    | REFUSED
            WAITING  | CLOSE            | CLOSED

            OFFERED  | OFFER            | REFUSED
            OFFERED  | OFFER_EXPIRED    | WAITING
            OFFERED  | ACCEPT           | ASSIGNED
            OFFERED  | OPERATOR_REPLIED | REFUSED
            OFFERED  | TRANSFER         | REFUSED
            OFFERED  | OPERATOR_LOST    | WAITING
            OFFERED  | CLOSE            | CLOSED

            ASSIGNED | OFFER            | REFUSED
            ASSIGNED | OFFER_EXPIRED    | REFUSED
            ASSIGNED | ACCEPT           | REFUSED
            ASSIGNED | OPERATOR_REPLIED | ANSWERED
            ASSIGNED | TRANSFER         | WAITING
            ASSIGNED | OPERATOR_LOST    | WAITING
            ASSIGNED | CLOSE            | CLOSED

            ANSWERED | OFFER            | REFUSED
            ANSWERED | OFFER_EXPIRED    | REFUSED
            ANSWERED | ACCEPT           | REFUSED
            ANSWERED | OPERATOR_REPLIED | ANSWERED
            ANSWERED | TRANSFER         | WAITING
            ANSWERED | OPERATOR_LOST    | WAITING
            ANSWERED | CLOSE            | CLOSED

            CLOSED   | OFFER            | REFUSED
            CLOSED   | OFFER_EXPIRED    | REFUSED
            CLOSED   | ACCEPT           | REFUSED
            CLOSED   | OPERATOR_REPLIED | REFUSED
            CLOSED   | TRANSFER         | REFUSED
            CLOSED   | OPERATOR_LOST    | REFUSED
            CLOSED   | CLOSE            | REFUSED
            """;

    private record Row(SupportSessionState state, SupportSessionEvent event, SupportSessionState expected) {

        static Row parse(String line) {
            String[] cells = line.split("\\|");
            String expected = cells[2].trim();
            return new Row(SupportSessionState.valueOf(cells[0].trim()),
                    SupportSessionEvent.valueOf(cells[1].trim()),
                    REFUSED.equals(expected) ? null : SupportSessionState.valueOf(expected));
        }
    }

    private static List<Row> rows() {
        return EXPECTED.lines().filter(line -> !line.isBlank()).map(Row::parse).toList();
    }

    static Stream<Arguments> table() {
        return rows().stream().map(row -> Arguments.of(row.state(), row.event(), row.expected()));
    }

    @ParameterizedTest(name = "{0} + {1} -> {2}")
    @MethodSource("table")
    void next_follows_the_table(SupportSessionState state, SupportSessionEvent event,
                                SupportSessionState expected) {
        if (expected == null) {
            assertThat(SupportSessionLifecycle.next(state, event)).isEmpty();
            assertThat(SupportSessionLifecycle.allows(state, event)).isFalse();
            assertThatThrownBy(() -> SupportSessionLifecycle.apply(state, event))
                    .isInstanceOfSatisfying(IllegalSessionTransitionException.class, refused -> {
                        assertThat(refused.state()).isEqualTo(state);
                        assertThat(refused.event()).isEqualTo(event);
                    })
                    .hasMessageContaining(state.name())
                    .hasMessageContaining(event.name());
        } else {
            assertThat(SupportSessionLifecycle.next(state, event)).contains(expected);
            assertThat(SupportSessionLifecycle.allows(state, event)).isTrue();
            assertThat(SupportSessionLifecycle.apply(state, event)).isEqualTo(expected);
        }
    }

    @Test
    void the_expected_table_lists_every_state_and_event_pair_exactly_once() {
        Set<String> pairs = new HashSet<>();
        for (Row row : rows()) {
            assertThat(pairs.add(row.state() + "+" + row.event()))
                    .as("listed twice: %s + %s", row.state(), row.event())
                    .isTrue();
        }
        assertThat(pairs).hasSize(SupportSessionState.values().length * SupportSessionEvent.values().length)
                .hasSize(35);
    }

    @Test
    void a_closed_session_accepts_nothing() {
        for (SupportSessionEvent event : SupportSessionEvent.values()) {
            assertThat(SupportSessionLifecycle.allows(SupportSessionState.CLOSED, event)).isFalse();
        }
    }

    @Test
    void every_open_state_can_be_closed() {
        for (SupportSessionState state : EnumSet.complementOf(EnumSet.of(SupportSessionState.CLOSED))) {
            assertThat(SupportSessionLifecycle.apply(state, SupportSessionEvent.CLOSE))
                    .isEqualTo(SupportSessionState.CLOSED);
        }
    }

    @Test
    void a_second_acceptance_is_refused_so_only_the_first_operator_wins() {
        SupportSessionState afterFirst =
                SupportSessionLifecycle.apply(SupportSessionState.OFFERED, SupportSessionEvent.ACCEPT);

        assertThatThrownBy(() -> SupportSessionLifecycle.apply(afterFirst, SupportSessionEvent.ACCEPT))
                .isInstanceOf(IllegalSessionTransitionException.class);
    }

    @Test
    void refuses_null_arguments() {
        assertThatThrownBy(() -> SupportSessionLifecycle.next(null, SupportSessionEvent.OFFER))
                .isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> SupportSessionLifecycle.next(SupportSessionState.WAITING, null))
                .isInstanceOf(NullPointerException.class);
    }
}
