package org.supporthub.core.domain.model.policy;

import org.supporthub.core.domain.model.portal.SupportLocale;

import java.util.Objects;

/**
 * A real question that a manager accepted as a training example for triage (from an operator's
 * correction of its label): what triage learns from beyond the examples shipped with the hub.
 *
 * @param policyItem the id of the policy item the question belongs to
 */
public record LearnedQuestion(String policyItem, SupportLocale locale, String text) {

    public LearnedQuestion {
        Objects.requireNonNull(policyItem, "policyItem");
        Objects.requireNonNull(locale, "locale");
        Objects.requireNonNull(text, "text");
    }
}
