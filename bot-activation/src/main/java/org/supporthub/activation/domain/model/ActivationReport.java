package org.supporthub.activation.domain.model;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The record of one activation run: who asked, when, how it ended, and each check's result and timing.
 * Support staff read it to see why a portal is not connected without asking the customer.
 */
@Entity
@Table(name = "activation_report")
public class ActivationReport {

    @Id
    @Column(name = "id", length = 36)
    private String id;

    @Column(name = "portal_id", nullable = false, length = 36)
    private String portalId;

    @Column(name = "requested_by", nullable = false, length = 200)
    private String requestedBy;

    @Column(name = "requested_by_name", nullable = false, length = 200)
    private String requestedByName;

    @Column(name = "started_at", nullable = false)
    private Instant startedAt;

    @Column(name = "finished_at", nullable = false)
    private Instant finishedAt;

    @Column(name = "outcome", nullable = false, length = 20)
    private String outcome;

    /**
     * Why the run as a whole ended without a judgement of its checks ({@code ACTIVATION_INTERRUPTED},
     * {@code ACTIVATION_BUSY}), else null: then the failed checks say why it failed.
     */
    @Column(name = "error_code", length = 60)
    private String errorCode;

    @Column(name = "error_detail", length = 60)
    private String errorDetail;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "activation_check", joinColumns = @JoinColumn(name = "report_id"))
    @OrderColumn(name = "position")
    private List<CheckRecord> checks = new ArrayList<>();

    protected ActivationReport() {
        // for JPA
    }

    public ActivationReport(String id, String portalId, String requestedBy, String requestedByName, Instant startedAt,
                            Instant finishedAt, String outcome, List<CheckResult> results) {
        this.id = Objects.requireNonNull(id);
        this.portalId = Objects.requireNonNull(portalId);
        this.requestedBy = Objects.requireNonNull(requestedBy);
        this.requestedByName = Objects.requireNonNull(requestedByName);
        this.startedAt = Objects.requireNonNull(startedAt);
        this.finishedAt = Objects.requireNonNull(finishedAt);
        this.outcome = Objects.requireNonNull(outcome);
        results.forEach(r -> checks.add(CheckRecord.of(r)));
    }

    /** A report of a run that ended as a whole with {@code errorCode}, keeping the checks it did finish. */
    public ActivationReport(String id, String portalId, String requestedBy, String requestedByName, Instant startedAt,
                            Instant finishedAt, String outcome, List<CheckResult> results, String errorCode,
                            String errorDetail) {
        this(id, portalId, requestedBy, requestedByName, startedAt, finishedAt, outcome, results);
        this.errorCode = Objects.requireNonNull(errorCode);
        this.errorDetail = errorDetail;
    }

    /** The code of a failure of the run as a whole, if it had one. */
    public java.util.Optional<String> errorCode() {
        return java.util.Optional.ofNullable(errorCode);
    }

    public String errorDetail() {
        return errorDetail;
    }

    public String id() {
        return id;
    }

    public String portalId() {
        return portalId;
    }

    public String requestedBy() {
        return requestedBy;
    }

    public String requestedByName() {
        return requestedByName;
    }

    public Instant startedAt() {
        return startedAt;
    }

    public Instant finishedAt() {
        return finishedAt;
    }

    public String outcome() {
        return outcome;
    }

    public List<CheckRecord> checks() {
        return List.copyOf(checks);
    }
}
