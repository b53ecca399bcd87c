package org.supporthub.core.domain.model.bot;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.supporthub.core.domain.model.bot.BotEvent.*;
import static org.supporthub.core.domain.model.bot.BotState.*;

/**
 * Pins the whole lifecycle table: every (state, event) pair, allowed or refused. The expected table is
 * written out here independently of {@link BotLifecycle}, so adding, removing or changing any rule fails
 * this test.
 */
class BotLifecycleTest {

    /** The allowed transitions; every pair not listed must be refused. */
    private static final Map<BotState, Map<BotEvent, BotState>> EXPECTED = new EnumMap<>(BotState.class);

    static {
        allowed(DISABLED, CHANNEL_ENABLED, INSTALLED);
        allowed(INSTALLED, CHANNEL_DISABLED, DISABLED);
        allowed(INSTALLED, ACTIVATION_STARTED, ACTIVATING);
        allowed(INSTALLED, RECHECK_PASSED, CONNECTED);
        allowed(ACTIVATING, ACTIVATION_SUCCEEDED, CONNECTED);
        allowed(ACTIVATING, ACTIVATION_FAILED, INSTALLED);
        allowed(ACTIVATING, CHANNEL_DISABLED, DISABLED);
        allowed(CONNECTED, RECHECK_FAILED, INSTALLED);
        allowed(CONNECTED, CHANNEL_DISABLED, DISABLED);
        allowed(CONNECTED, ACTIVATION_STARTED, ACTIVATING);
    }

    private static void allowed(BotState from, BotEvent event, BotState to) {
        EXPECTED.computeIfAbsent(from, s -> new EnumMap<>(BotEvent.class)).put(event, to);
    }

    /** Every state crossed with every event: 4 × 6 = 24 cases, each with its expected outcome. */
    static Stream<Arguments> everyPair() {
        return Stream.of(BotState.values()).flatMap(from -> Stream.of(BotEvent.values()).map(event ->
                Arguments.of(from, event, Optional.ofNullable(EXPECTED.getOrDefault(from, Map.of()).get(event)))));
    }

    @ParameterizedTest(name = "{0} + {1} -> {2}")
    @MethodSource("everyPair")
    void next_follows_the_table(BotState from, BotEvent event, Optional<BotState> expected) {
        assertThat(BotLifecycle.next(from, event)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} + {1} allowed: {2}")
    @MethodSource("everyPair")
    void allows_agrees_with_the_table(BotState from, BotEvent event, Optional<BotState> expected) {
        assertThat(BotLifecycle.allows(from, event)).isEqualTo(expected.isPresent());
    }

    @ParameterizedTest(name = "{0} + {1} -> {2}")
    @MethodSource("everyPair")
    void apply_moves_or_refuses_naming_state_and_event(BotState from, BotEvent event, Optional<BotState> expected) {
        if (expected.isPresent()) {
            assertThat(BotLifecycle.apply(from, event)).isEqualTo(expected.get());
        } else {
            assertThatThrownBy(() -> BotLifecycle.apply(from, event))
                    .isInstanceOfSatisfying(IllegalBotTransitionException.class, e -> {
                        assertThat(e.from()).isEqualTo(from);
                        assertThat(e.event()).isEqualTo(event);
                    })
                    .hasMessageContaining(from.name())
                    .hasMessageContaining(event.name());
        }
    }

    @Test
    void the_table_covers_all_pairs_and_allows_exactly_ten_of_them() {
        assertThat(everyPair()).hasSize(BotState.values().length * BotEvent.values().length);
        long allowed = everyPair().filter(a -> ((Optional<?>) a.get()[2]).isPresent()).count();
        assertThat(allowed).isEqualTo(10);
    }

    @Test
    void every_state_can_be_left_towards_disabled_except_disabled_itself() {
        // The portal can always switch its channel off; only an already disabled bot cannot.
        for (BotState s : BotState.values()) {
            assertThat(BotLifecycle.allows(s, CHANNEL_DISABLED)).as(s.name()).isEqualTo(s != DISABLED);
        }
    }
}
