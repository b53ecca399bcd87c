package org.supporthub.routing.application.internal;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.supporthub.core.domain.model.policy.TriageResult;
import org.supporthub.core.domain.model.portal.SupportLocale;
import org.supporthub.core.infrastructure.triage.LuceneScopeTriage;
import org.supporthub.routing.application.TriageCorrectionConflictException;
import org.supporthub.routing.application.UnknownTriageCorrectionException;
import org.supporthub.routing.domain.model.session.CorrectionStatus;
import org.supporthub.routing.domain.model.session.SupportSession;
import org.supporthub.routing.domain.model.session.TriageCorrection;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Triage learns from accepted corrections, through the real path: an administrator asks (the real
 * classifier triages the session), an operator corrects the label, a manager accepts the correction, the
 * model version advances and the refresh rebuilds the classifier; then new, differently worded questions of
 * that kind are triaged right.
 *
 * <p>The kind: "Quorvex", a connector to the vendor's cloud CRM that the shipped examples never mention
 * (a product term the classifier cannot know), whose questions are advice on the product's API modules
 * (INTEGRATION, COVERED).
 */
class TriageLearningTest {

    private final LuceneScopeTriage triage = new LuceneScopeTriage();
    private final RoutingWorld world = new RoutingWorld(triage);
    private final DefaultTriageCorrectionService service = new DefaultTriageCorrectionService();
    private final TriageModelRefresh refresh = new TriageModelRefresh();

    /** Questions of the kind that operators correct. */
    private static final List<String> CORRECTED = List.of(
            "Quorvex stopped sending our leads yesterday, what should we look at?",
            "Where do we enter the tenant id for Quorvex?",
            "Is Quorvex able to push invoices as well as contacts?");

    /** New questions of the same kind, worded differently, never corrected nor learned. */
    private static final List<String> FRESH = List.of(
            "our quorvex connection shows a red icon since Monday",
            "can Quorvex map custom fields from the intranet",
            "How often does quorvex synchronise?");

    @BeforeEach
    void wire() {
        service.corrections = world.corrections;
        service.version = world.corrections;
        service.learning = triage;
        service.advanced = new RecordingEvent<>();
        service.clock = world.clock;
        TriageTrainingData data = new TriageTrainingData();
        data.version = world.corrections;
        data.corrections = world.corrections;
        refresh.data = data;
        refresh.learning = triage;
        world.channel("ch1", c -> { });
    }

    @Test
    void accepted_corrections_teach_triage_a_kind_of_question_it_got_wrong() {
        assertThat(FRESH).as("before learning").allSatisfy(q -> assertThat(label(q)).isNotEqualTo("INTEGRATION/COVERED"));

        for (int i = 0; i < CORRECTED.size(); i++) {
            SupportSession s = world.ask("conv" + i, CORRECTED.get(i));
            assertThat(s.area().orElse("UNCLEAR") + "/" + s.coverage().orElse("UNCLEAR"))
                    .as("the classifier's label of a question of the kind").isNotEqualTo("INTEGRATION/COVERED");
            world.conversation.relabel("olga", s.id(), "INTEGRATION", "COVERED");
        }
        assertThat(refresh.refresh()).as("nothing accepted yet: nothing to rebuild").isFalse();
        List<TriageCorrection> pending = service.list(CorrectionStatus.PENDING, 0, 10);
        assertThat(pending).hasSize(3).allSatisfy(c -> {
            assertThat(c.triagedArea()).isPresent();
            assertThat(c.area()).isEqualTo("INTEGRATION");
            assertThat(c.locale()).isEqualTo("en");
        });

        pending.forEach(c -> service.accept("mark", c.id()));

        assertThat(service.modelVersion()).isEqualTo(3);
        assertThat(refresh.refresh()).as("the model advanced: rebuilt").isTrue();
        assertThat(triage.modelVersion()).isEqualTo(3);
        assertThat(triage.learnedCount()).isEqualTo(3);
        assertThat(refresh.refresh()).as("up to date: not rebuilt again").isFalse();
        assertThat(FRESH).as("after learning").allSatisfy(q -> assertThat(label(q)).isEqualTo("INTEGRATION/COVERED"));
        assertThat(service.list(CorrectionStatus.ACCEPTED, 0, 10)).hasSize(3)
                .allSatisfy(c -> assertThat(c.policyItem()).hasValueSatisfying(id -> assertThat(id).startsWith("INT-C")));
    }

    @Test
    void another_instance_on_the_same_database_learns_at_its_next_refresh_and_never_goes_back() {
        // A second hub instance: its own classifier, the same database (the in-memory repository).
        LuceneScopeTriage otherTriage = new LuceneScopeTriage();
        TriageModelRefresh otherRefresh = new TriageModelRefresh();
        otherRefresh.data = refresh.data;
        otherRefresh.learning = otherTriage;
        SupportSession s = world.ask("conv1", CORRECTED.get(0));
        world.conversation.relabel("olga", s.id(), "INTEGRATION", "COVERED");

        service.accept("mark", world.correctionsStored.get(0).id());

        assertThat(otherTriage.modelVersion()).isZero();
        assertThat(otherRefresh.refresh()).isTrue();
        assertThat(otherTriage.modelVersion()).isEqualTo(1);
        assertThat(otherTriage.learnedCount()).isEqualTo(1);
        // A late rebuild of an older version never replaces a newer classifier.
        assertThat(otherTriage.learn(0, List.of())).isFalse();
        assertThat(otherTriage.learnedCount()).isEqualTo(1);
    }

    @Test
    void questions_are_triaged_while_the_classifier_is_rebuilt() throws Exception {
        String question = "how do I install the product on our server following the guide";
        String before = label(question);
        List<org.supporthub.core.domain.model.policy.LearnedQuestion> many = new java.util.ArrayList<>();
        for (int i = 0; i < 3000; i++) {
            many.add(new org.supporthub.core.domain.model.policy.LearnedQuestion("OTH-C5", SupportLocale.EN,
                    "wish number " + i + " for the roadmap"));
        }
        java.util.concurrent.CompletableFuture<Boolean> rebuild =
                java.util.concurrent.CompletableFuture.supplyAsync(() -> triage.learn(1, many));
        int answered = 0;
        while (!rebuild.isDone()) {
            assertThat(label(question)).isEqualTo(before);
            answered++;
        }
        assertThat(rebuild.get()).isTrue();
        assertThat(answered).as("questions answered by the old classifier during the rebuild").isPositive();
        assertThat(triage.learnedCount()).isEqualTo(3000);
    }

    @Test
    void a_dismissed_correction_teaches_nothing_and_a_decision_is_made_once() {
        SupportSession s = world.ask("conv1", CORRECTED.get(0));
        world.conversation.relabel("olga", s.id(), "INTEGRATION", "COVERED");
        String id = world.correctionsStored.get(0).id();

        TriageCorrection dismissed = service.dismiss("mark", id);

        assertThat(dismissed.status()).isEqualTo(CorrectionStatus.DISMISSED);
        assertThat(dismissed.decidedBy()).contains("mark");
        assertThat(service.modelVersion()).isZero();
        assertThat(refresh.refresh()).isFalse();
        assertThatThrownBy(() -> service.accept("mark", id)).isInstanceOfSatisfying(
                TriageCorrectionConflictException.class,
                e -> assertThat(e.code()).isEqualTo(TriageCorrectionConflictException.Code.ALREADY_DECIDED));
        assertThatThrownBy(() -> service.dismiss("mark", id)).isInstanceOf(TriageCorrectionConflictException.class);
        assertThatThrownBy(() -> service.accept("mark", "no-such-id")).isInstanceOf(UnknownTriageCorrectionException.class);
    }

    @Test
    void a_label_no_policy_item_has_cannot_be_learned() {
        SupportSession s = world.ask("conv1", CORRECTED.get(0));
        // The policy has no limited-coverage installation item.
        world.conversation.relabel("olga", s.id(), "INSTALLATION", "LIMITED");
        String id = world.correctionsStored.get(0).id();

        assertThatThrownBy(() -> service.accept("mark", id)).isInstanceOfSatisfying(
                TriageCorrectionConflictException.class,
                e -> assertThat(e.code()).isEqualTo(TriageCorrectionConflictException.Code.NO_POLICY_ITEM));
        assertThat(world.corrections.find(id).orElseThrow().status()).isEqualTo(CorrectionStatus.PENDING);
        assertThat(service.modelVersion()).isZero();
    }

    @Test
    void a_second_correction_of_a_session_keeps_the_classifiers_own_label() {
        SupportSession s = world.ask("conv1", CORRECTED.get(0));
        String triaged = s.area().orElse(null);
        world.conversation.relabel("olga", s.id(), "INTEGRATION", "COVERED");
        world.conversation.relabel("olga", s.id(), "OTHER", "COVERED");

        assertThat(world.correctionsStored).hasSize(2)
                .allSatisfy(c -> assertThat(c.triagedArea().orElse(null)).isEqualTo(triaged));
    }

    private String label(String question) {
        TriageResult r = triage.classify(question, SupportLocale.EN);
        return r.area().map(Enum::name).orElse("UNCLEAR") + "/" + r.coverage().map(Enum::name).orElse("UNCLEAR");
    }
}
