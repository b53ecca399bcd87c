package org.supporthub.core.infrastructure.triage;

import jakarta.enterprise.context.ApplicationScoped;
import org.supporthub.core.application.ScopeTriage;
import org.supporthub.core.application.TriageLearning;
import org.supporthub.core.domain.model.policy.Coverage;
import org.supporthub.core.domain.model.policy.LearnedQuestion;
import org.supporthub.core.domain.model.policy.PolicyItem;
import org.supporthub.core.domain.model.policy.SupportArea;
import org.supporthub.core.domain.model.policy.SupportPolicy;
import org.supporthub.core.domain.model.policy.TriageResult;
import org.supporthub.core.domain.model.portal.SupportLocale;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * Scope triage over the published policy, the labelled examples shipped with the hub
 * ({@code org/supporthub/core/policy/triage-examples.tsv}: policy item, language, question) and the
 * questions managers accepted from operators' corrections ({@link #learn}).
 *
 * <p>The classifier in use is one immutable {@link TriageIndex} behind a volatile reference: a rebuild
 * builds the next one aside, while questions go on being triaged by the current one, then swaps it in.
 */
@ApplicationScoped
public class LuceneScopeTriage implements ScopeTriage, TriageLearning {

    static final String EXAMPLES = "/org/supporthub/core/policy/triage-examples.tsv";
    private static final Logger LOG = Logger.getLogger(LuceneScopeTriage.class.getName());

    /** The classifier in use and the model version and learned questions it was built from. */
    private record Model(long version, int learned, TriageIndex index) {
    }

    private volatile Model model;

    /** The index shipped with the hub: the published policy and its examples. */
    public static TriageIndex shippedIndex() {
        return TriageIndex.build(SupportPolicy.published(), shippedExamples());
    }

    static List<TriageIndex.Example> shippedExamples() {
        return SupportPolicy.Tsv.read(EXAMPLES, 3).stream()
                .map(r -> new TriageIndex.Example(r[0], SupportLocale.fromTag(r[1]).orElseThrow(
                        () -> new IllegalStateException("Unknown language in the examples: " + r[1])), r[2]))
                .toList();
    }

    private Model model() {
        Model m = model;
        if (m == null) {
            synchronized (this) {
                if (model == null) {
                    model = new Model(0, 0, shippedIndex());
                }
                m = model;
            }
        }
        return m;
    }

    @Override
    public TriageResult classify(String text, SupportLocale locale) {
        Objects.requireNonNull(text, "text");
        return model().index().classify(text, Objects.requireNonNull(locale, "locale"));
    }

    @Override
    public SupportPolicy policy() {
        return model().index().policy();
    }

    @Override
    public long modelVersion() {
        return model().version();
    }

    @Override
    public int learnedCount() {
        return model().learned();
    }

    @Override
    public boolean learn(long version, List<LearnedQuestion> learned) {
        if (version <= model().version()) {
            return false;
        }
        long start = System.nanoTime();
        SupportPolicy policy = SupportPolicy.published();
        List<TriageIndex.Example> examples = new ArrayList<>(shippedExamples());
        int shipped = examples.size();
        for (LearnedQuestion q : learned) {
            // A learned question whose item the policy no longer has is left out, not a reason to keep a stale index.
            if (policy.item(q.policyItem()).isPresent()) {
                examples.add(new TriageIndex.Example(q.policyItem(), q.locale(), q.text(), true));
            }
        }
        TriageIndex next = TriageIndex.build(policy, examples);
        synchronized (this) {
            if (model != null && model.version() >= version) {
                return false;
            }
            model = new Model(version, examples.size() - shipped, next);
        }
        LOG.info(() -> String.format("Triage model %d in use: %d learned question(s), built in %d ms", version,
                learned.size(), (System.nanoTime() - start) / 1_000_000));
        return true;
    }

    @Override
    public Optional<PolicyItem> nearestItem(String text, SupportLocale locale, SupportArea area, Coverage coverage) {
        return model().index().nearestItem(text, locale, area, coverage);
    }
}
