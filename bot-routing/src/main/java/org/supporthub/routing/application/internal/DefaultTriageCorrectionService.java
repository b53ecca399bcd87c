package org.supporthub.routing.application.internal;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.supporthub.core.application.TriageLearning;
import org.supporthub.core.domain.model.policy.Coverage;
import org.supporthub.core.domain.model.policy.PolicyItem;
import org.supporthub.core.domain.model.policy.SupportArea;
import org.supporthub.core.domain.model.portal.SupportLocale;
import org.supporthub.routing.application.TriageCorrectionConflictException;
import org.supporthub.routing.application.TriageCorrectionConflictException.Code;
import org.supporthub.routing.application.TriageCorrectionService;
import org.supporthub.routing.application.UnknownTriageCorrectionException;
import org.supporthub.routing.domain.model.session.CorrectionStatus;
import org.supporthub.routing.domain.model.session.TriageCorrection;
import org.supporthub.routing.domain.model.session.TriageCorrectionRepository;
import org.supporthub.routing.domain.model.session.TriageModelVersion;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

@ApplicationScoped
public class DefaultTriageCorrectionService implements TriageCorrectionService {

    @Inject
    TriageCorrectionRepository corrections;

    @Inject
    TriageModelVersion version;

    @Inject
    TriageLearning learning;

    @Inject
    Event<TriageModelAdvanced> advanced;

    @Inject
    Clock clock;

    @Override
    @Transactional
    public List<TriageCorrection> list(CorrectionStatus status, int offset, int limit) {
        return corrections.list(status, offset, limit);
    }

    @Override
    @Transactional
    public long count(CorrectionStatus status) {
        return corrections.count(status);
    }

    @Override
    @Transactional
    public Optional<TriageCorrection> find(String id) {
        return corrections.find(id);
    }

    @Override
    @Transactional
    public TriageCorrection accept(String manager, String id) {
        TriageCorrection c = undecided(id);
        SupportLocale locale = SupportLocale.fromTag(c.locale()).orElse(SupportLocale.EN);
        // The operator corrected the area and coverage; triage learns items, so the question is learned as
        // the item of that label its wording is nearest to.
        PolicyItem item = learning.nearestItem(c.question(), locale, SupportArea.valueOf(c.area()),
                Coverage.valueOf(c.coverage())).orElseThrow(() -> new TriageCorrectionConflictException(
                Code.NO_POLICY_ITEM, "The support policy has no item of area " + c.area() + " and coverage "
                + c.coverage() + ": there is nothing to learn this question as; dismiss it"));
        c.accept(manager, item.id(), clock.instant());
        long next = version.advance();
        advanced.fire(new TriageModelAdvanced(next));
        return c;
    }

    @Override
    @Transactional
    public TriageCorrection dismiss(String manager, String id) {
        TriageCorrection c = undecided(id);
        c.dismiss(manager, clock.instant());
        return c;
    }

    @Override
    @Transactional
    public long modelVersion() {
        return version.current();
    }

    private TriageCorrection undecided(String id) {
        TriageCorrection c = corrections.findForUpdate(id == null ? "" : id)
                .orElseThrow(() -> new UnknownTriageCorrectionException(id));
        if (c.isDecided()) {
            throw new TriageCorrectionConflictException(Code.ALREADY_DECIDED, "The correction " + id + " was already "
                    + c.status().name().toLowerCase() + " by " + c.decidedBy().orElse("?"));
        }
        return c;
    }
}
