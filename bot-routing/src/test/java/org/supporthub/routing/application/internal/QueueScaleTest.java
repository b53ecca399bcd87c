package org.supporthub.routing.application.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.supporthub.routing.application.internal.RoutingWorld.PORTAL;
import static org.supporthub.routing.domain.model.SupportSessionState.ASSIGNED;
import static org.supporthub.routing.domain.model.SupportSessionState.OFFERED;
import static org.supporthub.routing.domain.model.SupportSessionState.WAITING;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.junit.jupiter.api.Test;
import org.supporthub.core.domain.model.conversation.Conversation;
import org.supporthub.routing.application.SupportSessionQueries.ConsoleSession;
import org.supporthub.routing.application.SupportSessionQueries.WidgetSession;

/**
 * The work of one routing event does not grow with the queue: the same event is run with 10 and with
 * 1,000 sessions waiting in one channel, and the reads the storage was asked for are counted. They must
 * be the same number (a constant), not one per waiting session.
 *
 * <p>The team (olga, piotr and anna, capacity 2 each) is full: each holds two assigned sessions. That is
 * when a queue grows long.
 */
class QueueScaleTest {

    private static final String CHANNEL = "support";

    /** A world with a full team and {@code waiting} sessions queued behind it, oldest first. */
    private static RoutingWorld fullTeamAnd(int waiting) {
        RoutingWorld world = new RoutingWorld();
        world.channel(CHANNEL, c -> c.capacity = 2);
        world.online("olga", "piotr", "anna");
        for (String operator : List.of("olga", "piotr", "anna")) {
            for (int i = 1; i <= 2; i++) {
                world.held(operator + "-" + i, CHANNEL, operator, ASSIGNED);
            }
        }
        for (int i = 0; i < waiting; i++) {
            String id = String.format("q%04d", i);
            world.queued(id, CHANNEL, RoutingWorld.START.plusMillis(i));
            world.conversations.store(new Conversation("conv-" + id, PORTAL, "user-" + id, "Admin " + id,
                    RoutingWorld.START));
        }
        return world;
    }

    /** The reads one event costs, with {@code waiting} sessions in the queue. */
    private static Map<String, Integer> readsOf(int waiting, Consumer<RoutingWorld> event) {
        RoutingWorld world = fullTeamAnd(waiting);
        world.sessions.resetReads();
        event.accept(world);
        return world.sessions.readsByMethod();
    }

    private static void sameWorkForLongQueue(Consumer<RoutingWorld> event) {
        Map<String, Integer> short_ = readsOf(10, event);
        Map<String, Integer> long_ = readsOf(1_000, event);
        assertThat(long_).as("reads with 1,000 waiting vs with 10 waiting").isEqualTo(short_);
        assertThat(long_.values().stream().mapToInt(Integer::intValue).sum()).as("reads of one event: %s", long_)
                .isLessThanOrEqualTo(8);
    }

    @Test
    void closingASessionOffersTheHeadOfTheQueueWithConstantReads() {
        sameWorkForLongQueue(w -> w.conversation.close("olga", "olga-1"));

        RoutingWorld world = fullTeamAnd(1_000);
        world.conversation.close("olga", "olga-1");
        assertThat(world.session("q0000").state()).isEqualTo(OFFERED);
        assertThat(world.session("q0000").offeredTo()).containsExactly("olga");
        // Nobody else has room: the rest of the queue was not even locked, let alone offered.
        assertThat(world.session("q0001").state()).isEqualTo(WAITING);
    }

    @Test
    void acceptingAnOfferAndSkippingOneCostConstantReads() {
        Consumer<RoutingWorld> offerToOlga = w -> w.conversation.close("olga", "olga-1");
        sameWorkForLongQueue(offerToOlga.andThen(w -> w.assignment.accept("olga", "q0000")));
        sameWorkForLongQueue(offerToOlga.andThen(w -> w.assignment.skip("olga", "q0000")));
    }

    @Test
    void theRoutingBeatWithAFullTeamCostsConstantReads() {
        sameWorkForLongQueue(w -> w.advanceAndBeat(1));
    }

    @Test
    void everyWidgetsQueuePositionComesFromOneReadOfTheQueue() {
        RoutingWorld world = fullTeamAnd(1_000);
        world.conversation.close("olga", "olga-1");
        world.assignment.accept("olga", "q0000");
        List<String> conversations = new ArrayList<>();
        for (int i = 0; i < 1_000; i++) {
            conversations.add(String.format("conv-q%04d", i));
        }
        world.sessions.resetReads();

        Map<String, WidgetSession> views = world.queries.forConversations(conversations);

        assertThat(world.sessions.reads()).as("reads: %s", world.sessions.readsByMethod()).isLessThanOrEqualTo(2);
        assertThat(views).hasSize(1_000);
        assertThat(views.get("conv-q0000").state()).isEqualTo(ASSIGNED);
        assertThat(views.get("conv-q0000").queuePosition()).isZero();
        assertThat(views.get("conv-q0001").queuePosition()).isEqualTo(1);
        assertThat(views.get("conv-q0500").queuePosition()).isEqualTo(500);
        assertThat(views.get("conv-q0999").queuePosition()).isEqualTo(999);
        // The single-widget view says the same.
        assertThat(world.queries.forConversation("conv-q0999").orElseThrow()).isEqualTo(views.get("conv-q0999"));
    }

    @Test
    void everyConsolesListComesFromOneReadOfTheOpenSessions() {
        RoutingWorld world = fullTeamAnd(1_000);
        world.sessions.resetReads();
        world.conversations.reads = 0;

        Map<String, List<ConsoleSession>> lists = world.queries.forOperators(List.of("olga", "piotr", "anna"));

        assertThat(world.sessions.reads()).as("reads: %s", world.sessions.readsByMethod()).isEqualTo(1);
        assertThat(world.conversations.reads).as("reads of administrators' names").isEqualTo(1);
        List<ConsoleSession> olga = lists.get("olga");
        assertThat(olga).hasSize(1_002);
        assertThat(olga.stream().filter(s -> s.state() == WAITING).map(ConsoleSession::queuePosition).toList())
                .isEqualTo(java.util.stream.IntStream.rangeClosed(1, 1_000).boxed().toList());
        assertThat(olga.stream().filter(s -> s.sessionId().equals("q0999")).findFirst().orElseThrow().administrator())
                .isEqualTo("Admin q0999");
        assertThat(world.queries.forOperator("olga")).isEqualTo(olga);
    }
}
