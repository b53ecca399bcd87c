package org.supporthub.core.application;

import org.supporthub.core.domain.model.attachment.AttachedFile;
import org.supporthub.core.domain.model.attachment.Attachment;
import org.supporthub.core.domain.model.attachment.AttachmentRefusedException;
import org.supporthub.core.domain.model.conversation.AuthorKind;

import java.util.List;
import java.util.Optional;

/**
 * Files in the conversation: a message that carries files, stored under the same exactly-once rule as text
 * (its client id), acknowledged only once the files' bytes are durable; reading them back; and removing them
 * with their conversation. Who may do what (participants only) is the caller's to decide: it knows how the
 * caller proved who they are.
 */
public interface AttachmentService {

    /** A file as it arrived: the name the sender gave it (shown only) and its bytes. */
    record IncomingFile(String name, byte[] content) {
    }

    /**
     * The message as stored.
     *
     * @param duplicate true when the client id was stored already: nothing new was stored, this is the message
     *                  stored the first time
     */
    record Uploaded(String conversationId, String clientMsgId, long seq, boolean duplicate, List<AttachedFile> files) {
    }

    /**
     * Stores a message with files in the conversation, or recognises a resend of one already stored (the same
     * client id: then it answers with the stored message, whatever this request carried). Checks the limits
     * and the type of every file from its content; stores the bytes before the message, so an acknowledged
     * message never refers to bytes that are not there.
     *
     * @param kind       {@link AuthorKind#USER} (the widget) or {@link AuthorKind#STAFF} (the console)
     * @param text       optional words with the files (may be null or blank)
     * @throws AttachmentRefusedException for a refused upload (nothing was stored)
     */
    Uploaded upload(String conversationId, AuthorKind kind, String authorName, String clientMsgId, String text,
                    List<IncomingFile> files);

    Optional<Attachment> find(String attachmentId);

    /** The attachment's bytes. */
    Optional<byte[]> content(Attachment attachment);

    /** The conversation's files, oldest first (for transcripts). */
    List<Attachment> ofConversation(String conversationId);

    /**
     * Removes the conversation's attachment records and the bytes no other conversation refers to. Runs in
     * the caller's transaction for the records; the bytes go once no record refers to them.
     */
    void deleteOfConversation(String conversationId);
}
