package org.supporthub.core.infrastructure.triage;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.supporthub.core.domain.model.policy.PolicyItem;
import org.supporthub.core.domain.model.policy.SupportPolicy;
import org.supporthub.core.domain.model.policy.TriageResult;
import org.supporthub.core.domain.model.portal.SupportLocale;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The triage classifier on clear questions, and on the examples it learns from when each one is held out
 * (cross-validation), so that every policy item is proved to be reachable from questions it never saw.
 */
class TriageIndexTest {

    private static TriageIndex index;

    @BeforeAll
    static void build() {
        index = LuceneScopeTriage.shippedIndex();
    }

    @ParameterizedTest(name = "[{0}] {1} -> {2} {3}")
    @CsvSource(delimiter = '|', value = {
            "en | Can you write a custom module for us?                         | INTEGRATION | NOT_COVERED",
            "pl | Czy możecie napisać dla nas własny moduł?                     | INTEGRATION | NOT_COVERED",
            "pl | czy mozecie napisac dla nas wlasny modul                      | INTEGRATION | NOT_COVERED",
            "en | could you develop a plugin for our payment provider           | INTEGRATION | NOT_COVERED",
            "en | the update stops with a message that our licence key is invalid | UPDATES   | COVERED",
            "pl | aktualizacja przerywa się komunikatem o nieprawidłowym kluczu licencyjnym | UPDATES | COVERED",
            "en | we cannot reach the update server through our company proxy   | UPDATES     | NOT_COVERED",
            "en | our database keeps throwing deadlock errors                   | ERRORS      | LIMITED",
            "pl | baza danych zgłasza błędy zakleszczenia                        | ERRORS      | LIMITED",
            "en | how do I install the product on our server following the guide | INSTALLATION | COVERED",
            "en | how do i instal the prodcut on our servr                       | INSTALLATION | COVERED",
            "pl | jak zainstalowac produkt na serwerze zgodnie z instrukcja       | INSTALLATION | COVERED",
            "en | which caching settings reduce the load on our portal           | PERFORMANCE | COVERED",
            "en | please explain how our licence works for the second site       | OTHER       | COVERED",
    })
    void clear_questions_get_their_area_and_coverage(String locale, String text, String area, String coverage) {
        TriageResult r = index.classify(text, SupportLocale.fromTag(locale).orElseThrow());

        assertThat(r.area()).map(Enum::name).contains(area);
        assertThat(r.coverage()).map(Enum::name).contains(coverage);
        assertThat(r.confidence()).isBetween(0.0, 1.0);
        assertThat(r.item()).isPresent();
    }

    @ParameterizedTest(name = "[{0}] {1}")
    @CsvSource(delimiter = '|', value = {"en | hello", "pl | dzień dobry", "en | ok thanks", "pl | ???", "en | the"})
    void greetings_and_noise_are_unclear(String locale, String text) {
        TriageResult r = index.classify(text, SupportLocale.fromTag(locale).orElseThrow());

        assertThat(r.clear()).isFalse();
        assertThat(r.area()).isEmpty();
    }

    @Test
    void every_policy_item_is_reached_from_examples_it_never_saw() {
        SupportPolicy policy = SupportPolicy.published();
        List<TriageIndex.Example> examples = SupportPolicy.Tsv.read(LuceneScopeTriage.EXAMPLES, 3).stream()
                .map(r -> new TriageIndex.Example(r[0], SupportLocale.fromTag(r[1]).orElseThrow(), r[2])).toList();
        int folds = 5;
        int right = 0;
        int asked = 0;
        Set<String> reached = new HashSet<>();
        for (int fold = 0; fold < folds; fold++) {
            List<TriageIndex.Example> learn = new ArrayList<>();
            List<TriageIndex.Example> held = new ArrayList<>();
            for (int i = 0; i < examples.size(); i++) {
                (i % folds == fold ? held : learn).add(examples.get(i));
            }
            TriageIndex partial = TriageIndex.build(policy, learn);
            for (TriageIndex.Example e : held) {
                if (e.itemId().equals(TriageIndex.NONE)) {
                    continue;
                }
                PolicyItem expected = policy.item(e.itemId()).orElseThrow();
                TriageResult r = partial.classify(e.text(), e.locale());
                asked++;
                boolean ok = r.area().filter(a -> a == expected.area()).isPresent()
                        && r.coverage().filter(c -> c == expected.coverage()).isPresent();
                if (ok) {
                    right++;
                    reached.add(expected.id());
                }
            }
        }
        assertThat(reached).as("items reached from held-out examples")
                .containsExactlyInAnyOrderElementsOf(policy.items().stream().map(PolicyItem::id).toList());
        assertThat((double) right / asked).as("held-out examples right").isGreaterThan(0.75);
    }
}
