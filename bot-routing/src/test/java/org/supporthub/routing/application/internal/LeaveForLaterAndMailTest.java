package org.supporthub.routing.application.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.supporthub.core.domain.model.conversation.Conversation;
import org.supporthub.core.domain.model.mail.OutgoingMail;
import org.supporthub.routing.domain.model.SupportSessionState;
import org.supporthub.routing.domain.model.session.SupportSession;

/**
 * Issue 13, section 3 on in-memory storage: the bot offers to leave a question nobody can take for later,
 * the session waits marked, and an operator's answer reaches an administrator who went away by mail (once
 * per quiet period), never one whose widget is open.
 */
class LeaveForLaterAndMailTest {

    private final RoutingWorld world = new RoutingWorld();

    @BeforeEach
    void channel() {
        world.channel("ch1", c -> c.queueTimeSeconds = 60);
    }

    private List<String> actionsOffered(String conversationId) {
        return world.chat.offeredActions.entrySet().stream().filter(e -> e.getKey().startsWith(conversationId + "/"))
                .flatMap(e -> e.getValue().stream()).toList();
    }

    @Test
    void with_nobody_online_the_bot_offers_once_to_leave_the_question_for_later() {
        SupportSession s = world.ask("conv1", "Help");

        assertThat(world.bot("conv1")).contains(world.text("session.laterOffer"));
        assertThat(actionsOffered("conv1")).containsExactly("leave-for-later");
        assertThat(world.session(s.id()).laterOffered()).isTrue();

        world.advanceAndBeat(120);
        assertThat(actionsOffered("conv1")).as("offered once per session").containsExactly("leave-for-later");
    }

    @Test
    void with_an_operator_online_who_takes_it_there_is_no_offer() {
        world.online("olga");
        SupportSession s = world.ask("conv1", "Help");

        assertThat(world.session(s.id()).state()).isEqualTo(SupportSessionState.OFFERED);
        assertThat(actionsOffered("conv1")).isEmpty();
    }

    @Test
    void a_question_waiting_longer_than_the_queue_time_is_offered_for_later_by_the_beat() {
        world.updateChannel("ch1", c -> {
            c.operators("olga");
            c.capacity = 1;
        });
        // The only operator is online but busy: the question waits.
        world.takenBy("olga", "busy");
        SupportSession s = world.ask("conv1", "Help");
        assertThat(world.session(s.id()).state()).isEqualTo(SupportSessionState.WAITING);
        assertThat(actionsOffered("conv1")).as("operators are online: wait first").isEmpty();

        world.advanceAndBeat(61);

        assertThat(actionsOffered("conv1")).containsExactly("leave-for-later");
    }

    @Test
    void leaving_for_later_keeps_the_session_in_the_queue_marked_for_operators_and_the_widget() {
        SupportSession s = world.ask("conv1", "Help");

        world.intake.leaveForLater("conv1", "anna@portal.example.com");

        SupportSession left = world.session(s.id());
        assertThat(left.leftForLater()).isTrue();
        assertThat(left.contactEmail()).contains("anna@portal.example.com");
        assertThat(left.isQueued()).as("any operator may still take it").isTrue();
        assertThat(world.bot("conv1")).contains(world.text("session.leftForLater", "anna@portal.example.com"));
        assertThat(world.queries.forConversation("conv1").orElseThrow().leftForLater()).isTrue();
        assertThat(world.queries.forOperator("olga")).singleElement()
                .satisfies(c -> assertThat(c.leftForLater()).isTrue());

        world.online("olga");
        world.advanceAndBeat(1);
        world.assignment.accept("olga", s.id());
        assertThat(world.queries.forConversation("conv1").orElseThrow().leftForLater())
                .as("the widget shows it only while it waits").isFalse();
    }

    @Test
    void with_nothing_waiting_leaving_for_later_is_explained() {
        world.intake.leaveForLater("nobody", "anna@portal.example.com");
        assertThat(world.bot("nobody")).containsExactly(world.text("session.nothingToLeave"));
    }

    private SupportSession leftAndTaken() {
        SupportSession s = world.ask("conv1", "Help");
        world.intake.leaveForLater("conv1", "anna@portal.example.com");
        world.online("olga");
        world.advanceAndBeat(1);
        world.assignment.accept("olga", s.id());
        return s;
    }

    @Test
    void an_answer_to_an_administrator_without_an_open_widget_is_mailed_once_per_quiet_period() {
        SupportSession s = leftAndTaken();

        world.conversation.reply("olga", s.id(), "c1", "Restart the service, please.");
        world.conversation.reply("olga", s.id(), "c2", "And tell me whether it helped.");

        List<OutgoingMail> mails = world.mailbox.all();
        assertThat(mails).singleElement().satisfies(m -> {
            assertThat(m.recipient()).isEqualTo("anna@portal.example.com");
            assertThat(m.subject()).isEqualTo(world.text("mail.answer.subject"));
            assertThat(m.body()).contains("Restart the service, please.").contains("Olga Operator")
                    .contains("https://portal.example.com");
            assertThat(m.cause()).startsWith("answer:" + s.id() + ":");
        });

        world.advance(world.mail.quietMinutes * 60);
        world.conversation.reply("olga", s.id(), "c3", "Still there?");
        assertThat(world.mailbox.all()).hasSize(2);
        assertThat(world.mailbox.all().get(1).body()).contains("Still there?");
    }

    @Test
    void an_answer_made_of_files_is_mailed_naming_them() {
        SupportSession s = leftAndTaken();

        world.conversation.repliedWithFiles("olga", s.id(), 40, List.of("fix.png", "steps.txt"));

        assertThat(world.mailbox.all()).singleElement().satisfies(m -> {
            assertThat(m.recipient()).isEqualTo("anna@portal.example.com");
            assertThat(m.body()).contains(world.text("mail.answer.files", "fix.png, steps.txt"))
                    .contains("Olga Operator");
            assertThat(m.cause()).isEqualTo("answer:" + s.id() + ":40");
        });
    }

    @Test
    void an_answer_while_the_widget_is_open_is_not_mailed() {
        SupportSession s = leftAndTaken();
        world.widgets.open.add("conv1");

        world.conversation.reply("olga", s.id(), "c1", "Restart the service, please.");

        assertThat(world.mailbox.all()).isEmpty();
    }

    @Test
    void without_any_address_nothing_is_mailed_and_the_token_address_serves_when_none_was_left() {
        world.online("olga");
        SupportSession s = world.ask("conv1", "Help");
        world.assignment.accept("olga", s.id());

        world.conversation.reply("olga", s.id(), "c1", "Hello?");
        assertThat(world.mailbox.all()).as("no address known").isEmpty();

        Conversation c = world.conversations.find("conv1").orElseThrow();
        c.updateEmail("token@portal.example.com");
        world.advance(world.mail.quietMinutes * 60);
        world.conversation.reply("olga", s.id(), "c2", "Are you there?");
        assertThat(world.mailbox.all()).singleElement()
                .satisfies(m -> assertThat(m.recipient()).isEqualTo("token@portal.example.com"));
    }

    @Test
    void a_transcript_is_refused_while_no_session_closed_and_without_an_address() {
        world.online("olga");
        SupportSession s = world.ask("conv1", "Help");
        world.transcripts.requested("conv1");
        assertThat(world.bot("conv1")).endsWith(world.text("session.noTranscript"));

        world.assignment.accept("olga", s.id());
        world.conversation.close("olga", s.id());
        world.transcripts.requested("conv1");
        assertThat(world.bot("conv1")).endsWith(world.text("session.noEmail"));
        assertThat(world.mailbox.all()).isEmpty();
    }
}
