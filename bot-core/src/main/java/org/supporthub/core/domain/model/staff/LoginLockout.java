package org.supporthub.core.domain.model.staff;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * The failed logins of one staff account in a row, and whether they locked it.
 *
 * <p>Throttling slows a guesser down on each hub instance; the lock-out is what stops one for good, so it
 * lives in the database where every instance sees it. Once locked, an account stays locked, even for the
 * right password, until a support manager lifts it: a guesser who waits gains nothing.
 */
@Entity
@Table(name = "staff_login_lockout")
public class LoginLockout {

    @Id
    @Column(name = "username", length = 100)
    private String username;

    @Column(name = "failures", nullable = false)
    private int failures;

    @Column(name = "last_failure_at", nullable = false)
    private Instant lastFailureAt;

    @Column(name = "last_client_address", length = 64)
    private String lastClientAddress;

    @Column(name = "locked_at")
    private Instant lockedAt;

    @Version
    @Column(name = "version", nullable = false)
    private long version;

    protected LoginLockout() {
        // for JPA
    }

    public LoginLockout(String username) {
        this.username = Objects.requireNonNull(username);
    }

    /**
     * Counts one more failure in a row; locks the account when the count reaches {@code lockAfter}.
     *
     * @return whether this failure locked the account
     */
    public boolean failed(Instant at, String clientAddress, int lockAfter) {
        failures++;
        lastFailureAt = Objects.requireNonNull(at);
        lastClientAddress = clientAddress == null || clientAddress.length() > 64 ? null : clientAddress;
        if (lockedAt == null && failures >= lockAfter) {
            lockedAt = at;
            return true;
        }
        return false;
    }

    public String username() {
        return username;
    }

    public int failures() {
        return failures;
    }

    public Instant lastFailureAt() {
        return lastFailureAt;
    }

    public Optional<String> lastClientAddress() {
        return Optional.ofNullable(lastClientAddress);
    }

    public Optional<Instant> lockedAt() {
        return Optional.ofNullable(lockedAt);
    }

    public boolean locked() {
        return lockedAt != null;
    }
}
