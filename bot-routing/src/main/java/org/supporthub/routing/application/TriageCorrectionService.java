package org.supporthub.routing.application;

import org.supporthub.routing.domain.model.session.CorrectionStatus;
import org.supporthub.routing.domain.model.session.TriageCorrection;

import java.util.List;
import java.util.Optional;

/**
 * Managers review the corrections operators made to triage labels: each one is accepted as a training
 * example (triage learns it on every hub instance, without a restart) or dismissed, once.
 */
public interface TriageCorrectionService {

    /** A page of corrections, newest first; {@code status} null: all. */
    List<TriageCorrection> list(CorrectionStatus status, int offset, int limit);

    long count(CorrectionStatus status);

    Optional<TriageCorrection> find(String id);

    /**
     * Makes the corrected question a training example of the policy item its corrected label stands for,
     * and advances the model version, so that every instance rebuilds its classifier.
     *
     * @throws UnknownTriageCorrectionException     no such correction
     * @throws TriageCorrectionConflictException    it was decided already, or no policy item has its label
     */
    TriageCorrection accept(String manager, String id);

    /**
     * @throws UnknownTriageCorrectionException  no such correction
     * @throws TriageCorrectionConflictException it was decided already
     */
    TriageCorrection dismiss(String manager, String id);

    /** The model version in the database, which every instance's classifier follows. */
    long modelVersion();
}
