package org.supporthub.routing.application.internal;

import org.supporthub.core.application.ScopeTriage;
import org.supporthub.core.domain.model.policy.Coverage;
import org.supporthub.core.domain.model.policy.PolicyItem;
import org.supporthub.core.domain.model.policy.SupportArea;
import org.supporthub.core.domain.model.policy.SupportPolicy;
import org.supporthub.core.domain.model.policy.TriageResult;
import org.supporthub.core.domain.model.portal.SupportLocale;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Triage as the routing tests need it: known questions get their verdict, the rest is unclear. */
final class FakeTriage implements ScopeTriage {

    static final PolicyItem CUSTOM_MODULE = new PolicyItem("INT-N5", SupportArea.INTEGRATION, Coverage.NOT_COVERED,
            "Developing custom product modules.", "Tworzenie własnych modułów produktu.");
    static final PolicyItem DATABASE_ERRORS = new PolicyItem("ERR-L2", SupportArea.ERRORS, Coverage.LIMITED,
            "Database errors: general recommendations only.", "Błędy bazy danych: tylko ogólne zalecenia.");

    private final Map<String, TriageResult> verdicts = new HashMap<>();

    void answer(String question, PolicyItem item, double confidence) {
        verdicts.put(question, TriageResult.of(item, confidence));
    }

    @Override
    public TriageResult classify(String text, SupportLocale locale) {
        return verdicts.getOrDefault(text, TriageResult.unclear(0));
    }

    @Override
    public SupportPolicy policy() {
        return new SupportPolicy(List.of(CUSTOM_MODULE, DATABASE_ERRORS));
    }
}
