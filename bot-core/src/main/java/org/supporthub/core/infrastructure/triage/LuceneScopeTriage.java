package org.supporthub.core.infrastructure.triage;

import jakarta.enterprise.context.ApplicationScoped;
import org.supporthub.core.application.ScopeTriage;
import org.supporthub.core.domain.model.policy.SupportPolicy;
import org.supporthub.core.domain.model.policy.TriageResult;
import org.supporthub.core.domain.model.portal.SupportLocale;

import java.util.List;
import java.util.Objects;

/**
 * Scope triage over the published policy and the labelled examples shipped with the hub
 * ({@code org/supporthub/core/policy/triage-examples.tsv}: policy item, language, question).
 */
@ApplicationScoped
public class LuceneScopeTriage implements ScopeTriage {

    static final String EXAMPLES = "/org/supporthub/core/policy/triage-examples.tsv";

    private volatile TriageIndex index;

    /** The index shipped with the hub: the published policy and its examples. */
    public static TriageIndex shippedIndex() {
        SupportPolicy policy = SupportPolicy.published();
        List<TriageIndex.Example> examples = SupportPolicy.Tsv.read(EXAMPLES, 3).stream()
                .map(r -> new TriageIndex.Example(r[0], SupportLocale.fromTag(r[1]).orElseThrow(
                        () -> new IllegalStateException("Unknown language in the examples: " + r[1])), r[2]))
                .toList();
        return TriageIndex.build(policy, examples);
    }

    private TriageIndex index() {
        TriageIndex i = index;
        if (i == null) {
            synchronized (this) {
                if (index == null) {
                    index = shippedIndex();
                }
                i = index;
            }
        }
        return i;
    }

    @Override
    public TriageResult classify(String text, SupportLocale locale) {
        Objects.requireNonNull(text, "text");
        return index().classify(text, Objects.requireNonNull(locale, "locale"));
    }

    @Override
    public SupportPolicy policy() {
        return index().policy();
    }
}
