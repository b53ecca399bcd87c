package org.supporthub.core.domain.model.attachment;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** The attachments of conversations (their records; the bytes are in the {@link AttachmentStore}). */
public interface AttachmentRepository {

    void store(Attachment attachment);

    Optional<Attachment> find(String id);

    /** The attachments of these messages of the conversation, by sequence number and position. */
    List<Attachment> ofMessages(String conversationId, Collection<Long> seqs);

    /** Every attachment of the conversation, by sequence number and position. */
    List<Attachment> ofConversation(String conversationId);

    /** Bytes attached in the conversation so far. */
    long bytesInConversation(String conversationId);

    /** Bytes attached in all conversations of the portal since {@code since}. */
    long bytesOfPortalSince(String portalId, Instant since);

    /**
     * Takes the portal's upload lock for the rest of the transaction: the portal's daily total is checked and
     * raised by one upload at a time, across instances (two uploads at once could otherwise both pass it).
     */
    void lockPortalUploads(String portalId);

    /** Whether any attachment still refers to this content. */
    boolean referenced(String sha256);

    /**
     * Removes the conversation's attachment records.
     *
     * @return the hashes they referred to (the caller removes the content no longer referenced)
     */
    List<String> deleteOfConversation(String conversationId);
}
