package org.supporthub.core.domain.model.conversation;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * One stored message of a conversation, with its sequence number.
 *
 * <p>A user's message keeps the client's message id, so that a resend is recognised and acknowledged
 * again instead of stored twice (the database's unique key is the last word on that).
 */
@Entity
@Table(name = "chat_message")
public class ChatMessage {

    @Id
    @Column(name = "id", length = 36)
    private String id;

    @Column(name = "conversation_id", nullable = false, length = 36)
    private String conversationId;

    @Column(name = "seq", nullable = false)
    private long seq;

    @Column(name = "client_msg_id", length = 36)
    private String clientMsgId;

    @Enumerated(EnumType.STRING)
    @Column(name = "author_kind", nullable = false, length = 10)
    private AuthorKind authorKind;

    @Column(name = "author_name", nullable = false, length = 200)
    private String authorName;

    @Column(name = "body", nullable = false, length = 8000)
    private String text;

    /** Names of the actions (buttons) offered with a bot message, comma separated. */
    @Column(name = "actions", length = 200)
    private String actions;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    /**
     * Set (to the language of the answer) while the message is a support question that routing has not yet
     * taken: stored with the message, cleared in the transaction that opens or continues its session, so
     * a question acknowledged to the administrator is never lost between the two.
     */
    @Column(name = "awaiting_routing", length = 5)
    private String awaitingRouting;

    /** How many files the message carries (0 for most): replay looks their records up only when there are some. */
    @Column(name = "attachment_count", nullable = false)
    private int attachmentCount;

    protected ChatMessage() {
        // for JPA
    }

    public ChatMessage(String id, String conversationId, long seq, String clientMsgId, AuthorKind authorKind,
                       String authorName, String text, List<String> actions, Instant createdAt) {
        this.id = Objects.requireNonNull(id);
        this.conversationId = Objects.requireNonNull(conversationId);
        this.seq = seq;
        this.clientMsgId = clientMsgId;
        this.authorKind = Objects.requireNonNull(authorKind);
        this.authorName = Objects.requireNonNull(authorName);
        this.text = Objects.requireNonNull(text);
        this.actions = actions == null || actions.isEmpty() ? null : String.join(",", actions);
        this.createdAt = Objects.requireNonNull(createdAt);
    }

    /** Marks the message as a question for support, in the language {@code localeTag}. */
    public void awaitRouting(String localeTag) {
        this.awaitingRouting = java.util.Objects.requireNonNull(localeTag);
    }

    /** The language of a question routing has not yet taken; empty for every other message. */
    public java.util.Optional<String> awaitingRouting() {
        return java.util.Optional.ofNullable(awaitingRouting);
    }

    /** The message carries this many files (set before it is stored). */
    public void carryAttachments(int count) {
        this.attachmentCount = count;
    }

    public int attachmentCount() {
        return attachmentCount;
    }

    public String id() {
        return id;
    }

    public String conversationId() {
        return conversationId;
    }

    public long seq() {
        return seq;
    }

    public String clientMsgId() {
        return clientMsgId;
    }

    public AuthorKind authorKind() {
        return authorKind;
    }

    public String authorName() {
        return authorName;
    }

    public String text() {
        return text;
    }

    public List<String> actions() {
        return actions == null ? List.of() : Arrays.asList(actions.split(","));
    }

    public Instant createdAt() {
        return createdAt;
    }
}
