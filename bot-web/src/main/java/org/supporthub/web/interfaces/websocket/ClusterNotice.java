package org.supporthub.web.interfaces.websocket;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import org.supporthub.core.domain.model.bot.BotState;
import org.supporthub.core.domain.model.bot.BotStateChange;
import org.supporthub.core.domain.model.conversation.AuthorKind;
import org.supporthub.core.domain.model.conversation.ConversationMessage;
import org.supporthub.core.domain.model.conversation.ReadReceipt;
import org.supporthub.core.domain.model.conversation.ReadSide;
import org.supporthub.core.domain.model.portal.SupportLocale;
import org.supporthub.core.domain.model.staff.ConsoleAccessChange;
import org.supporthub.routing.domain.model.session.SessionChange;
import org.supporthub.web.infrastructure.json.JsonBuilders;

import java.io.StringReader;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * What one hub instance tells the others after it committed a change (or saw a typing notice): enough
 * for each of them to push the change to its own sockets. A notice is JSON text with its kind under
 * {@code k}; each kind is a record that encodes itself and knows which local sockets it concerns.
 */
sealed interface ClusterNotice {

    /** Pushes the change to the sockets of this instance. */
    void deliverHere(LocalSockets here);

    JsonObjectBuilder body();

    /** The kind, as written on the wire between instances. */
    String kind();

    default String encode() {
        return body().add("k", kind()).build().toString();
    }

    /** The sockets of this instance that notices reach. */
    record LocalSockets(ChatConnections chats, ConsoleConnections consoles, SessionPushes sessions) {
    }

    /** The decoders by kind. */
    Map<String, Function<JsonObject, ClusterNotice>> DECODERS = Map.ofEntries(
            Map.entry(Message.KIND, Message::decode),
            Map.entry(SessionMoved.KIND, SessionMoved::decode),
            Map.entry(PresenceChanged.KIND, j -> new PresenceChanged(j.getString("operator"))),
            Map.entry(StateChanged.KIND, j -> new StateChanged(new BotStateChange(j.getString("portal"),
                    BotState.valueOf(j.getString("state"))))),
            Map.entry(ChannelDisabled.KIND, j -> new ChannelDisabled(j.getString("portal"))),
            Map.entry(AccessRevoked.KIND, AccessRevoked::decode),
            Map.entry(LocaleChosen.KIND, j -> new LocaleChosen(j.getString("conversation"),
                    SupportLocale.fromTag(j.getString("locale")).orElseThrow())),
            Map.entry(OperatorTyping.KIND, j -> new OperatorTyping(j.getString("conversation"), j.getString("name"))),
            Map.entry(AdministratorTyping.KIND, j -> new AdministratorTyping(j.getString("operator"),
                    j.getString("conversation"), j.getString("name"))),
            Map.entry(Read.KIND, j -> new Read(new ReadReceipt(j.getString("conversation"),
                    ReadSide.fromWire(j.getString("by")).orElseThrow(), j.getJsonNumber("seq").longValueExact()))),
            Map.entry(Returned.KIND, j -> new Returned(new AdministratorReturn(j.getString("conversation"),
                    j.getString("name")))));

    /**
     * @throws IllegalArgumentException for text that is no notice of a known kind (an instance of a newer
     *                                  version during a rolling upgrade may send kinds this one does not know)
     */
    static ClusterNotice decode(String text) {
        JsonObject json;
        try {
            json = JsonBuilders.PROVIDER.createReader(new StringReader(text)).readObject();
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("Not a notice: " + e.getMessage(), e);
        }
        Function<JsonObject, ClusterNotice> decoder = DECODERS.get(json.getString("k", ""));
        if (decoder == null) {
            throw new IllegalArgumentException("Unknown notice kind: " + json.getString("k", "(none)"));
        }
        try {
            return decoder.apply(json);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("Malformed " + json.getString("k") + " notice: " + e.getMessage(), e);
        }
    }

    /** A message stored: to the widgets of its conversation and the consoles that opened it. */
    record Message(ConversationMessage message) implements ClusterNotice {
        static final String KIND = "message";

        static Message decode(JsonObject j) {
            return new Message(new ConversationMessage(j.getString("portal"), j.getString("conversation"),
                    j.getJsonNumber("seq").longValueExact(), j.isNull("clientMsgId") ? null : j.getString("clientMsgId"),
                    AuthorKind.valueOf(j.getString("author")), j.isNull("name") ? null : j.getString("name"),
                    j.isNull("text") ? null : j.getString("text"),
                    j.getJsonArray("actions").getValuesAs(JsonString.class).stream().map(JsonString::getString).toList(),
                    Instant.parse(j.getString("at")),
                    // Absent from an instance of a version before files (a rolling upgrade): no files.
                    !j.containsKey("files") ? java.util.List.of() : j.getJsonArray("files")
                            .getValuesAs(JsonObject.class).stream()
                            .map(f -> new org.supporthub.core.domain.model.attachment.AttachedFile(f.getString("id"),
                                    f.getString("name"), f.getJsonNumber("size").longValueExact(),
                                    f.getString("type"), f.getBoolean("thumbnail"))).toList()));
        }

        @Override
        public void deliverHere(LocalSockets here) {
            here.chats().deliver(message);
            here.consoles().deliver(message);
        }

        @Override
        public JsonObjectBuilder body() {
            ConversationMessage m = message;
            JsonArrayBuilder actions = JsonBuilders.array();
            m.actions().forEach(actions::add);
            JsonObjectBuilder b = JsonBuilders.object().add("portal", m.portalId()).add("conversation", m.conversationId())
                    .add("seq", m.seq()).add("author", m.authorKind().name())
                    .add("actions", actions).add("at", m.at().toString());
            nullable(b, "clientMsgId", m.clientMsgId());
            nullable(b, "name", m.authorName());
            nullable(b, "text", m.text());
            if (!m.attachments().isEmpty()) {
                JsonArrayBuilder files = JsonBuilders.array();
                m.attachments().forEach(f -> files.add(JsonBuilders.object().add("id", f.id()).add("name", f.name())
                        .add("size", f.size()).add("type", f.type()).add("thumbnail", f.thumbnail())));
                b.add("files", files);
            }
            return b;
        }

        @Override
        public String kind() {
            return KIND;
        }
    }

    /** A support session moved: its widget and the queues of its channels are pushed afresh. */
    record SessionMoved(SessionChange change) implements ClusterNotice {
        static final String KIND = "session";

        static SessionMoved decode(JsonObject j) {
            return new SessionMoved(new SessionChange(j.getString("session"), j.getString("conversation"),
                    Set.copyOf(j.getJsonArray("channels").getValuesAs(JsonString.class).stream()
                            .map(JsonString::getString).toList())));
        }

        @Override
        public void deliverHere(LocalSockets here) {
            here.sessions().sessionsMoved(change);
        }

        @Override
        public JsonObjectBuilder body() {
            JsonArrayBuilder channels = JsonBuilders.array();
            change.channelIds().forEach(channels::add);
            return JsonBuilders.object().add("session", change.sessionId())
                    .add("conversation", change.conversationId()).add("channels", channels);
        }

        @Override
        public String kind() {
            return KIND;
        }
    }

    /** An operator's presence changed: that operator's consoles hear of it. */
    record PresenceChanged(String operator) implements ClusterNotice {
        static final String KIND = "presence";

        @Override
        public void deliverHere(LocalSockets here) {
            here.consoles().presenceChanged(operator);
        }

        @Override
        public JsonObjectBuilder body() {
            return JsonBuilders.object().add("operator", operator);
        }

        @Override
        public String kind() {
            return KIND;
        }
    }

    /** A portal's bot moved: the portal's widgets are told. */
    record StateChanged(BotStateChange change) implements ClusterNotice {
        static final String KIND = "state";

        @Override
        public void deliverHere(LocalSockets here) {
            here.chats().announceState(change);
        }

        @Override
        public JsonObjectBuilder body() {
            return JsonBuilders.object().add("portal", change.portalId()).add("state", change.state().name());
        }

        @Override
        public String kind() {
            return KIND;
        }
    }

    /** A portal switched its support channel off: its widgets close. */
    record ChannelDisabled(String portalId) implements ClusterNotice {
        static final String KIND = "disabled";

        @Override
        public void deliverHere(LocalSockets here) {
            here.chats().closeChats(portalId);
        }

        @Override
        public JsonObjectBuilder body() {
            return JsonBuilders.object().add("portal", portalId);
        }

        @Override
        public String kind() {
            return KIND;
        }
    }

    /** Console logins withdrawn: their sockets close, and cached checks are forgotten. */
    record AccessRevoked(ConsoleAccessChange change) implements ClusterNotice {
        static final String KIND = "revoked";

        static AccessRevoked decode(JsonObject j) {
            return new AccessRevoked(new ConsoleAccessChange(j.getString("account"),
                    j.isNull("token") ? null : j.getString("token"), j.getString("reason")));
        }

        @Override
        public void deliverHere(LocalSockets here) {
            here.consoles().accessRevoked(change);
        }

        @Override
        public JsonObjectBuilder body() {
            JsonObjectBuilder b = JsonBuilders.object().add("account", change.accountId()).add("reason", change.reason());
            nullable(b, "token", change.tokenId());
            return b;
        }

        @Override
        public String kind() {
            return KIND;
        }
    }

    /** The user of a conversation chose its language: its widgets switch. */
    record LocaleChosen(String conversationId, SupportLocale locale) implements ClusterNotice {
        static final String KIND = "locale";

        @Override
        public void deliverHere(LocalSockets here) {
            here.chats().localeChosen(conversationId, locale);
        }

        @Override
        public JsonObjectBuilder body() {
            return JsonBuilders.object().add("conversation", conversationId).add("locale", locale.tag());
        }

        @Override
        public String kind() {
            return KIND;
        }
    }

    /** The operator holding a conversation is typing: its widgets show it. */
    record OperatorTyping(String conversationId, String operatorName) implements ClusterNotice {
        static final String KIND = "typing-operator";

        @Override
        public void deliverHere(LocalSockets here) {
            here.chats().typing(conversationId, operatorName);
        }

        @Override
        public JsonObjectBuilder body() {
            return JsonBuilders.object().add("conversation", conversationId).add("name", operatorName);
        }

        @Override
        public String kind() {
            return KIND;
        }
    }

    /** The administrator of a conversation is typing: the consoles of the operator holding it show it. */
    record AdministratorTyping(String operator, String conversationId, String administrator) implements ClusterNotice {
        static final String KIND = "typing-administrator";

        @Override
        public void deliverHere(LocalSockets here) {
            here.consoles().typing(operator, conversationId, administrator);
        }

        @Override
        public JsonObjectBuilder body() {
            return JsonBuilders.object().add("operator", operator).add("conversation", conversationId)
                    .add("name", administrator);
        }

        @Override
        public String kind() {
            return KIND;
        }
    }

    /** A side of a conversation read it further: the other side's widgets and consoles show it. */
    record Read(ReadReceipt receipt) implements ClusterNotice {
        static final String KIND = "read";

        @Override
        public void deliverHere(LocalSockets here) {
            here.chats().read(receipt);
            here.consoles().read(receipt);
        }

        @Override
        public JsonObjectBuilder body() {
            return JsonBuilders.object().add("conversation", receipt.conversationId())
                    .add("by", receipt.by().wireName()).add("seq", receipt.seq());
        }

        @Override
        public String kind() {
            return KIND;
        }
    }

    /** The administrator of a conversation came back: the console of the operator holding it is told. */
    record Returned(AdministratorReturn back) implements ClusterNotice {
        static final String KIND = "returned";

        @Override
        public void deliverHere(LocalSockets here) {
            here.consoles().administratorReturned(back);
        }

        @Override
        public JsonObjectBuilder body() {
            return JsonBuilders.object().add("conversation", back.conversationId()).add("name", back.name());
        }

        @Override
        public String kind() {
            return KIND;
        }
    }

    private static void nullable(JsonObjectBuilder b, String name, String value) {
        if (value == null) {
            b.addNull(name);
        } else {
            b.add(name, value);
        }
    }
}
