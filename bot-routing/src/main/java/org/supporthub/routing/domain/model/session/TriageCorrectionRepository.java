package org.supporthub.routing.domain.model.session;

import java.util.List;
import java.util.Optional;

/** Operators' corrections of triage labels, and the managers' decisions on them. */
public interface TriageCorrectionRepository {

    void store(TriageCorrection correction);

    List<TriageCorrection> all();

    Optional<TriageCorrection> find(String id);

    /** The correction, locked until the transaction ends: two managers deciding at once decide one after the other. */
    Optional<TriageCorrection> findForUpdate(String id);

    /** A page of corrections, newest first; {@code status} null: of any status. */
    List<TriageCorrection> list(CorrectionStatus status, int offset, int limit);

    long count(CorrectionStatus status);

    /** Every accepted correction, oldest first: what triage learns from. */
    List<TriageCorrection> accepted();

    /** The session's first correction, which recorded the classifier's own label. */
    Optional<TriageCorrection> firstFor(String sessionId);
}
