package org.supporthub.core.domain.model.policy;

import java.util.Optional;

/**
 * What triage made of a question: the policy area and coverage it falls under and how sure it is, or
 * unclear (no area, no coverage) when it cannot tell.
 *
 * @param confidence from 0 to 1
 * @param item       the policy item that matched best; empty when unclear
 */
public record TriageResult(Optional<SupportArea> area, Optional<Coverage> coverage, double confidence,
                           Optional<PolicyItem> item) {

    public TriageResult {
        if (confidence < 0 || confidence > 1 || Double.isNaN(confidence)) {
            throw new IllegalArgumentException("confidence must be within 0..1, was " + confidence);
        }
        if (area.isPresent() != item.isPresent() || coverage.isPresent() != item.isPresent()) {
            throw new IllegalArgumentException("area, coverage and item come together, or not at all");
        }
    }

    public static TriageResult unclear(double confidence) {
        return new TriageResult(Optional.empty(), Optional.empty(), confidence, Optional.empty());
    }

    public static TriageResult of(PolicyItem item, double confidence) {
        return new TriageResult(Optional.of(item.area()), Optional.of(item.coverage()), confidence, Optional.of(item));
    }

    public boolean clear() {
        return item.isPresent();
    }
}
