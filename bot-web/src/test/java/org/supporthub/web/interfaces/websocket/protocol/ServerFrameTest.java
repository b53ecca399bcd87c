package org.supporthub.web.interfaces.websocket.protocol;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.supporthub.core.application.BotTexts;
import org.supporthub.core.application.ChatOpening;
import org.supporthub.core.application.PostedMessage;
import org.supporthub.core.domain.model.bot.BotState;
import org.supporthub.core.domain.model.conversation.AuthorKind;
import org.supporthub.core.domain.model.conversation.ConversationMessage;
import org.supporthub.core.domain.model.portal.SupportLocale;
import org.supporthub.core.domain.model.user.PortalUser;
import org.supporthub.routing.application.SupportSessionQueries.ChannelSummary;
import org.supporthub.routing.application.SupportSessionQueries.ConsoleSession;
import org.supporthub.routing.application.SupportSessionQueries.Label;
import org.supporthub.routing.application.SupportSessionQueries.OperatorProfile;
import org.supporthub.routing.application.SupportSessionQueries.OperatorSummary;
import org.supporthub.routing.application.SupportSessionQueries.WidgetSession;
import org.supporthub.routing.domain.model.SupportSessionState;
import org.supporthub.routing.domain.model.channel.CannedResponse;
import org.supporthub.routing.domain.model.operator.PresenceStatus;

import java.io.StringReader;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Pins the JSON of every frame the hub sends (docs/protocol.md, sections 4, 8 and 10): each property and
 * value, which optional ones are left out and which nullable ones are sent as {@code null}. The widget and
 * the console read exactly these. Single quotes in the expected texts stand for double quotes; property
 * order is not part of the protocol.
 */
class ServerFrameTest {

    private static final String ID = "c8f2b1a4-2d63-4a47-9d0b-0f3d0a3e6e11";
    private static final Instant AT = Instant.parse("2025-03-01T10:15:30.250Z");
    private final BotTexts texts = new BotTexts();

    @Test
    void welcome() {
        PortalUser anna = new PortalUser("p1", "u-17", "Anna Nowak", true, List.of("Employees"), Optional.empty());
        assertEncodes(WelcomeFrame.of(new ChatOpening("conv-1", BotState.CONNECTED, SupportLocale.PL, 42), anna),
                "{'type':'welcome','conversationId':'conv-1','user':{'name':'Anna Nowak','admin':true},"
                        + "'locale':'pl','botState':'CONNECTED','lastSeq':42}");
    }

    @Test
    void welcomeWithTheAddressOfTheToken() {
        PortalUser anna = new PortalUser("p1", "u-17", "Anna Nowak", true, List.of("Employees"), Optional.empty(),
                Optional.of("anna@portal.test"));
        assertEncodes(WelcomeFrame.of(new ChatOpening("conv-1", BotState.CONNECTED, SupportLocale.PL, 42), anna),
                "{'type':'welcome','conversationId':'conv-1','user':{'name':'Anna Nowak','admin':true,"
                        + "'email':'anna@portal.test'},'locale':'pl','botState':'CONNECTED','lastSeq':42}");
    }

    @Test
    void aSessionLeftForLaterSaysSo() {
        assertEncodes(new SessionFrame("s1", org.supporthub.routing.domain.model.SupportSessionState.WAITING, true, 2,
                        null, false, false, null, true),
                "{'type':'session','sessionId':'s1','state':'WAITING','outOfHours':true,'queuePosition':2,"
                        + "'leftForLater':true,'vote':{'open':false,'value':null}}");
    }

    @Test
    void acks() {
        assertEncodes(AckFrame.of(new PostedMessage(ID, 7, false)),
                "{'type':'ack','clientMsgId':'" + ID + "','seq':7,'duplicate':false}");
        assertEncodes(AckFrame.of(new PostedMessage(ID, 7, true)),
                "{'type':'ack','clientMsgId':'" + ID + "','seq':7,'duplicate':true}");
        assertEncodes(AckFrame.inConversation(new PostedMessage(ID, 8, false), "conv-1"),
                "{'type':'ack','clientMsgId':'" + ID + "','seq':8,'duplicate':false,'conversationId':'conv-1'}");
    }

    @Test
    void aUsersMessageCarriesItsClientMsgIdAndNoActions() {
        ConversationMessage m = new ConversationMessage("p1", "conv-1", 3, ID, AuthorKind.USER, "Anna", "Hello",
                List.of(), AT);
        assertEncodes(MessageFrame.forWidget(m, SupportLocale.PL, texts),
                "{'type':'message','seq':3,'author':{'kind':'user','name':'Anna'},'text':'Hello',"
                        + "'at':'2025-03-01T10:15:30.250Z','clientMsgId':'" + ID + "'}");
    }

    @Test
    void aBotMessageOffersItsActionsLabelledInTheReadersLanguage() {
        ConversationMessage m = new ConversationMessage("p1", "conv-1", 4, null, AuthorKind.BOT, "Bot", "Ready?",
                List.of("activate", "send-anyway"), AT);
        assertEncodes(MessageFrame.forWidget(m, SupportLocale.PL, texts),
                "{'type':'message','seq':4,'author':{'kind':'bot','name':'Bot'},'text':'Ready?',"
                        + "'at':'2025-03-01T10:15:30.250Z','actions':[{'name':'activate','label':'Aktywuj'},"
                        + "{'name':'send-anyway','label':'Wyślij mimo to do pomocy technicznej'}]}");
        // the console's: labels in English, and the conversation it belongs to
        assertEncodes(MessageFrame.forConsole(m, texts),
                "{'type':'message','seq':4,'author':{'kind':'bot','name':'Bot'},'text':'Ready?',"
                        + "'at':'2025-03-01T10:15:30.250Z','actions':[{'name':'activate','label':'Activate'},"
                        + "{'name':'send-anyway','label':'Send to support anyway'}],'conversationId':'conv-1'}");
    }

    @Test
    void staffAndSystemAuthors() {
        ConversationMessage staff = new ConversationMessage("p1", "conv-1", 5, ID, AuthorKind.STAFF, "Olga", "Hi",
                List.of(), AT);
        assertEncodes(MessageFrame.forConsole(staff, texts),
                "{'type':'message','seq':5,'author':{'kind':'staff','name':'Olga'},'text':'Hi',"
                        + "'at':'2025-03-01T10:15:30.250Z','clientMsgId':'" + ID + "','conversationId':'conv-1'}");
        ConversationMessage system = new ConversationMessage("p1", "conv-1", 6, null, AuthorKind.SYSTEM, "Hub",
                "Closed", List.of(), AT);
        assertEncodes(MessageFrame.forWidget(system, SupportLocale.EN, texts),
                "{'type':'message','seq':6,'author':{'kind':'system','name':'Hub'},'text':'Closed',"
                        + "'at':'2025-03-01T10:15:30.250Z'}");
    }

    @Test
    void errors() {
        assertEncodes(ErrorFrame.of("MALFORMED_JSON", "A frame must be one JSON object"),
                "{'type':'error','code':'MALFORMED_JSON','message':'A frame must be one JSON object'}");
        assertEncodes(ErrorFrame.of("TEXT_EMPTY", "empty").about(ID, null),
                "{'type':'error','code':'TEXT_EMPTY','message':'empty','clientMsgId':'" + ID + "'}");
        assertEncodes(ErrorFrame.of("NOT_YOURS", "not yours").about(ID, "s1"),
                "{'type':'error','code':'NOT_YOURS','message':'not yours','clientMsgId':'" + ID + "','sessionId':'s1'}");
        assertEncodes(ErrorFrame.of("SESSION_TAKEN", "taken").about(null, "s1"),
                "{'type':'error','code':'SESSION_TAKEN','message':'taken','sessionId':'s1'}");
    }

    @Test
    void rateLimitedNamesTheLimitAndWhenToRetry() {
        assertEncodes(ErrorFrame.rateLimited("Too many frames; try again in 250 ms", "widget-messages-per-socket", 250)
                        .about(ID, null),
                "{'type':'error','code':'RATE_LIMITED','message':'Too many frames; try again in 250 ms',"
                        + "'limit':'widget-messages-per-socket','retryAfterMs':250,'clientMsgId':'" + ID + "'}");
    }

    @Test
    void state() {
        assertEncodes(new StateFrame(BotState.ACTIVATING), "{'type':'state','botState':'ACTIVATING'}");
        assertEncodes(new StateFrame(BotState.CONNECTED), "{'type':'state','botState':'CONNECTED'}");
    }

    @Test
    void pong() {
        assertEncodes(new PongFrame(), "{'type':'pong'}");
        assertThat(new PongFrame().encode()).isEqualTo("{\"type\":\"pong\"}");
    }

    @Test
    void typing() {
        assertEncodes(TypingFrame.operator("Olga"), "{'type':'typing','name':'Olga'}");
        assertEncodes(TypingFrame.administrator("Anna", "conv-1"),
                "{'type':'typing','name':'Anna','conversationId':'conv-1'}");
    }

    @Test
    void aWaitingSessionShowsItsPlaceAndNoOperator() {
        assertEncodes(SessionFrame.of(new WidgetSession("s1", SupportSessionState.WAITING, 2, null, true, false,
                        null, false)),
                "{'type':'session','sessionId':'s1','state':'WAITING','outOfHours':true,'queuePosition':2,"
                        + "'vote':{'open':false,'value':null}}");
    }

    @Test
    void anAssignedHeldOrVotedSession() {
        assertEncodes(SessionFrame.of(new WidgetSession("s1", SupportSessionState.ASSIGNED, 0, "Olga", false, false,
                        null, false)),
                "{'type':'session','sessionId':'s1','state':'ASSIGNED','outOfHours':false,'operator':{'name':'Olga'},"
                        + "'vote':{'open':false,'value':null}}");
        assertEncodes(SessionFrame.of(new WidgetSession("s1", SupportSessionState.WAITING, 1, null, false, false,
                        null, true)),
                "{'type':'session','sessionId':'s1','state':'WAITING','outOfHours':false,'queuePosition':1,"
                        + "'held':true,'vote':{'open':false,'value':null}}");
        assertEncodes(SessionFrame.of(new WidgetSession("s1", SupportSessionState.CLOSED, 0, "Olga", false, true,
                        "like", false)),
                "{'type':'session','sessionId':'s1','state':'CLOSED','outOfHours':false,'operator':{'name':'Olga'},"
                        + "'vote':{'open':true,'value':'like'}}");
    }

    @Test
    void sessionFramesThatSayTheSameAreEqual() {
        SessionFrame a = SessionFrame.of(new WidgetSession("s1", SupportSessionState.WAITING, 0, null, false, false,
                null, false));
        SessionFrame b = SessionFrame.of(new WidgetSession("s1", SupportSessionState.WAITING, -1, null, false, false,
                null, false));
        assertThat(a).isEqualTo(b);
        assertThat(a.encode()).isEqualTo(b.encode());
        assertThat(a.closed()).isFalse();
        assertThat(SessionFrame.of(new WidgetSession("s1", SupportSessionState.CLOSED, 0, null, false, false, null,
                false)).closed()).isTrue();
    }

    @Test
    void theLanguageTheUserChose() {
        assertEncodes(new LocaleFrame("pl"), "{'type':'locale','locale':'pl'}");
    }

    @Test
    void consoleWelcomeNamesTheConsoleLanguageTheStaffMemberChose() {
        OperatorProfile profile = new OperatorProfile("olga", "Olga Operator", PresenceStatus.OFFLINE, List.of(),
                List.of());
        assertEncodes(new ConsoleWelcomeFrame(profile, "pl", List.of()),
                "{'type':'welcome','operator':{'username':'olga','name':'Olga Operator','locale':'pl'},"
                        + "'status':'OFFLINE','channels':[],'operators':[],'sessions':[],"
                        + "'notifications':{'offers':true,'messages':true,'returns':true,'sound':true}}");
    }

    @Test
    void consoleWelcomeNamesTheNotificationsTheOperatorSwitchedOff() {
        OperatorProfile profile = new OperatorProfile("olga", "Olga Operator", PresenceStatus.OFFLINE, List.of(),
                List.of());
        assertEncodes(new ConsoleWelcomeFrame(profile, null, List.of(),
                        new org.supporthub.core.domain.model.staff.ConsoleNotifications(true, false, true, false)),
                "{'type':'welcome','operator':{'username':'olga','name':'Olga Operator'},"
                        + "'status':'OFFLINE','channels':[],'operators':[],'sessions':[],"
                        + "'notifications':{'offers':true,'messages':false,'returns':true,'sound':false}}");
    }

    @Test
    void readReceiptsNameTheReaderAndForTheConsoleTheConversation() {
        assertEncodes(ReadFrame.forWidget(org.supporthub.core.domain.model.conversation.ReadSide.OPERATOR, 9),
                "{'type':'read','by':'operator','seq':9}");
        assertEncodes(ReadFrame.forConsole(new org.supporthub.core.domain.model.conversation.ReadReceipt("conv-1",
                        org.supporthub.core.domain.model.conversation.ReadSide.ADMINISTRATOR, 4)),
                "{'type':'read','by':'administrator','seq':4,'conversationId':'conv-1'}");
    }

    @Test
    void theEndOfAConsolesReplayCarriesBothReadMarks() {
        assertEncodes(new OpenedFrame("conv-1", 12, new org.supporthub.core.domain.model.conversation.ReadMarks(7, 12)),
                "{'type':'opened','conversationId':'conv-1','lastSeq':12,'read':{'operator':7,'administrator':12}}");
    }

    @Test
    void anAdministratorCameBack() {
        assertEncodes(new ReturnedFrame("conv-1", "Anna Nowak"),
                "{'type':'returned','conversationId':'conv-1','name':'Anna Nowak'}");
    }

    @Test
    void presence() {
        assertEncodes(new PresenceFrame(PresenceStatus.AWAY), "{'type':'presence','status':'AWAY'}");
    }

    @Test
    void consoleWelcomeWithChannelsOperatorsAndSessions() {
        OperatorProfile profile = new OperatorProfile("olga", "Olga Operator", PresenceStatus.ONLINE,
                List.of(new ChannelSummary("c1", "Support", "AUTOMATIC",
                        List.of(new CannedResponse("Thanks", "Thank you for waiting.")))),
                List.of(new OperatorSummary("piotr", "Piotr", PresenceStatus.AWAY)));
        assertEncodes(new ConsoleWelcomeFrame(profile, List.of(waiting())),
                "{'type':'welcome','operator':{'username':'olga','name':'Olga Operator'},'status':'ONLINE',"
                        + "'channels':[{'id':'c1','name':'Support','routingMode':'AUTOMATIC',"
                        + "'cannedResponses':[{'title':'Thanks','text':'Thank you for waiting.'}]}],"
                        + "'operators':[{'username':'piotr','name':'Piotr','status':'AWAY'}],"
                        + "'sessions':[" + WAITING_JSON + "],"
                        + "'notifications':{'offers':true,'messages':true,'returns':true,'sound':true}}");
    }

    @Test
    void sessionsSendEveryFieldWithNullsForNoOperatorAndNoNote() {
        assertEncodes(new SessionsFrame(List.of(waiting(), assigned())),
                "{'type':'sessions','sessions':[" + WAITING_JSON + "," + ASSIGNED_JSON + "]}");
        assertEncodes(new SessionsFrame(List.of()), "{'type':'sessions','sessions':[]}");
    }

    @Test
    void sessionsDelta() {
        assertEncodes(new SessionsDeltaFrame(List.of(waiting()), List.of(assigned()), List.of("s9", "s8")),
                "{'type':'sessionsDelta','added':[" + WAITING_JSON + "],'changed':[" + ASSIGNED_JSON + "],"
                        + "'removed':['s9','s8']}");
        assertEncodes(new SessionsDeltaFrame(List.of(), List.of(), List.of()),
                "{'type':'sessionsDelta','added':[],'changed':[],'removed':[]}");
    }

    private static ConsoleSession waiting() {
        return new ConsoleSession("s1", "conv-1", "p1", "Portal One", "Anna", "c1", "Support",
                SupportSessionState.WAITING, null, true, Instant.parse("2025-03-01T10:00:00Z"), 930, "It broke",
                null, 1, new Label("INSTALLATION", "COVERED", 0.8765, null), true);
    }

    private static final String WAITING_JSON = "{'sessionId':'s1','conversationId':'conv-1','portalId':'p1',"
            + "'portalName':'Portal One','administrator':'Anna','channelId':'c1','channelName':'Support',"
            + "'state':'WAITING','offeredToMe':true,'askedAt':'2025-03-01T10:00:00Z','waitingSeconds':930,"
            + "'firstMessage':'It broke','queuePosition':1,'leftForLater':true,"
            + "'triage':{'area':'INSTALLATION','coverage':'COVERED','confidence':0.88},"
            + "'operator':null,'note':null}";

    private static ConsoleSession assigned() {
        return new ConsoleSession("s2", "conv-2", "p2", "Portal Two", "Jan", "c1", "Support",
                SupportSessionState.ASSIGNED, "olga", false, Instant.parse("2025-03-01T09:00:00Z"), 4530, "Billing?",
                "VIP customer", 0, new Label("BILLING", "NOT_COVERED", 0.5, "3.2 Invoices"));
    }

    private static final String ASSIGNED_JSON = "{'sessionId':'s2','conversationId':'conv-2','portalId':'p2',"
            + "'portalName':'Portal Two','administrator':'Jan','channelId':'c1','channelName':'Support',"
            + "'state':'ASSIGNED','offeredToMe':false,'askedAt':'2025-03-01T09:00:00Z','waitingSeconds':4530,"
            + "'firstMessage':'Billing?','queuePosition':0,'leftForLater':false,"
            + "'triage':{'area':'BILLING','coverage':'NOT_COVERED','confidence':0.5,'policyItem':'3.2 Invoices'},"
            + "'operator':'olga','note':'VIP customer'}";

    private static void assertEncodes(ServerFrame frame, String expected) {
        assertThat(read(frame.encode())).isEqualTo(read(expected.replace('\'', '"')));
        assertThat(frame.toJson()).isEqualTo(read(frame.encode()));
    }

    private static JsonObject read(String json) {
        try (var reader = Json.createReader(new StringReader(json))) {
            return reader.readObject();
        }
    }
}
