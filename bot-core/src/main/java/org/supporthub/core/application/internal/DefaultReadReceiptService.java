package org.supporthub.core.application.internal;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.supporthub.core.application.InvalidChatInputException;
import org.supporthub.core.application.ReadReceiptService;
import org.supporthub.core.domain.model.conversation.ConversationRead;
import org.supporthub.core.domain.model.conversation.ReadMarkRepository;
import org.supporthub.core.domain.model.conversation.ReadMarks;
import org.supporthub.core.domain.model.conversation.ReadReceipt;
import org.supporthub.core.domain.model.conversation.ReadSide;

import java.util.Optional;
import java.util.OptionalLong;

/**
 * Moves read marks in one short transaction each and announces the moves; the event is observed after
 * commit, so nobody is told of a mark that could still roll back.
 */
@ApplicationScoped
public class DefaultReadReceiptService implements ReadReceiptService {

    @Inject
    ReadMarkRepository marks;

    @Inject
    @ConversationRead
    Event<ReadReceipt> announced;

    @Override
    @Transactional
    public Optional<ReadReceipt> read(String conversationId, ReadSide side, long seq) {
        if (seq < 1) {
            throw new InvalidChatInputException(InvalidChatInputException.Code.INVALID_SEQ,
                    "seq must be the sequence number of a message read, at least 1");
        }
        OptionalLong moved = marks.raise(conversationId, side, seq);
        if (moved.isEmpty()) {
            return Optional.empty();
        }
        ReadReceipt receipt = new ReadReceipt(conversationId, side, moved.getAsLong());
        announced.fire(receipt);
        return Optional.of(receipt);
    }

    @Override
    public ReadMarks marks(String conversationId) {
        return marks.marks(conversationId);
    }
}
