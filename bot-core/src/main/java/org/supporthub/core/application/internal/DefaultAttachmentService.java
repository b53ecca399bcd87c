package org.supporthub.core.application.internal;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.supporthub.core.application.AttachmentService;
import org.supporthub.core.application.AttachmentSettings;
import org.supporthub.core.application.ChatService;
import org.supporthub.core.domain.model.attachment.Attachment;
import org.supporthub.core.domain.model.attachment.AttachmentLimits;
import org.supporthub.core.domain.model.attachment.AttachmentRefusal;
import org.supporthub.core.domain.model.attachment.AttachmentRefusedException;
import org.supporthub.core.domain.model.attachment.AttachmentRepository;
import org.supporthub.core.domain.model.attachment.AttachmentStore;
import org.supporthub.core.domain.model.attachment.FileType;
import org.supporthub.core.domain.model.conversation.AuthorKind;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.regex.Pattern;

/**
 * The upload path: check what can be checked without the database (client id, count, sizes, types), answer
 * a resend with what was stored, put the bytes in the store (durably), then record the message and its files
 * in one transaction ({@link AttachmentLog}), which fires {@code @MessageStored} for delivery. Bytes put for
 * a message that then was not stored are removed again when nothing refers to them.
 */
@ApplicationScoped
public class DefaultAttachmentService implements AttachmentService {

    private static final Logger LOG = Logger.getLogger(DefaultAttachmentService.class.getName());
    private static final Pattern UUID_FORM =
            Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
    /** Longest file name kept; longer ones are cut (it is shown, never used as a path). */
    static final int MAX_NAME = 255;

    @Inject
    AttachmentLog log;

    @Inject
    AttachmentRepository attachments;

    @Inject
    AttachmentStore store;

    @Inject
    AttachmentSettings settings;

    @Override
    public Uploaded upload(String conversationId, AuthorKind kind, String authorName, String clientMsgId, String text,
                           List<IncomingFile> files) {
        if (clientMsgId == null || !UUID_FORM.matcher(clientMsgId).matches()) {
            throw refused(AttachmentRefusal.Code.INVALID_CLIENT_MSG_ID);
        }
        String id = clientMsgId.toLowerCase(java.util.Locale.ROOT);
        // A resend is answered with the stored message before anything else is looked at: it was accepted once.
        Optional<Uploaded> earlier = log.stored(conversationId, id);
        if (earlier.isPresent()) {
            return earlier.get();
        }
        String body = text == null ? "" : text.strip();
        if (body.length() > ChatService.MAX_TEXT_LENGTH) {
            throw refused(AttachmentRefusal.Code.TEXT_TOO_LONG);
        }
        AttachmentLimits limits = settings.limits();
        limits.checkMessage(files.stream().map(f -> (long) f.content().length).toList()).ifPresent(r -> {
            throw new AttachmentRefusedException(r);
        });
        List<AttachmentLog.Prepared> prepared = new ArrayList<>();
        for (IncomingFile f : files) {
            FileType type = FileType.detect(f.content()).orElseThrow(() -> refused(AttachmentRefusal.Code.FORBIDDEN_TYPE));
            prepared.add(new AttachmentLog.Prepared(cleanName(f.name(), type), f.content().length, type,
                    sha256(f.content())));
        }
        Set<String> put = new LinkedHashSet<>();
        boolean recorded = false;
        try {
            for (int i = 0; i < files.size(); i++) {
                String sha = prepared.get(i).sha256();
                if (put.add(sha)) {
                    store.put(sha, files.get(i).content());
                }
            }
            Uploaded uploaded = log.append(conversationId, id, kind, authorName, body, prepared, limits);
            recorded = !uploaded.duplicate();
            return uploaded;
        } finally {
            if (!recorded) {
                // Refused by a total, a resend that raced its original, or a failure: keep no bytes nobody uses.
                put.forEach(this::deleteIfUnreferenced);
            }
        }
    }

    @Override
    public Optional<Attachment> find(String attachmentId) {
        return attachmentId == null ? Optional.empty() : attachments.find(attachmentId);
    }

    @Override
    public Optional<byte[]> content(Attachment attachment) {
        return store.read(attachment.sha256());
    }

    @Override
    public List<Attachment> ofConversation(String conversationId) {
        return attachments.ofConversation(conversationId);
    }

    @Override
    @Transactional
    public void deleteOfConversation(String conversationId) {
        Set<String> hashes = new LinkedHashSet<>(attachments.deleteOfConversation(conversationId));
        if (hashes.isEmpty()) {
            return;
        }
        // Only once the records are gone for good: a deletion that rolls back must still find its bytes.
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    // On a thread of its own: this thread still belongs to the finished transaction.
                    executor.execute(() -> hashes.forEach(DefaultAttachmentService.this::deleteIfUnreferenced));
                }
            }
        });
    }

    @Resource
    TransactionSynchronizationRegistry transactions;

    @Resource
    ManagedExecutorService executor;

    private void deleteIfUnreferenced(String sha256) {
        try {
            if (!attachments.referenced(sha256)) {
                store.delete(sha256);
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Could not remove unreferenced attachment content " + sha256, e);
        }
    }

    /** The name as shown: no path, no control characters, at most {@value #MAX_NAME} characters. */
    static String cleanName(String name, FileType type) {
        String base = name == null ? "" : name;
        int slash = Math.max(base.lastIndexOf('/'), base.lastIndexOf('\\'));
        base = base.substring(slash + 1).replaceAll("[\\p{Cntrl}\"]", "").strip();
        if (base.isEmpty()) {
            base = type.image() ? "image." + type.name().toLowerCase(java.util.Locale.ROOT)
                    : "file." + (type == FileType.TEXT ? "txt" : type.name().toLowerCase(java.util.Locale.ROOT));
        }
        return base.length() > MAX_NAME ? base.substring(0, MAX_NAME) : base;
    }

    static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static AttachmentRefusedException refused(AttachmentRefusal.Code code) {
        return new AttachmentRefusedException(new AttachmentRefusal(code));
    }
}
