package org.supporthub.core.domain.model.attachment;

import java.util.List;

/**
 * Why an upload was refused, with what the explanation needs (such as the limit that was reached). The
 * explanation itself is worded for the person in their language (AttachmentTexts).
 */
public record AttachmentRefusal(Code code, List<Object> args) {

    public enum Code {
        /** The request carried no file. */
        NO_FILE,
        EMPTY_FILE,
        FILE_TOO_LARGE,
        TOO_MANY_FILES,
        CONVERSATION_FULL,
        PORTAL_DAILY_LIMIT,
        /** The content is none of the accepted types. */
        FORBIDDEN_TYPE,
        /** The caller is no participant of the conversation (or may not write to it now). */
        NOT_PARTICIPANT,
        INVALID_CLIENT_MSG_ID,
        /** The optional text with the files is too long. */
        TEXT_TOO_LONG,
        /** The request is no well-formed multipart form. */
        MALFORMED_UPLOAD,
        /** The hub holds as many uploads in memory as it may right now: the same upload again in a moment. */
        UPLOADS_BUSY
    }

    public AttachmentRefusal(Code code, Object... args) {
        this(code, List.of(args));
    }

    public AttachmentRefusal {
        args = List.copyOf(args);
    }
}
