package org.supporthub.routing.application.internal;

import org.junit.jupiter.api.Test;
import org.supporthub.routing.domain.model.session.SupportSession;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Who may open a conversation's files (issue 13): the operator who holds its open session, or who held the
 * session a file was sent in. Having held another session of the same portal lets an operator read the
 * portal's history, but not its files.
 */
class SessionParticipantsTest {

    private final RoutingWorld world = new RoutingWorld();

    @Test
    void a_file_belongs_to_the_operators_of_its_session() {
        world.channel("ch1", c -> { });
        SupportSession first = world.takenBy("olga", "conv1");
        world.ask("conv1", "The log follows");
        assertThat(world.queries.heldSessionOf("olga", "conv1", 2)).as("holds the open session").isTrue();
        world.conversation.close("olga", first.id());
        world.disconnect("olga");

        SupportSession second = world.takenBy("piotr", "conv1");
        world.ask("conv1", "Another file");
        assertThat(second.id()).isNotEqualTo(first.id());

        long olgasFirst = first.firstSeq();
        long olgasLast = first.lastSeq().orElseThrow();
        // A message of Piotr's session, written after Olga's ended.
        long piotrs = Math.max(olgasLast, second.firstSeq()) + 1;
        assertThat(world.queries.heldSessionOf("olga", "conv1", olgasFirst)).as("held the first session").isTrue();
        assertThat(world.queries.heldSessionOf("olga", "conv1", olgasLast)).isTrue();
        assertThat(world.queries.heldSessionOf("olga", "conv1", piotrs)).as("sent in a session she never held")
                .isFalse();
        assertThat(world.queries.heldSessionOf("piotr", "conv1", piotrs)).isTrue();
        assertThat(world.queries.heldSessionOf("piotr", "conv1", olgasFirst))
                .as("the holder of the open session sees the whole conversation").isTrue();

        // Anna holds a session of the same portal, for another administrator: she reads the portal's
        // history, but the files of conv1 are not hers.
        SupportSession annas = world.held("s-anna", "ch1", "anna",
                org.supporthub.routing.domain.model.SupportSessionState.ANSWERED);
        assertThat(annas.portalId()).isEqualTo(first.portalId());
        assertThat(world.queries.heldSessionOf("anna", "conv1", olgasFirst)).isFalse();
        assertThat(world.queries.heldSessionOf("anna", "conv1", piotrs)).isFalse();
        assertThat(world.queries.heldSessionOf(null, "conv1", olgasFirst)).isFalse();
    }
}
