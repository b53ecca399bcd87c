package org.supporthub.routing.domain.model.session;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * An operator's correction of a session's triage label, with the question it was about and the label the
 * classifier had given it. A manager decides, once, whether the corrected question becomes a training
 * example of triage (accepted, with the policy item the corrected label stands for) or not (dismissed).
 */
@Entity
@Table(name = "triage_correction")
public class TriageCorrection {

    @Id
    @Column(name = "id", length = 36)
    private String id;

    @Column(name = "session_id", nullable = false, length = 36)
    private String sessionId;

    @Column(name = "operator", nullable = false, length = 100)
    private String operator;

    /** The corrected area. */
    @Column(name = "area", nullable = false, length = 20)
    private String area;

    /** The corrected coverage. */
    @Column(name = "coverage", nullable = false, length = 20)
    private String coverage;

    @Column(name = "question", nullable = false, length = 500)
    private String question;

    @Column(name = "locale", nullable = false, length = 5)
    private String locale;

    /** The classifier's area for the question; null: it could not tell (unclear), or it was not recorded. */
    @Column(name = "triaged_area", length = 20)
    private String triagedArea;

    @Column(name = "triaged_coverage", length = 20)
    private String triagedCoverage;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Enumerated(EnumType.STRING)
    @Column(name = "status", nullable = false, length = 10)
    private CorrectionStatus status = CorrectionStatus.PENDING;

    @Column(name = "decided_by", length = 100)
    private String decidedBy;

    @Column(name = "decided_at")
    private Instant decidedAt;

    /** For an accepted correction: the policy item triage learns the question as. */
    @Column(name = "policy_item", length = 20)
    private String policyItem;

    protected TriageCorrection() {
        // for JPA
    }

    public TriageCorrection(String id, String sessionId, String operator, String area, String coverage,
                            String question, String locale, String triagedArea, String triagedCoverage,
                            Instant createdAt) {
        this.id = Objects.requireNonNull(id);
        this.sessionId = Objects.requireNonNull(sessionId);
        this.operator = Objects.requireNonNull(operator);
        this.area = Objects.requireNonNull(area);
        this.coverage = Objects.requireNonNull(coverage);
        this.question = Objects.requireNonNull(question);
        this.locale = Objects.requireNonNull(locale);
        this.triagedArea = triagedArea;
        this.triagedCoverage = triagedCoverage;
        this.createdAt = Objects.requireNonNull(createdAt);
    }

    /** The manager makes the corrected question a training example of the given policy item. */
    public void accept(String manager, String item, Instant at) {
        decide(CorrectionStatus.ACCEPTED, manager, at);
        this.policyItem = Objects.requireNonNull(item);
    }

    /** The manager decides that triage does not learn from this correction. */
    public void dismiss(String manager, Instant at) {
        decide(CorrectionStatus.DISMISSED, manager, at);
    }

    private void decide(CorrectionStatus decision, String manager, Instant at) {
        if (isDecided()) {
            throw new IllegalStateException("The correction " + id + " is already " + status);
        }
        this.status = decision;
        this.decidedBy = Objects.requireNonNull(manager);
        this.decidedAt = Objects.requireNonNull(at);
    }

    public boolean isDecided() {
        return status != CorrectionStatus.PENDING;
    }

    public String id() {
        return id;
    }

    public String sessionId() {
        return sessionId;
    }

    public String operator() {
        return operator;
    }

    public String area() {
        return area;
    }

    public String coverage() {
        return coverage;
    }

    public String question() {
        return question;
    }

    public String locale() {
        return locale;
    }

    public Optional<String> triagedArea() {
        return Optional.ofNullable(triagedArea);
    }

    public Optional<String> triagedCoverage() {
        return Optional.ofNullable(triagedCoverage);
    }

    public Instant createdAt() {
        return createdAt;
    }

    public CorrectionStatus status() {
        return status;
    }

    public Optional<String> decidedBy() {
        return Optional.ofNullable(decidedBy);
    }

    public Optional<Instant> decidedAt() {
        return Optional.ofNullable(decidedAt);
    }

    public Optional<String> policyItem() {
        return Optional.ofNullable(policyItem);
    }
}
