package org.supporthub.core.application;

import org.supporthub.core.domain.model.conversation.ReadMarks;
import org.supporthub.core.domain.model.conversation.ReadReceipt;
import org.supporthub.core.domain.model.conversation.ReadSide;

import java.util.Optional;

/**
 * Read receipts: how far each side of a conversation has read it. The administrator's widget says how far
 * they read, the operator's console likewise; each side is shown the other's mark. Marks are stored with
 * the conversation, so they survive reconnects and restarts, and they only ever move up.
 *
 * <p>Who may move which mark is the caller's check (the widget's socket speaks for its conversation's user,
 * the console's for the operator holding the session); this service keeps the marks sane.
 */
public interface ReadReceiptService {

    /**
     * The side has read the conversation up to {@code seq} (a number above the last stored message counts as
     * the last one). Once committed, a moved mark is announced ({@code @ConversationRead}).
     *
     * @return the receipt when the mark moved up; empty when it was already there or higher (a repeat or an
     * older frame changes nothing and announces nothing)
     * @throws InvalidChatInputException {@code INVALID_SEQ} for a number below 1
     */
    Optional<ReadReceipt> read(String conversationId, ReadSide side, long seq);

    /** Both marks as stored now. */
    ReadMarks marks(String conversationId);
}
