package org.supporthub.core.application;

import org.supporthub.core.domain.model.policy.SupportPolicy;
import org.supporthub.core.domain.model.policy.TriageResult;
import org.supporthub.core.domain.model.portal.SupportLocale;

/**
 * Tells, from the published support policy, which area a free-text question belongs to and whether
 * support covers it. Polish or English, informal, with typos or without diacritics.
 */
public interface ScopeTriage {

    /** Longest question, in characters. */
    int MAX_TEXT_LENGTH = 4000;

    TriageResult classify(String text, SupportLocale locale);

    SupportPolicy policy();
}
