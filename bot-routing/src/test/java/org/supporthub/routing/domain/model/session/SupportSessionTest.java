package org.supporthub.routing.domain.model.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.supporthub.routing.domain.model.SupportSessionState.ANSWERED;
import static org.supporthub.routing.domain.model.SupportSessionState.ASSIGNED;
import static org.supporthub.routing.domain.model.SupportSessionState.CLOSED;
import static org.supporthub.routing.domain.model.SupportSessionState.OFFERED;
import static org.supporthub.routing.domain.model.SupportSessionState.WAITING;

import java.lang.reflect.Field;
import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.supporthub.routing.domain.model.IllegalSessionTransitionException;
import org.supporthub.routing.domain.model.SupportSessionEvent;
import org.supporthub.routing.domain.model.SupportSessionState;

class SupportSessionTest {

    private static final Instant T0 = Instant.parse("2025-01-06T10:00:00Z");
    private static final Instant T1 = T0.plusSeconds(10);
    private static final Instant T2 = T0.plusSeconds(20);
    private static final Instant T3 = T0.plusSeconds(30);

    private static SupportSession waiting() {
        return new SupportSession("s1", "conv1", "portal1", "ch1", "en", 7, "How do I renew my licence?", T0);
    }

    private static SupportSession offeredTo(String... operators) {
        SupportSession s = waiting();
        s.offer(List.of(operators), T1);
        return s;
    }

    private static SupportSession assignedTo(String operator) {
        SupportSession s = offeredTo(operator);
        s.accept(operator, T2);
        return s;
    }

    private static SupportSession answeredBy(String operator) {
        SupportSession s = assignedTo(operator);
        s.operatorReplied(T2);
        return s;
    }

    private static SupportSession closed() {
        SupportSession s = assignedTo("olga");
        s.close(SessionEnd.OPERATOR, true, T3);
        return s;
    }

    private static Object openKey(SupportSession s) throws ReflectiveOperationException {
        // The stored unique key that keeps a conversation at one open session; it has no accessor.
        Field field = SupportSession.class.getDeclaredField("openKey");
        field.setAccessible(true);
        return field.get(s);
    }

    @Test
    void a_new_session_waits_in_the_queue() throws ReflectiveOperationException {
        SupportSession s = waiting();

        assertThat(s.state()).isEqualTo(WAITING);
        assertThat(s.isOpen()).isTrue();
        assertThat(s.isUnassigned()).isTrue();
        assertThat(s.operator()).isEmpty();
        assertThat(s.offeredTo()).isEmpty();
        assertThat(s.tried()).isEmpty();
        assertThat(s.offeredAt()).isEmpty();
        assertThat(s.askedAt()).isEqualTo(T0);
        assertThat(s.lastActivityAt()).isEqualTo(T0);
        assertThat(s.firstSeq()).isEqualTo(7);
        assertThat(s.lastSeq()).isEmpty();
        assertThat(openKey(s)).isEqualTo("conv1");
    }

    @Test
    void an_offer_names_the_operators_and_counts_them_as_tried() {
        SupportSession s = offeredTo("olga", "piotr");

        assertThat(s.state()).isEqualTo(OFFERED);
        assertThat(s.isUnassigned()).isTrue();
        assertThat(s.offeredTo()).containsExactly("olga", "piotr");
        assertThat(s.tried()).containsExactlyInAnyOrder("olga", "piotr");
        assertThat(s.offeredAt()).contains(T1);
    }

    @Test
    void tried_operators_add_up_over_a_round_until_forgotten() {
        SupportSession s = offeredTo("olga");
        s.withdrawOffer("olga", false, T2);
        s.offer(List.of("piotr"), T3);

        assertThat(s.tried()).containsExactlyInAnyOrder("olga", "piotr");
        assertThat(s.offeredTo()).containsExactly("piotr");

        s.forgetTried();

        assertThat(s.tried()).isEmpty();
        assertThat(s.offeredTo()).as("forgetting the round keeps the current offer").containsExactly("piotr");
    }

    static Stream<Arguments> withdrawals() {
        return Stream.of(
                //            offered to                withdrawn  lost   state    still offered to
                Arguments.of(List.of("olga", "piotr"), "olga",   false, OFFERED, List.of("piotr")),
                Arguments.of(List.of("olga", "piotr"), "olga",   true,  OFFERED, List.of("piotr")),
                Arguments.of(List.of("olga", "piotr"), "piotr",  false, OFFERED, List.of("olga")),
                Arguments.of(List.of("olga"),          "olga",   false, WAITING, List.of()),
                Arguments.of(List.of("olga"),          "olga",   true,  WAITING, List.of()),
                Arguments.of(List.of("olga"),          "ghost",  false, OFFERED, List.of("olga")),
                Arguments.of(List.of("olga"),          "ghost",  true,  OFFERED, List.of("olga")));
    }

    @ParameterizedTest(name = "offered to {0}, {1} withdrawn (lost: {2}) -> {3} {4}")
    @MethodSource("withdrawals")
    void withdrawing_an_offer(List<String> offered, String withdrawn, boolean lost, SupportSessionState state,
                              List<String> stillOffered) {
        SupportSession s = offeredTo(offered.toArray(String[]::new));

        s.withdrawOffer(withdrawn, lost, T3);

        assertThat(s.state()).isEqualTo(state);
        assertThat(s.offeredTo()).containsExactlyElementsOf(stillOffered);
        // One who declined is not offered it again this round; one who was lost (and is back) may be.
        List<String> tried = offered.stream().filter(o -> !(lost && o.equals(withdrawn))).toList();
        assertThat(s.tried()).containsExactlyInAnyOrderElementsOf(tried);
        // The queue time of the next offer counts from the moment nobody held the offer any more.
        assertThat(s.offeredAt()).contains(state == WAITING ? T3 : T1);
    }

    @Test
    void withdrawing_the_last_offer_forgets_the_preferred_operator() {
        SupportSession s = answeredBy("olga");
        s.transfer(null, "piotr", null, T2);
        s.offer(List.of("piotr"), T2);

        s.withdrawOffer("piotr", false, T3);

        assertThat(s.state()).isEqualTo(WAITING);
        assertThat(s.preferredOperator()).isEmpty();
    }

    @Test
    void withdrawing_from_a_session_that_is_not_offered_changes_nothing() {
        SupportSession s = assignedTo("olga");

        s.withdrawOffer("olga", true, T3);

        assertThat(s.state()).isEqualTo(ASSIGNED);
        assertThat(s.operator()).contains("olga");
    }

    @Test
    void a_lapsed_offer_waits_again_and_keeps_the_round() {
        SupportSession s = answeredBy("olga");
        s.transfer(null, "piotr", null, T1);
        s.offer(List.of("piotr"), T2);

        s.offerLapsed(T3);

        assertThat(s.state()).isEqualTo(WAITING);
        assertThat(s.offeredTo()).isEmpty();
        assertThat(s.tried()).containsExactlyInAnyOrder("olga", "piotr");
        assertThat(s.preferredOperator()).isEmpty();
        assertThat(s.offeredAt()).contains(T3);
    }

    @Test
    void accepting_an_offer_assigns_the_session_and_ends_the_round() {
        SupportSession s = offeredTo("olga", "piotr");

        s.accept("piotr", T3);

        assertThat(s.state()).isEqualTo(ASSIGNED);
        assertThat(s.operator()).contains("piotr");
        assertThat(s.isUnassigned()).isFalse();
        assertThat(s.isOpen()).isTrue();
        assertThat(s.offeredTo()).isEmpty();
        assertThat(s.tried()).isEmpty();
        assertThat(s.lastActivityAt()).isEqualTo(T3);
    }

    @Test
    void a_waiting_session_can_be_picked_from_the_shared_list() {
        SupportSession s = waiting();

        s.accept("olga", T1);

        assertThat(s.state()).isEqualTo(ASSIGNED);
        assertThat(s.operator()).contains("olga");
    }

    @Test
    void the_first_reply_answers_the_session_and_every_reply_is_activity() {
        SupportSession s = assignedTo("olga");

        s.operatorReplied(T3);
        assertThat(s.state()).isEqualTo(ANSWERED);
        assertThat(s.lastActivityAt()).isEqualTo(T3);

        s.operatorReplied(T3.plusSeconds(5));
        assertThat(s.state()).isEqualTo(ANSWERED);
        assertThat(s.lastActivityAt()).isEqualTo(T3.plusSeconds(5));

        s.administratorWrote(T3.plusSeconds(9));
        assertThat(s.lastActivityAt()).isEqualTo(T3.plusSeconds(9));
        assertThat(s.state()).isEqualTo(ANSWERED);
    }

    @Test
    void a_transfer_to_another_channel_moves_it_to_that_queue() {
        SupportSession s = answeredBy("olga");

        s.transfer("ch2", null, "  Licence question, needs sales  ", T3);

        assertThat(s.state()).isEqualTo(WAITING);
        assertThat(s.channelId()).isEqualTo("ch2");
        assertThat(s.operator()).isEmpty();
        assertThat(s.tried()).containsExactly("olga");
        assertThat(s.preferredOperator()).isEmpty();
        assertThat(s.note()).contains("Licence question, needs sales");
        assertThat(s.offeredAt()).contains(T3);
        assertThat(s.lastActivityAt()).isEqualTo(T3);
        assertThat(s.askedAt()).as("keeps its place in the queue").isEqualTo(T0);
        assertThat(s.isOpen()).isTrue();
    }

    @Test
    void a_transfer_to_an_operator_stays_in_the_channel_and_prefers_them() {
        SupportSession s = assignedTo("olga");

        s.transfer(null, "piotr", "   ", T3);

        assertThat(s.state()).isEqualTo(WAITING);
        assertThat(s.channelId()).isEqualTo("ch1");
        assertThat(s.operator()).isEmpty();
        assertThat(s.tried()).containsExactly("olga");
        assertThat(s.preferredOperator()).contains("piotr");
        assertThat(s.note()).as("a blank note is no note").isEmpty();
    }

    @Test
    void an_accepted_transfer_forgets_the_preferred_operator() {
        SupportSession s = assignedTo("olga");
        s.transfer(null, "piotr", null, T2);
        s.offer(List.of("piotr"), T2);

        s.accept("piotr", T3);

        assertThat(s.preferredOperator()).isEmpty();
        assertThat(s.operator()).contains("piotr");
    }

    @Test
    void a_lost_operator_hands_the_session_back_to_the_queue() {
        SupportSession s = answeredBy("olga");

        s.operatorLost(T3);

        assertThat(s.state()).isEqualTo(WAITING);
        assertThat(s.operator()).isEmpty();
        assertThat(s.tried()).as("a new round: once back, olga may be offered it again").isEmpty();
        assertThat(s.offeredAt()).contains(T3);
        assertThat(s.askedAt()).as("first in line still").isEqualTo(T0);
    }

    @Test
    void a_lost_operator_withdraws_their_offer() {
        SupportSession s = offeredTo("olga");

        s.operatorLost(T3);

        assertThat(s.state()).isEqualTo(WAITING);
    }

    @Test
    void closing_ends_the_session_and_frees_the_conversation() throws ReflectiveOperationException {
        SupportSession s = offeredTo("olga", "piotr");

        s.close(SessionEnd.OPERATOR, true, T3);
        s.endsAt(42);

        assertThat(s.state()).isEqualTo(CLOSED);
        assertThat(s.isOpen()).isFalse();
        assertThat(s.isUnassigned()).isFalse();
        assertThat(openKey(s)).as("the conversation may open a new session").isNull();
        assertThat(s.offeredTo()).isEmpty();
        assertThat(s.closedAt()).contains(T3);
        assertThat(s.lastSeq()).contains(42L);
    }

    @Test
    void a_vote_is_taken_once_after_a_close_that_asked_for_it() {
        SupportSession s = closed();
        assertThat(s.voteOpen()).isTrue();

        s.vote(Vote.LIKE, "  Quick and helpful  ");

        assertThat(s.vote()).contains(Vote.LIKE);
        assertThat(s.voteComment()).contains("Quick and helpful");
        assertThat(s.voteOpen()).isFalse();
        assertThatIllegalStateException().isThrownBy(() -> s.vote(Vote.DISLIKE, null));
        assertThat(s.vote()).contains(Vote.LIKE);
    }

    @Test
    void a_blank_vote_comment_is_no_comment() {
        SupportSession s = closed();

        s.vote(Vote.DISLIKE, " ");

        assertThat(s.vote()).contains(Vote.DISLIKE);
        assertThat(s.voteComment()).isEmpty();
    }

    @Test
    void no_vote_when_the_close_did_not_ask_for_one() {
        SupportSession s = assignedTo("olga");
        s.close(SessionEnd.OPERATOR, false, T3);

        assertThat(s.voteOpen()).isFalse();
        assertThatIllegalStateException().isThrownBy(() -> s.vote(Vote.LIKE, null));
        assertThat(s.vote()).isEmpty();
    }

    static Stream<Arguments> openSessions() {
        return Stream.of(
                Arguments.of("waiting", (Supplier<SupportSession>) SupportSessionTest::waiting),
                Arguments.of("offered", (Supplier<SupportSession>) () -> offeredTo("olga")),
                Arguments.of("assigned", (Supplier<SupportSession>) () -> assignedTo("olga")),
                Arguments.of("answered", (Supplier<SupportSession>) () -> answeredBy("olga")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("openSessions")
    void no_vote_before_the_close(String description, Supplier<SupportSession> session) {
        SupportSession s = session.get();

        assertThat(s.voteOpen()).isFalse();
        assertThatIllegalStateException().isThrownBy(() -> s.vote(Vote.LIKE, null));
        assertThat(s.vote()).isEmpty();
    }

    static Stream<Arguments> previews() {
        return Stream.of(
                Arguments.of(1, false),
                Arguments.of(499, false),
                Arguments.of(500, false),
                Arguments.of(501, true),
                Arguments.of(10_000, true));
    }

    @ParameterizedTest(name = "{0} characters, cut: {1}")
    @MethodSource("previews")
    void the_first_message_is_kept_as_a_preview_of_at_most_500_characters(int length, boolean cut) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; text.length() < length; i++) {
            text.append((char) ('a' + i % 26));
        }
        String question = text.toString();

        SupportSession s = new SupportSession("s1", "conv1", "portal1", "ch1", "en", 1, question, T0);

        if (cut) {
            assertThat(s.firstMessage()).hasSize(SupportSession.FIRST_MESSAGE_PREVIEW)
                    .startsWith(question.substring(0, SupportSession.FIRST_MESSAGE_PREVIEW - 1))
                    .endsWith("…");
        } else {
            assertThat(s.firstMessage()).isEqualTo(question);
        }
    }

    private static Arguments refused(String description, Supplier<SupportSession> session,
                                     Consumer<SupportSession> move, SupportSessionState state,
                                     SupportSessionEvent event) {
        return Arguments.of(description, session, move, state, event);
    }

    static Stream<Arguments> illegalMoves() {
        Supplier<SupportSession> waiting = SupportSessionTest::waiting;
        Supplier<SupportSession> offered = () -> offeredTo("olga");
        Supplier<SupportSession> assigned = () -> assignedTo("olga");
        Supplier<SupportSession> answered = () -> answeredBy("olga");
        Supplier<SupportSession> closed = SupportSessionTest::closed;
        return Stream.of(
                refused("accept after close", closed, s -> s.accept("piotr", T3), CLOSED, SupportSessionEvent.ACCEPT),
                refused("close twice", closed, s -> s.close(SessionEnd.OPERATOR, true, T3), CLOSED, SupportSessionEvent.CLOSE),
                refused("offer after close", closed, s -> s.offer(List.of("piotr"), T3), CLOSED,
                        SupportSessionEvent.OFFER),
                refused("reply after close", closed, s -> s.operatorReplied(T3), CLOSED,
                        SupportSessionEvent.OPERATOR_REPLIED),
                refused("transfer after close", closed, s -> s.transfer("ch2", null, null, T3), CLOSED,
                        SupportSessionEvent.TRANSFER),
                refused("second accept", assigned, s -> s.accept("piotr", T3), ASSIGNED, SupportSessionEvent.ACCEPT),
                refused("accept when answered", answered, s -> s.accept("piotr", T3), ANSWERED,
                        SupportSessionEvent.ACCEPT),
                refused("offer an assigned session", assigned, s -> s.offer(List.of("piotr"), T3), ASSIGNED,
                        SupportSessionEvent.OFFER),
                refused("offer twice", offered, s -> s.offer(List.of("piotr"), T3), OFFERED,
                        SupportSessionEvent.OFFER),
                refused("lapse an assigned session", assigned, s -> s.offerLapsed(T3), ASSIGNED,
                        SupportSessionEvent.OFFER_EXPIRED),
                refused("lapse a waiting session", waiting, s -> s.offerLapsed(T3), WAITING,
                        SupportSessionEvent.OFFER_EXPIRED),
                refused("reply to a waiting session", waiting, s -> s.operatorReplied(T3), WAITING,
                        SupportSessionEvent.OPERATOR_REPLIED),
                refused("reply to an offered session", offered, s -> s.operatorReplied(T3), OFFERED,
                        SupportSessionEvent.OPERATOR_REPLIED),
                refused("transfer a waiting session", waiting, s -> s.transfer(null, "piotr", null, T3), WAITING,
                        SupportSessionEvent.TRANSFER),
                refused("transfer an offered session", offered, s -> s.transfer("ch2", null, null, T3), OFFERED,
                        SupportSessionEvent.TRANSFER),
                refused("lose the operator of a waiting session", waiting, s -> s.operatorLost(T3), WAITING,
                        SupportSessionEvent.OPERATOR_LOST));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("illegalMoves")
    void illegal_moves_are_refused_and_change_nothing(String description, Supplier<SupportSession> session,
                                                       Consumer<SupportSession> move, SupportSessionState state,
                                                       SupportSessionEvent event) {
        SupportSession s = session.get();
        String channel = s.channelId();
        var operator = s.operator();
        var tried = s.tried();

        assertThatThrownBy(() -> move.accept(s))
                .isInstanceOfSatisfying(IllegalSessionTransitionException.class, e -> {
                    assertThat(e.state()).isEqualTo(state);
                    assertThat(e.event()).isEqualTo(event);
                });

        assertThat(s.state()).isEqualTo(state);
        assertThat(s.channelId()).isEqualTo(channel);
        assertThat(s.operator()).isEqualTo(operator);
        assertThat(s.tried()).isEqualTo(tried);
    }

    // ---- what the reports read: queue and first-response times, sent anyway, outcome ----

    @Test
    void queue_time_runs_from_the_question_to_the_first_accept_only() {
        SupportSession s = assignedTo("olga");
        assertThat(s.queueMillis()).contains(20_000L);

        s.transfer(null, "piotr", null, T3);
        s.offer(List.of("piotr"), T3);
        s.accept("piotr", T3.plusSeconds(50));

        assertThat(s.queueMillis()).as("the first operator's accept, not the transfer's").contains(20_000L);
    }

    @Test
    void first_response_time_runs_from_the_question_to_the_first_reply_only() {
        SupportSession s = assignedTo("olga");
        assertThat(s.firstResponseMillis()).isEmpty();

        s.operatorReplied(T3);
        s.operatorReplied(T3.plusSeconds(100));

        assertThat(s.firstResponseMillis()).contains(30_000L);
    }

    @Test
    void a_held_session_is_queued_only_when_sent_anyway_and_its_times_count_from_then() {
        SupportSession s = waiting();
        s.triaged("INTEGRATION", "NOT_COVERED", 0.9, "INT-N5", true);
        assertThat(s.queuedAt()).isEmpty();
        assertThat(s.sentAnyway()).isFalse();

        s.release(T1);
        s.offer(List.of("olga"), T1);
        s.accept("olga", T2);
        s.operatorReplied(T3);

        assertThat(s.sentAnyway()).isTrue();
        assertThat(s.queuedAt()).contains(T1);
        assertThat(s.queueMillis()).contains(10_000L);
        assertThat(s.firstResponseMillis()).contains(20_000L);
    }

    @Test
    void a_session_triaged_but_not_held_is_queued_at_its_question() {
        SupportSession s = waiting();
        s.triaged("LICENSING", "COVERED", 0.9, null, false);

        assertThat(s.queuedAt()).contains(T0);
        assertThat(s.sentAnyway()).isFalse();
    }

    static Stream<Arguments> outcomes() {
        return Stream.of(
                Arguments.of("answered, closed by the operator", (Supplier<SupportSession>) () -> answeredBy("olga"),
                        SessionEnd.OPERATOR, SessionOutcome.ANSWERED),
                Arguments.of("assigned, closed by the operator", (Supplier<SupportSession>) () -> assignedTo("olga"),
                        SessionEnd.OPERATOR, SessionOutcome.MISSED),
                Arguments.of("waiting, closed from the queue", (Supplier<SupportSession>) SupportSessionTest::waiting,
                        SessionEnd.OPERATOR, SessionOutcome.MISSED),
                Arguments.of("answered, quiet", (Supplier<SupportSession>) () -> answeredBy("olga"),
                        SessionEnd.INACTIVITY, SessionOutcome.AUTO_CLOSED),
                Arguments.of("assigned, quiet", (Supplier<SupportSession>) () -> assignedTo("olga"),
                        SessionEnd.INACTIVITY, SessionOutcome.MISSED),
                Arguments.of("waiting, ended by the administrator",
                        (Supplier<SupportSession>) SupportSessionTest::waiting, SessionEnd.ADMINISTRATOR,
                        SessionOutcome.CLOSED_BY_ADMINISTRATOR),
                Arguments.of("answered, ended by the administrator", (Supplier<SupportSession>) () -> answeredBy("olga"),
                        SessionEnd.ADMINISTRATOR, SessionOutcome.CLOSED_BY_ADMINISTRATOR),
                Arguments.of("answered, then transferred and closed unanswered by the next",
                        (Supplier<SupportSession>) () -> {
                            SupportSession s = answeredBy("olga");
                            s.transfer(null, null, null, T3);
                            return s;
                        }, SessionEnd.OPERATOR, SessionOutcome.ANSWERED));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("outcomes")
    void the_close_records_the_outcome(String name, Supplier<SupportSession> session, SessionEnd end,
                                       SessionOutcome expected) {
        SupportSession s = session.get();
        assertThat(s.outcome()).isEmpty();

        s.close(end, false, T3.plusSeconds(5));

        assertThat(s.outcome()).contains(expected);
    }
}
