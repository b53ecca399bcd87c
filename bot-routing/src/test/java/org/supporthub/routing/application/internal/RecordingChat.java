package org.supporthub.routing.application.internal;

import org.supporthub.core.application.ActivationOutcome;
import org.supporthub.core.application.ChatOpening;
import org.supporthub.core.application.ChatService;
import org.supporthub.core.application.PostedMessage;
import org.supporthub.core.domain.model.conversation.AuthorKind;
import org.supporthub.core.domain.model.conversation.ConversationMessage;
import org.supporthub.core.domain.model.user.PortalUser;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The chat as routing uses it: notes and staff replies are recorded with a sequence number per
 * conversation; a staff reply resent with a known client id is recognised as a duplicate.
 */
final class RecordingChat implements ChatService {

    /** One stored message: a note (BOT or SYSTEM) or a staff reply (STAFF, with the staff member's name). */
    record Stored(String conversationId, long seq, AuthorKind kind, String author, String text) {
    }

    final List<Stored> stored = new ArrayList<>();
    private final Map<String, Long> lastSeq = new HashMap<>();
    private final Map<String, PostedMessage> byClientId = new HashMap<>();

    @Override
    public long note(String conversationId, AuthorKind kind, String text) {
        return append(conversationId, kind, null, text);
    }

    @Override
    public PostedMessage postAsStaff(String conversationId, String clientMsgId, String staffName, String text) {
        PostedMessage earlier = byClientId.get(conversationId + "/" + clientMsgId);
        if (earlier != null) {
            return new PostedMessage(clientMsgId, earlier.seq(), true);
        }
        PostedMessage posted = new PostedMessage(clientMsgId, append(conversationId, AuthorKind.STAFF, staffName,
                text), false);
        byClientId.put(conversationId + "/" + clientMsgId, posted);
        return posted;
    }

    /**
     * The number the administrator's next message gets: one sequence per conversation for everything in it,
     * as the real chat numbers them, so "written before the close" and "after it" compare as they would.
     */
    long administratorWrites(String conversationId) {
        return lastSeq.merge(conversationId, 1L, Long::sum);
    }

    private long append(String conversationId, AuthorKind kind, String author, String text) {
        long seq = lastSeq.merge(conversationId, 1L, Long::sum);
        stored.add(new Stored(conversationId, seq, kind, author, text));
        return seq;
    }

    List<Stored> of(String conversationId) {
        return stored.stream().filter(m -> m.conversationId().equals(conversationId)).toList();
    }

    /** The texts of a conversation's messages of one kind, oldest first. */
    List<String> texts(String conversationId, AuthorKind kind) {
        return of(conversationId).stream().filter(m -> m.kind() == kind).map(Stored::text).toList();
    }

    @Override
    public ChatOpening open(PortalUser user) {
        throw new UnsupportedOperationException();
    }

    @Override
    public ChatOpening open(PortalUser user, org.supporthub.core.domain.model.portal.Portal portal) {
        throw new UnsupportedOperationException();
    }

    @Override
    public PostedMessage post(PortalUser user, String conversationId, String clientMsgId, String text,
                              Consumer<PostedMessage> onStored) {
        throw new UnsupportedOperationException();
    }

    @Override
    public void command(PortalUser user, String conversationId, String name) {
        throw new UnsupportedOperationException();
    }

    @Override
    public org.supporthub.core.domain.model.portal.SupportLocale chooseLocale(PortalUser user, String conversationId,
                                                                              String locale) {
        throw new UnsupportedOperationException();
    }

    @Override
    public void tellAdministrators(String portalId, ActivationOutcome recheck) {
        throw new UnsupportedOperationException();
    }

    @Override
    public long noteWithActions(String conversationId, String text, List<String> actions) {
        long seq = note(conversationId, org.supporthub.core.domain.model.conversation.AuthorKind.BOT, text);
        offeredActions.put(conversationId + "/" + seq, List.copyOf(actions));
        return seq;
    }

    /** The buttons offered with bot notes, by conversation id and sequence number ("conv/seq"). */
    final java.util.Map<String, List<String>> offeredActions = new java.util.HashMap<>();

    @Override
    public java.util.Map<String, Long> lastSeqs(java.util.Collection<String> conversationIds) {
        throw new UnsupportedOperationException();
    }

    @Override
    public List<ConversationMessage> history(String conversationId, long afterSeq, int limit) {
        throw new UnsupportedOperationException();
    }
}
