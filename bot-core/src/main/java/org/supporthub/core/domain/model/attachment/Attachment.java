package org.supporthub.core.domain.model.attachment;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.Objects;

/**
 * A file attached to one stored message of a conversation: its name as the sender gave it (shown, never used
 * as a path), its size, the type its content was detected as, and the hash its bytes are stored under.
 */
@Entity
@Table(name = "attachment")
public class Attachment {

    @Id
    @Column(name = "id", length = 36)
    private String id;

    @Column(name = "conversation_id", nullable = false, length = 36)
    private String conversationId;

    @Column(name = "portal_id", nullable = false, length = 36)
    private String portalId;

    @Column(name = "message_seq", nullable = false)
    private long messageSeq;

    @Column(name = "position", nullable = false)
    private int position;

    @Column(name = "file_name", nullable = false, length = 255)
    private String name;

    @Column(name = "size_bytes", nullable = false)
    private long size;

    @Enumerated(EnumType.STRING)
    @Column(name = "file_type", nullable = false, length = 10)
    private FileType type;

    @Column(name = "sha256", nullable = false, length = 64)
    private String sha256;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected Attachment() {
        // for JPA
    }

    public Attachment(String id, String conversationId, String portalId, long messageSeq, int position, String name,
                      long size, FileType type, String sha256, Instant createdAt) {
        this.id = Objects.requireNonNull(id);
        this.conversationId = Objects.requireNonNull(conversationId);
        this.portalId = Objects.requireNonNull(portalId);
        this.messageSeq = messageSeq;
        this.position = position;
        this.name = Objects.requireNonNull(name);
        this.size = size;
        this.type = Objects.requireNonNull(type);
        this.sha256 = Objects.requireNonNull(sha256);
        this.createdAt = Objects.requireNonNull(createdAt);
    }

    public String id() {
        return id;
    }

    public String conversationId() {
        return conversationId;
    }

    public String portalId() {
        return portalId;
    }

    public long messageSeq() {
        return messageSeq;
    }

    public int position() {
        return position;
    }

    public String name() {
        return name;
    }

    public long size() {
        return size;
    }

    public FileType type() {
        return type;
    }

    public String sha256() {
        return sha256;
    }

    public Instant createdAt() {
        return createdAt;
    }

    /** The attachment as a message shows it. */
    public AttachedFile view() {
        return new AttachedFile(id, name, size, type.mediaType(), type.thumbnail());
    }
}
