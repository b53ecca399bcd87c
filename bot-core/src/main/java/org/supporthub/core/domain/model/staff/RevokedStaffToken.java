package org.supporthub.core.domain.model.staff;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.Objects;

/**
 * One console token withdrawn before its expiry (its holder logged out). Kept only until the token would
 * have expired anyway; after that the signature check alone refuses it.
 */
@Entity
@Table(name = "staff_token_revocation")
public class RevokedStaffToken {

    @Id
    @Column(name = "token_id", length = 36)
    private String tokenId;

    @Column(name = "account_id", nullable = false, length = 36)
    private String accountId;

    @Column(name = "expires_at", nullable = false)
    private Instant expiresAt;

    @Column(name = "revoked_at", nullable = false)
    private Instant revokedAt;

    protected RevokedStaffToken() {
        // for JPA
    }

    public RevokedStaffToken(String tokenId, String accountId, Instant expiresAt, Instant revokedAt) {
        this.tokenId = Objects.requireNonNull(tokenId);
        this.accountId = Objects.requireNonNull(accountId);
        this.expiresAt = Objects.requireNonNull(expiresAt);
        this.revokedAt = Objects.requireNonNull(revokedAt);
    }

    public String tokenId() {
        return tokenId;
    }

    public String accountId() {
        return accountId;
    }

    public Instant expiresAt() {
        return expiresAt;
    }
}
