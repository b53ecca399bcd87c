package org.supporthub.routing.domain.model.session;

/** Where an operator's correction of a triage label stands with the managers. */
public enum CorrectionStatus {
    /** Not decided yet. */
    PENDING,
    /** A training example: triage learns the question with the corrected label. */
    ACCEPTED,
    /** Not learned from (a mistaken correction, or a question that teaches nothing). */
    DISMISSED
}
