package org.supporthub.routing.domain.model.session;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;

/**
 * That an operator holds, or has held, a support session of a portal, which is what lets them read the
 * portal's earlier conversations: an operator needs a customer's history to help that customer, and has
 * no business reading the history of customers they never served. Kept when the session moves on
 * (transfer, close), since the operator may be asked about it again.
 */
@Entity
@Table(name = "portal_operator_access")
@IdClass(PortalAccess.Key.class)
public class PortalAccess {

    @Id
    @Column(name = "portal_id", length = 36)
    private String portalId;

    @Id
    @Column(name = "operator", length = 100)
    private String operator;

    @Column(name = "first_held_at", nullable = false)
    private Instant firstHeldAt;

    protected PortalAccess() {
        // for JPA
    }

    public PortalAccess(String portalId, String operator, Instant firstHeldAt) {
        this.portalId = Objects.requireNonNull(portalId);
        this.operator = Objects.requireNonNull(operator);
        this.firstHeldAt = Objects.requireNonNull(firstHeldAt);
    }

    public String portalId() {
        return portalId;
    }

    public String operator() {
        return operator;
    }

    public Instant firstHeldAt() {
        return firstHeldAt;
    }

    /** The composite key: one row per portal and operator. */
    public static class Key implements Serializable {
        private String portalId;
        private String operator;

        public Key() {
        }

        public Key(String portalId, String operator) {
            this.portalId = portalId;
            this.operator = operator;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(portalId, k.portalId) && Objects.equals(operator, k.operator);
        }

        @Override
        public int hashCode() {
            return Objects.hash(portalId, operator);
        }
    }
}
