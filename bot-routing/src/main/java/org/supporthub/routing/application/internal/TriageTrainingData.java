package org.supporthub.routing.application.internal;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.supporthub.core.domain.model.policy.LearnedQuestion;
import org.supporthub.core.domain.model.portal.SupportLocale;
import org.supporthub.routing.domain.model.session.TriageCorrection;
import org.supporthub.routing.domain.model.session.TriageCorrectionRepository;
import org.supporthub.routing.domain.model.session.TriageModelVersion;

import java.util.List;

/**
 * What triage learns from in the database, each read in a short transaction of its own: the classifier
 * is then built outside any transaction, however long that takes.
 */
@ApplicationScoped
public class TriageTrainingData {

    @Inject
    TriageModelVersion version;

    @Inject
    TriageCorrectionRepository corrections;

    @Transactional
    public long version() {
        return version.current();
    }

    /** The accepted corrections as learned questions, in the order they were accepted. */
    @Transactional
    public List<LearnedQuestion> learned() {
        return corrections.accepted().stream().filter(c -> c.policyItem().isPresent())
                .map(TriageTrainingData::learned).toList();
    }

    static LearnedQuestion learned(TriageCorrection c) {
        return new LearnedQuestion(c.policyItem().orElseThrow(),
                SupportLocale.fromTag(c.locale()).orElse(SupportLocale.EN), c.question());
    }
}
