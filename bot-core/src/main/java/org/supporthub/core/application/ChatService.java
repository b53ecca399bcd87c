package org.supporthub.core.application;

import org.supporthub.core.domain.model.conversation.AuthorKind;

import org.supporthub.core.domain.model.conversation.ConversationMessage;
import org.supporthub.core.domain.model.user.PortalUser;

import java.util.List;
import java.util.function.Consumer;

/**
 * The chat between a portal user and the support bot: opening it, storing what the user writes, and the
 * bot's answers. Every message is stored, numbered and announced ({@code @MessageStored}) before anyone
 * is told it exists.
 */
public interface ChatService {

    /** Longest message text, in characters, after trimming. */
    int MAX_TEXT_LENGTH = 4000;

    /**
     * Opens (or reopens) the user's conversation; the first time, the bot greets the user.
     *
     * @throws SupportChannelDisabledException when the portal has not enabled its support channel
     */
    ChatOpening open(PortalUser user);

    /**
     * As {@link #open(PortalUser)}, with the user's portal as the caller has just read it (see
     * {@link UserTokenService#verifyWithPortal}): one read of the portal less per {@code hello}.
     *
     * @throws SupportChannelDisabledException when the portal has not enabled its support channel
     */
    ChatOpening open(PortalUser user, org.supporthub.core.domain.model.portal.Portal portal);

    /**
     * Stores a user's message, then lets the bot answer.
     *
     * @param onStored called once the message is committed (or recognised as a resend), before the bot
     *                 answers: this is where the caller acknowledges it
     * @throws InvalidChatInputException for empty or over-long text or a bad client message id
     */
    PostedMessage post(PortalUser user, String conversationId, String clientMsgId, String text,
                       Consumer<PostedMessage> onStored);

    /**
     * Stores a support operator's reply in a conversation, or recognises a resend of one already stored.
     *
     * @throws InvalidChatInputException for empty or over-long text or a bad client message id
     */
    PostedMessage postAsStaff(String conversationId, String clientMsgId, String staffName, String text);

    /**
     * Stores a note from the bot ({@link AuthorKind#BOT}) or the hub ({@link AuthorKind#SYSTEM}) in a
     * conversation, such as "an operator joined".
     *
     * @return the note's sequence number
     */
    long note(String conversationId, AuthorKind kind, String text);

    /** Stores a bot note that offers buttons (actions by name, such as {@code send-anyway}). */
    long noteWithActions(String conversationId, String text, List<String> actions);

    /**
     * Runs a bot command (the widget's buttons: "activate", "help", "status").
     *
     * @throws InvalidChatInputException with {@code UNKNOWN_COMMAND} for any other name
     */
    void command(PortalUser user, String conversationId, String name);

    /**
     * The user picked the language the bot should speak to them ({@code pl} or {@code en}, exactly): kept with
     * their conversation, it beats the language of their token and of their portal from the next answer on,
     * in every tab and after reconnects and restarts.
     *
     * @return the language now in force
     * @throws InvalidChatInputException with {@code INVALID_LOCALE} for anything but {@code pl} or {@code en}
     */
    org.supporthub.core.domain.model.portal.SupportLocale chooseLocale(PortalUser user, String conversationId,
                                                                       String locale);

    /**
     * Tells the portal's administrators, in their conversations, what a periodic re-check found: with
     * failures, that support is disconnected and why; without, that support is back.
     */
    void tellAdministrators(String portalId, ActivationOutcome recheck);

    /**
     * The latest sequence number of each conversation: delivery compares it with what it sent, to catch up
     * with messages stored by another hub instance.
     */
    java.util.Map<String, Long> lastSeqs(java.util.Collection<String> conversationIds);

    /** What the conversation holds after {@code afterSeq}, oldest first. */
    List<ConversationMessage> history(String conversationId, long afterSeq, int limit);
}
