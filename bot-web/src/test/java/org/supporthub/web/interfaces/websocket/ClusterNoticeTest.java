package org.supporthub.web.interfaces.websocket;

import org.junit.jupiter.api.Test;
import org.supporthub.core.domain.model.bot.BotState;
import org.supporthub.core.domain.model.bot.BotStateChange;
import org.supporthub.core.domain.model.conversation.AuthorKind;
import org.supporthub.core.domain.model.conversation.ConversationMessage;
import org.supporthub.core.domain.model.conversation.ReadReceipt;
import org.supporthub.core.domain.model.conversation.ReadSide;
import org.supporthub.core.domain.model.portal.SupportLocale;
import org.supporthub.core.domain.model.staff.ConsoleAccessChange;
import org.supporthub.routing.domain.model.session.SessionChange;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The notices one hub instance sends the others: each kind survives the trip unchanged (so the receiving
 * instance pushes exactly what the sender would have), reaches the right sockets there, and what is no
 * notice is refused rather than guessed.
 */
class ClusterNoticeTest {

    private static final ConversationMessage MESSAGE = new ConversationMessage("portal-1", "conv-1", 42, "c-9",
            AuthorKind.USER, "Ala \"admin\" Kowalska", "Zażółć <b>gęślą</b>\njaźń", List.of("activate", "send-anyway"),
            Instant.parse("2026-12-01T10:15:30.123456Z"));

    static List<ClusterNotice> everyKind() {
        return List.of(
                new ClusterNotice.Message(MESSAGE),
                new ClusterNotice.Message(new ConversationMessage("p", "c", 1, null, AuthorKind.BOT, null, null,
                        List.of(), Instant.EPOCH)),
                new ClusterNotice.SessionMoved(new SessionChange("s-1", "conv-1", Set.of("ch-1", "ch-2"))),
                new ClusterNotice.PresenceChanged("anna"),
                new ClusterNotice.StateChanged(new BotStateChange("portal-1", BotState.values()[BotState.values().length - 1])),
                new ClusterNotice.ChannelDisabled("portal-1"),
                new ClusterNotice.AccessRevoked(ConsoleAccessChange.account("acc-1")),
                new ClusterNotice.AccessRevoked(ConsoleAccessChange.token("acc-1", "tok-1")),
                new ClusterNotice.LocaleChosen("conv-1", SupportLocale.PL),
                new ClusterNotice.OperatorTyping("conv-1", "Anna"),
                new ClusterNotice.AdministratorTyping("anna", "conv-1", "Ala"),
                new ClusterNotice.Read(new ReadReceipt("conv-1", ReadSide.OPERATOR, 12)),
                new ClusterNotice.Returned(new AdministratorReturn("conv-1", "Ala")));
    }

    @Test
    void everyKindOfNoticeSurvivesTheTripUnchanged() {
        for (ClusterNotice notice : everyKind()) {
            assertThat(ClusterNotice.decode(notice.encode())).as(notice.kind()).isEqualTo(notice);
        }
        assertThat(everyKind().stream().map(ClusterNotice::kind).distinct())
                .containsExactlyInAnyOrderElementsOf(ClusterNotice.DECODERS.keySet());
    }

    @Test
    void aMessageWithFilesKeepsThemOnTheWayToTheOtherInstances() {
        ClusterNotice.Message withFiles = new ClusterNotice.Message(new ConversationMessage("p", "c", 2, "c-10",
                AuthorKind.USER, "Ala", "", List.of(), Instant.EPOCH, List.of(
                new org.supporthub.core.domain.model.attachment.AttachedFile("a-1", "shot.png", 1234, "image/png", true),
                new org.supporthub.core.domain.model.attachment.AttachedFile("a-2", "server.log", 9, "text/plain",
                        false))));
        assertThat(ClusterNotice.decode(withFiles.encode())).isEqualTo(withFiles);
        // A notice from an instance of a version before files has none.
        assertThat(((ClusterNotice.Message) ClusterNotice.decode(new ClusterNotice.Message(MESSAGE).encode()))
                .message().attachments()).isEmpty();
    }

    @Test
    void whatIsNoNoticeOfAKnownKindIsRefused() {
        for (String bad : List.of("", "not json", "[]", "{}", "{\"k\":\"unknown\"}", "{\"k\":\"message\"}",
                "{\"k\":\"state\",\"portal\":\"p\",\"state\":\"FLYING\"}", "{\"k\":\"locale\",\"conversation\":\"c\",\"locale\":\"xx\"}")) {
            assertThatThrownBy(() -> ClusterNotice.decode(bad)).as(bad).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void eachNoticeReachesTheSocketsItConcerns() {
        List<String> calls = new ArrayList<>();
        ClusterNotice.LocalSockets here = recording(calls::add);
        everyKind().forEach(n -> n.deliverHere(here));
        assertThat(calls).containsExactly(
                "chat message conv-1#42", "console message conv-1#42",
                "chat message c#1", "console message c#1",
                "session conv-1 [ch-1, ch-2]",
                "presence anna",
                "state portal-1",
                "close portal-1",
                "revoked acc-1 null", "revoked acc-1 tok-1",
                "locale conv-1 pl",
                "operator typing conv-1 Anna",
                "administrator typing anna conv-1 Ala",
                "chat read conv-1 OPERATOR 12", "console read conv-1 OPERATOR 12",
                "returned conv-1 Ala");
    }

    @Test
    void aReceivedNoticeIsPushedHereAndAGarbledOneIsDroppedWithoutHarm() {
        List<String> calls = new ArrayList<>();
        ClusterDelivery delivery = new ClusterDelivery();
        ClusterNotice.LocalSockets here = recording(calls::add);
        delivery.chats = here.chats();
        delivery.consoles = here.consoles();
        delivery.sessions = here.sessions();
        delivery.init();
        delivery.received("{\"k\":\"from-a-newer-version\"}");
        delivery.received(new ClusterNotice.PresenceChanged("anna").encode());
        assertThat(calls).containsExactly("presence anna");
    }

    @Test
    void typingAndChosenLanguagesGoToTheLocalSocketsAndToTheOtherInstances() {
        List<String> calls = new ArrayList<>();
        List<String> published = new ArrayList<>();
        ClusterDelivery delivery = new ClusterDelivery();
        ClusterNotice.LocalSockets here = recording(calls::add);
        delivery.chats = here.chats();
        delivery.consoles = here.consoles();
        delivery.sessions = here.sessions();
        delivery.cluster = new org.supporthub.core.application.ClusterMessaging() {
            @Override
            public void publish(String notice) {
                published.add(notice);
            }

            @Override
            public void subscribe(Consumer<String> receiver) {
            }

            @Override
            public Counts counts() {
                return new Counts(published.size(), 0, 0);
            }
        };
        delivery.init();
        delivery.operatorTyping("conv-1", "Anna");
        delivery.administratorTyping("anna", "conv-1", "Ala");
        delivery.localeChosen("conv-1", SupportLocale.EN);
        delivery.messageStored(MESSAGE);
        assertThat(calls).containsExactly("operator typing conv-1 Anna", "administrator typing anna conv-1 Ala",
                "locale conv-1 en");
        assertThat(published).extracting(ClusterNotice::decode).containsExactly(
                new ClusterNotice.OperatorTyping("conv-1", "Anna"),
                new ClusterNotice.AdministratorTyping("anna", "conv-1", "Ala"),
                new ClusterNotice.LocaleChosen("conv-1", SupportLocale.EN),
                new ClusterNotice.Message(MESSAGE));
    }

    /** Sockets that write down what they were asked to push. */
    private static ClusterNotice.LocalSockets recording(Consumer<String> log) {
        ChatConnections chats = new ChatConnections() {
            @Override
            void deliver(ConversationMessage m) {
                log.accept("chat message " + m.conversationId() + "#" + m.seq());
            }

            @Override
            void closeChats(String portalId) {
                log.accept("close " + portalId);
            }

            @Override
            void announceState(BotStateChange change) {
                log.accept("state " + change.portalId());
            }

            @Override
            void localeChosen(String conversationId, SupportLocale locale) {
                log.accept("locale " + conversationId + " " + locale.tag());
            }

            @Override
            void typing(String conversationId, String operatorName) {
                log.accept("operator typing " + conversationId + " " + operatorName);
            }

            @Override
            void read(ReadReceipt receipt) {
                log.accept("chat read " + receipt.conversationId() + " " + receipt.by() + " " + receipt.seq());
            }
        };
        ConsoleConnections consoles = new ConsoleConnections() {
            @Override
            void deliver(ConversationMessage m) {
                log.accept("console message " + m.conversationId() + "#" + m.seq());
            }

            @Override
            void presenceChanged(String operator) {
                log.accept("presence " + operator);
            }

            @Override
            void accessRevoked(ConsoleAccessChange change) {
                log.accept("revoked " + change.accountId() + " " + change.tokenId());
            }

            @Override
            void typing(String operator, String conversationId, String administrator) {
                log.accept("administrator typing " + operator + " " + conversationId + " " + administrator);
            }

            @Override
            void read(ReadReceipt receipt) {
                log.accept("console read " + receipt.conversationId() + " " + receipt.by() + " " + receipt.seq());
            }

            @Override
            void administratorReturned(AdministratorReturn back) {
                log.accept("returned " + back.conversationId() + " " + back.name());
            }
        };
        SessionPushes sessions = new SessionPushes() {
            @Override
            void sessionsMoved(SessionChange change) {
                log.accept("session " + change.conversationId() + " " + new java.util.TreeSet<>(change.channelIds()));
            }
        };
        return new ClusterNotice.LocalSockets(chats, consoles, sessions);
    }
}
