package org.supporthub.routing.domain.model.operator;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * An operator's presence, shared by all hub instances: the status they chose, when their console was last
 * heard from, when its last socket closed, and since when they have been waiting for work.
 *
 * <p>Its row is also the lock that serialises an operator's acceptances, so that two sessions accepted at
 * the same moment cannot push the operator over capacity.
 */
@Entity
@Table(name = "operator_presence")
public class OperatorPresence {

    @Id
    @Column(name = "username", length = 100)
    private String username;

    @Enumerated(EnumType.STRING)
    @Column(name = "status", nullable = false, length = 10)
    private PresenceStatus status;

    @Column(name = "last_seen_at", nullable = false)
    private Instant lastSeenAt;

    @Column(name = "disconnected_at")
    private Instant disconnectedAt;

    @Column(name = "idle_since", nullable = false)
    private Instant idleSince;

    @Version
    @Column(name = "version", nullable = false)
    private long version;

    protected OperatorPresence() {
        // for JPA
    }

    /** A new operator starts offline: logging in is not yet saying "give me work". */
    public OperatorPresence(String username, Instant now) {
        this.username = Objects.requireNonNull(username);
        this.status = PresenceStatus.OFFLINE;
        this.lastSeenAt = now;
        this.idleSince = now;
    }

    /**
     * The console spoke (hello, ping, any frame). An operator coming back after their console was gone
     * has been waiting for work only since now: for {@code EVENLY}, the time away does not count as idle.
     */
    public void seen(Instant now) {
        if (disconnectedAt != null) {
            idleSince = now;
        }
        lastSeenAt = now;
        disconnectedAt = null;
    }

    /** The operator's last console socket closed. */
    public void disconnected(Instant now) {
        disconnectedAt = now;
    }

    public void changeStatus(PresenceStatus next, Instant now) {
        if (next == PresenceStatus.ONLINE && status != PresenceStatus.ONLINE) {
            idleSince = now;
        }
        status = Objects.requireNonNull(next);
    }

    /** The operator took a session: for {@code EVENLY}, they are no longer the longest idle. */
    public void tookSession(Instant now) {
        idleSince = now;
    }

    public String username() {
        return username;
    }

    public PresenceStatus status() {
        return status;
    }

    public Instant lastSeenAt() {
        return lastSeenAt;
    }

    public Optional<Instant> disconnectedAt() {
        return Optional.ofNullable(disconnectedAt);
    }

    public Instant idleSince() {
        return idleSince;
    }
}
