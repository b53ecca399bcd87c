package org.supporthub.core.domain.model.staff;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.Objects;

/**
 * One change to a staff account, as managers read it later: who did what to which account, when, and from
 * which client address. Written in the transaction of the change itself, so no change is without its entry.
 * The account's user name is copied in, so the entry still reads right after the account was deleted.
 */
@Entity
@Table(name = "staff_audit")
public class StaffAuditEntry {

    @Id
    @Column(name = "id", length = 36)
    private String id;

    @Column(name = "at", nullable = false)
    private Instant at;

    /** The user name of whoever made the change ({@code system} for start-up tasks). */
    @Column(name = "actor", nullable = false, length = 100)
    private String actor;

    @Enumerated(EnumType.STRING)
    @Column(name = "action", nullable = false, length = 30)
    private StaffAuditAction action;

    @Column(name = "account_id", nullable = false, length = 36)
    private String accountId;

    @Column(name = "account_username", nullable = false, length = 100)
    private String accountUsername;

    @Column(name = "detail", length = 500)
    private String detail;

    @Column(name = "client_address", length = 64)
    private String clientAddress;

    protected StaffAuditEntry() {
        // for JPA
    }

    public StaffAuditEntry(String id, Instant at, String actor, StaffAuditAction action, StaffAccount account,
                           String detail, String clientAddress) {
        this.id = Objects.requireNonNull(id);
        this.at = Objects.requireNonNull(at);
        this.actor = Objects.requireNonNull(actor);
        this.action = Objects.requireNonNull(action);
        this.accountId = account.id();
        this.accountUsername = account.username();
        this.detail = detail == null || detail.length() <= 500 ? detail : detail.substring(0, 500);
        this.clientAddress = clientAddress == null || clientAddress.length() <= 64 ? clientAddress
                : clientAddress.substring(0, 64);
    }

    public String id() {
        return id;
    }

    public Instant at() {
        return at;
    }

    public String actor() {
        return actor;
    }

    public StaffAuditAction action() {
        return action;
    }

    public String accountId() {
        return accountId;
    }

    public String accountUsername() {
        return accountUsername;
    }

    public String detail() {
        return detail;
    }

    public String clientAddress() {
        return clientAddress;
    }
}
