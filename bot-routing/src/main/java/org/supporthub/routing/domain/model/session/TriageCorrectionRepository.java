package org.supporthub.routing.domain.model.session;

import java.util.List;

/** Operators' corrections of triage labels. */
public interface TriageCorrectionRepository {

    void store(TriageCorrection correction);

    List<TriageCorrection> all();
}
