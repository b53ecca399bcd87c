package org.supporthub.core.application;

import org.supporthub.core.domain.model.policy.Coverage;
import org.supporthub.core.domain.model.policy.LearnedQuestion;
import org.supporthub.core.domain.model.policy.PolicyItem;
import org.supporthub.core.domain.model.policy.SupportArea;
import org.supporthub.core.domain.model.portal.SupportLocale;

import java.util.List;
import java.util.Optional;

/**
 * How triage learns from accepted corrections without a restart. The learned questions live in the
 * database (routing owns them); a model version, advanced with every accepted one, tells each hub instance
 * when its classifier is stale. The classifier is rebuilt aside and swapped in whole, so that questions are
 * triaged all the while by the previous one.
 */
public interface TriageLearning {

    /** The model version this instance's classifier was built from; 0: the shipped examples only. */
    long modelVersion();

    /** How many learned questions this instance's classifier holds. */
    int learnedCount();

    /**
     * Rebuilds the classifier from the policy, the shipped examples and these learned questions, and swaps
     * it in, unless a classifier of this version or a newer one is already in use.
     *
     * @return whether the new classifier was swapped in
     */
    boolean learn(long version, List<LearnedQuestion> learned);

    /**
     * The policy item of the given area and coverage that the question is nearest to: the item a corrected
     * label (area and coverage only) stands for. Empty when the policy has no item of that area and coverage.
     */
    Optional<PolicyItem> nearestItem(String text, SupportLocale locale, SupportArea area, Coverage coverage);
}
