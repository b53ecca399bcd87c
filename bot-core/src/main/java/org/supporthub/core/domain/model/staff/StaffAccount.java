package org.supporthub.core.domain.model.staff;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.Arrays;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A login of the vendor's support staff (an operator, or a support manager) to the hub.
 *
 * <p>Only a password hash is kept (PBKDF2, as produced by Jakarta Security's password hash).
 */
@Entity
@Table(name = "staff_account")
public class StaffAccount {

    @Id
    @Column(name = "id", length = 36)
    private String id;

    @Column(name = "username", nullable = false, unique = true, length = 100)
    private String username;

    @Column(name = "display_name", nullable = false, length = 200)
    private String displayName;

    @Column(name = "password_hash", nullable = false, length = 400)
    private String passwordHash;

    /** Role names, comma separated. */
    @Column(name = "roles", nullable = false, length = 200)
    private String roles;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected StaffAccount() {
        // for JPA
    }

    public StaffAccount(String id, String username, String displayName, String passwordHash, Set<StaffRole> roles,
                        Instant createdAt) {
        this.id = Objects.requireNonNull(id);
        this.username = Objects.requireNonNull(username);
        this.displayName = Objects.requireNonNull(displayName);
        this.passwordHash = Objects.requireNonNull(passwordHash);
        this.roles = roles.stream().map(StaffRole::roleName).sorted().collect(Collectors.joining(","));
        this.createdAt = Objects.requireNonNull(createdAt);
    }

    public String id() {
        return id;
    }

    public String username() {
        return username;
    }

    public String displayName() {
        return displayName;
    }

    public String passwordHash() {
        return passwordHash;
    }

    public Set<StaffRole> roles() {
        return Arrays.stream(roles.split(",")).map(StaffRole::fromRoleName).collect(Collectors.toUnmodifiableSet());
    }

    public Instant createdAt() {
        return createdAt;
    }
}
