package org.supporthub.core.domain.model.conversation;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.supporthub.core.domain.model.portal.SupportLocale;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * The chat between one portal user and the support bot (and, once connected, support staff).
 *
 * <p>It hands out the per-conversation sequence numbers. The number is taken while the row is locked,
 * so it stays gap-free and ordered even with several hub instances on one database.
 */
@Entity
@Table(name = "conversation")
public class Conversation {

    @Id
    @Column(name = "id", length = 36)
    private String id;

    @Column(name = "portal_id", nullable = false, length = 36)
    private String portalId;

    @Column(name = "user_id", nullable = false, length = 200)
    private String userId;

    @Column(name = "user_name", nullable = false, length = 200)
    private String userName;

    @Column(name = "user_admin", nullable = false)
    private boolean userAdmin;

    @Column(name = "last_seq", nullable = false)
    private long lastSeq;

    /** The user's address from their latest token's {@code email} claim; null when it had none. */
    @Column(name = "user_email", length = 254)
    private String userEmail;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    /**
     * The language the user chose in the widget ({@code pl}, {@code en}), or null while they chose none.
     * Kept with the conversation, not the socket, so that it outlives reconnects and restarts and holds
     * for every tab of the user.
     */
    @Column(name = "locale", length = 5)
    private String locale;

    protected Conversation() {
        // for JPA
    }

    public Conversation(String id, String portalId, String userId, String userName, Instant createdAt) {
        this.id = Objects.requireNonNull(id);
        this.portalId = Objects.requireNonNull(portalId);
        this.userId = Objects.requireNonNull(userId);
        this.userName = Objects.requireNonNull(userName);
        this.createdAt = Objects.requireNonNull(createdAt);
    }

    /** Takes the next sequence number; call only while holding the row lock. */
    public long nextSeq() {
        return ++lastSeq;
    }

    /** Keeps the display name current: the portal may rename a user between tokens. */
    public void rename(String name) {
        this.userName = Objects.requireNonNull(name);
    }

    /** Keeps the user's address current, as their latest token says (null: the token named none). */
    public void updateEmail(String email) {
        this.userEmail = email;
    }

    public java.util.Optional<String> userEmail() {
        return java.util.Optional.ofNullable(userEmail);
    }

    /** Keeps whether the user is an administrator current, as their latest token says. */
    public void updateAdmin(boolean admin) {
        this.userAdmin = admin;
    }

    /**
     * The language the user chose to be answered in. It beats the language of their token and of their
     * portal: it is the only one the user picked themselves.
     */
    public Optional<SupportLocale> chosenLocale() {
        return SupportLocale.fromTag(locale);
    }

    /** The user picked a language in the widget: the bot speaks it from now on. */
    public void chooseLocale(SupportLocale chosen) {
        this.locale = chosen.tag();
    }

    public boolean userAdmin() {
        return userAdmin;
    }

    public String id() {
        return id;
    }

    public String portalId() {
        return portalId;
    }

    public String userId() {
        return userId;
    }

    public String userName() {
        return userName;
    }

    public long lastSeq() {
        return lastSeq;
    }

    public Instant createdAt() {
        return createdAt;
    }
}
