package org.supporthub.core.domain.model.attachment;

import java.util.List;
import java.util.Optional;

/**
 * How much may be attached: per file, per message, per conversation in all, and per portal in any 24 hours.
 * Each is a setting (README, "Configuration"); the defaults suit screenshots and log excerpts.
 *
 * @param maxFileBytes          the largest file
 * @param maxFilesPerMessage    files one message may carry
 * @param maxConversationBytes  all files of one conversation together
 * @param maxPortalBytesPerDay  all files of one portal's conversations within the last 24 hours
 */
public record AttachmentLimits(long maxFileBytes, int maxFilesPerMessage, long maxConversationBytes,
                               long maxPortalBytesPerDay) {

    public static final AttachmentLimits DEFAULTS = new AttachmentLimits(10L << 20, 5, 50L << 20, 200L << 20);

    public AttachmentLimits {
        if (maxFileBytes <= 0 || maxFilesPerMessage <= 0 || maxConversationBytes <= 0 || maxPortalBytesPerDay <= 0) {
            throw new IllegalArgumentException("Attachment limits must be positive");
        }
    }

    /** Checks what a single message carries on its own: how many files, how large each. */
    public Optional<AttachmentRefusal> checkMessage(List<Long> sizes) {
        if (sizes.isEmpty()) {
            return Optional.of(new AttachmentRefusal(AttachmentRefusal.Code.NO_FILE));
        }
        if (sizes.size() > maxFilesPerMessage) {
            return Optional.of(new AttachmentRefusal(AttachmentRefusal.Code.TOO_MANY_FILES, maxFilesPerMessage));
        }
        for (long size : sizes) {
            if (size == 0) {
                return Optional.of(new AttachmentRefusal(AttachmentRefusal.Code.EMPTY_FILE));
            }
            if (size > maxFileBytes) {
                return Optional.of(new AttachmentRefusal(AttachmentRefusal.Code.FILE_TOO_LARGE, megabytes(maxFileBytes)));
            }
        }
        return Optional.empty();
    }

    /**
     * Checks the message against what is already stored.
     *
     * @param conversationBytes bytes the conversation holds already
     * @param portalBytesToday  bytes the portal attached within the last 24 hours
     */
    public Optional<AttachmentRefusal> checkTotals(long adding, long conversationBytes, long portalBytesToday) {
        if (conversationBytes + adding > maxConversationBytes) {
            return Optional.of(new AttachmentRefusal(AttachmentRefusal.Code.CONVERSATION_FULL,
                    megabytes(maxConversationBytes)));
        }
        if (portalBytesToday + adding > maxPortalBytesPerDay) {
            return Optional.of(new AttachmentRefusal(AttachmentRefusal.Code.PORTAL_DAILY_LIMIT,
                    megabytes(maxPortalBytesPerDay)));
        }
        return Optional.empty();
    }

    /** A limit as people read it: "10 MB", or "0.2 MB" for a small one. */
    public static String megabytes(long bytes) {
        double mb = bytes / (double) (1 << 20);
        return (mb == Math.rint(mb) ? String.valueOf((long) mb) : String.format(java.util.Locale.ROOT, "%.1f", mb))
                + " MB";
    }
}
