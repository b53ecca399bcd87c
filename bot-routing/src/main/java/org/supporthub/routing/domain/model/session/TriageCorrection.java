package org.supporthub.routing.domain.model.session;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.Objects;

/**
 * An operator's correction of a session's triage label, with the question it was about: material for
 * improving the labelled examples triage learns from.
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

    @Column(name = "area", nullable = false, length = 20)
    private String area;

    @Column(name = "coverage", nullable = false, length = 20)
    private String coverage;

    @Column(name = "question", nullable = false, length = 500)
    private String question;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected TriageCorrection() {
        // for JPA
    }

    public TriageCorrection(String id, String sessionId, String operator, String area, String coverage,
                            String question, Instant createdAt) {
        this.id = Objects.requireNonNull(id);
        this.sessionId = Objects.requireNonNull(sessionId);
        this.operator = Objects.requireNonNull(operator);
        this.area = Objects.requireNonNull(area);
        this.coverage = Objects.requireNonNull(coverage);
        this.question = Objects.requireNonNull(question);
        this.createdAt = Objects.requireNonNull(createdAt);
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
}
