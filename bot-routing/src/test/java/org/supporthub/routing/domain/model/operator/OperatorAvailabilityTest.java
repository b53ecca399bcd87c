package org.supporthub.routing.domain.model.operator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;
import static org.supporthub.routing.domain.model.operator.PresenceStatus.AWAY;
import static org.supporthub.routing.domain.model.operator.PresenceStatus.OFFLINE;
import static org.supporthub.routing.domain.model.operator.PresenceStatus.ONLINE;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Availability as a table. The silence limit is 60 s and the grace 120 s; every time is in seconds before
 * {@code NOW}.
 */
class OperatorAvailabilityTest {

    private static final Instant NOW = Instant.parse("2025-01-06T10:00:00Z");
    private static final OperatorAvailability RULE =
            new OperatorAvailability(Duration.ofSeconds(60), Duration.ofSeconds(120));

    /** Never disconnected. */
    private static final Integer CONNECTED = null;
    /** Not lost. */
    private static final Integer NOT_LOST = null;

    /**
     * @param seenAgo         seconds since the console last spoke
     * @param disconnectedAgo seconds since the last socket closed, or {@link #CONNECTED}
     * @param lostAgo         the expected "lost since", in seconds before now, or {@link #NOT_LOST}
     */
    private static Arguments row(String description, PresenceStatus status, int seenAgo, Integer disconnectedAgo,
                                 boolean reachable, boolean available, Integer lostAgo, boolean sessionsLost) {
        return Arguments.of(description, status, seenAgo, disconnectedAgo, reachable, available, lostAgo,
                sessionsLost);
    }

    static Stream<Arguments> table() {
        return Stream.of(
                //  description                                 status   seen disc.      reach  avail  lost      sessionsLost
                row("online, spoke 10 s ago",                    ONLINE,  10,  CONNECTED, true,  true,  NOT_LOST, false),
                row("away, spoke 10 s ago",                      AWAY,    10,  CONNECTED, true,  false, NOT_LOST, false),
                row("offline, spoke 10 s ago",                   OFFLINE, 10,  CONNECTED, true,  false, NOT_LOST, false),
                row("online, silent just under the limit",       ONLINE,  59,  CONNECTED, true,  true,  NOT_LOST, false),
                row("online, silent exactly the limit",          ONLINE,  60,  CONNECTED, false, false, 0,        false),
                row("online, silent over the limit",             ONLINE,  61,  CONNECTED, false, false, 1,        false),
                row("silent, grace one second short",            ONLINE,  179, CONNECTED, false, false, 119,      false),
                row("silent, grace just elapsed",                ONLINE,  180, CONNECTED, false, false, 120,      true),
                row("silent long ago",                           ONLINE,  900, CONNECTED, false, false, 840,      true),
                row("away and silent past the grace",            AWAY,    500, CONNECTED, false, false, 440,      true),
                row("offline and silent past the grace",         OFFLINE, 500, CONNECTED, false, false, 440,      true),
                row("socket closed just now",                    ONLINE,  10,  0,         false, false, 0,        false),
                row("socket closed, spoke a moment before",      ONLINE,  6,   5,         false, false, 5,        false),
                row("socket closed, grace one second short",     ONLINE,  119, 119,       false, false, 119,      false),
                row("socket closed, grace just elapsed",         ONLINE,  120, 120,       false, false, 120,      true),
                row("socket closed long ago",                    ONLINE,  300, 300,       false, false, 300,      true),
                row("away, socket closed past the grace",        AWAY,    200, 200,       false, false, 200,      true),
                // Silent first, closed later: lost since the silence ran out, no extra grace for the close.
                row("silent 150 s, socket closed 10 s ago",      ONLINE,  150, 10,        false, false, 90,       false),
                row("silent 200 s, socket closed 10 s ago",      ONLINE,  200, 10,        false, false, 140,      true));
    }

    private static OperatorPresence presence(PresenceStatus status, int seenAgo, Integer disconnectedAgo) {
        OperatorPresence p = new OperatorPresence("olga", NOW.minusSeconds(3600));
        p.changeStatus(status, NOW.minusSeconds(3600));
        p.seen(NOW.minusSeconds(seenAgo));
        if (disconnectedAgo != null) {
            p.disconnected(NOW.minusSeconds(disconnectedAgo));
        }
        return p;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("table")
    void availability(String description, PresenceStatus status, int seenAgo, Integer disconnectedAgo,
                      boolean reachable, boolean available, Integer lostAgo, boolean sessionsLost) {
        OperatorPresence p = presence(status, seenAgo, disconnectedAgo);

        assertThat(RULE.reachable(p, NOW)).as("reachable").isEqualTo(reachable);
        assertThat(RULE.available(p, NOW)).as("available").isEqualTo(available);
        assertThat(RULE.lostSince(p, NOW)).as("lost since")
                .isEqualTo(Optional.ofNullable(lostAgo).map(NOW::minusSeconds));
        assertThat(RULE.sessionsLost(p, NOW)).as("sessions lost").isEqualTo(sessionsLost);
    }

    @Test
    void a_console_that_speaks_again_after_its_socket_closed_is_back() {
        OperatorPresence p = presence(ONLINE, 300, 200);
        assertThat(RULE.sessionsLost(p, NOW)).isTrue();

        p.seen(NOW);

        assertThat(RULE.available(p, NOW)).isTrue();
        assertThat(RULE.lostSince(p, NOW)).isEmpty();
        assertThat(RULE.sessionsLost(p, NOW)).isFalse();
    }

    @Test
    void without_grace_sessions_are_lost_as_soon_as_the_operator_is() {
        OperatorAvailability noGrace = new OperatorAvailability(Duration.ofSeconds(60), Duration.ZERO);

        assertThat(noGrace.sessionsLost(presence(ONLINE, 10, 0), NOW)).isTrue();
        assertThat(noGrace.sessionsLost(presence(ONLINE, 60, CONNECTED), NOW)).isTrue();
        assertThat(noGrace.sessionsLost(presence(ONLINE, 59, CONNECTED), NOW)).isFalse();
    }

    @Test
    void a_new_operator_starts_offline_and_so_unavailable() {
        OperatorPresence p = new OperatorPresence("olga", NOW);

        assertThat(p.status()).isEqualTo(OFFLINE);
        assertThat(RULE.reachable(p, NOW)).isTrue();
        assertThat(RULE.available(p, NOW)).isFalse();
    }

    static Stream<Arguments> refusedDurations() {
        return Stream.of(
                Arguments.of("zero silence", Duration.ZERO, Duration.ofSeconds(120)),
                Arguments.of("negative silence", Duration.ofSeconds(-1), Duration.ofSeconds(120)),
                Arguments.of("negative grace", Duration.ofSeconds(60), Duration.ofSeconds(-1)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refusedDurations")
    void refuses_durations_that_make_no_sense(String description, Duration silence, Duration grace) {
        assertThatIllegalArgumentException().isThrownBy(() -> new OperatorAvailability(silence, grace));
    }

    @Test
    void accepts_zero_grace_and_refuses_missing_durations() {
        assertThat(new OperatorAvailability(Duration.ofSeconds(1), Duration.ZERO).grace()).isZero();
        assertThatNullPointerException().isThrownBy(() -> new OperatorAvailability(null, Duration.ZERO));
        assertThatNullPointerException().isThrownBy(() -> new OperatorAvailability(Duration.ofSeconds(1), null));
    }
}
