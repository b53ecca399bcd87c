package org.supporthub.activation.application.internal;

import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.util.TypeLiteral;
import org.junit.jupiter.api.Test;
import org.supporthub.activation.domain.model.ActivationCheck;
import org.supporthub.activation.domain.model.ActivationSubject;
import org.supporthub.activation.domain.model.CheckArea;
import org.supporthub.activation.domain.model.CheckResult;
import org.supporthub.core.application.ActivationOutcome;
import org.supporthub.core.application.ActivationOutcome.ActivationFailure;
import org.supporthub.core.application.ActivationOutcome.Status;

import java.lang.annotation.Annotation;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.supporthub.activation.application.internal.ActivationFixtures.portal;
import static org.supporthub.activation.application.internal.ActivationFixtures.user;

class DefaultActivationServiceTest {

    private static final Duration TOOK = Duration.ZERO;

    private static CheckResult pass(CheckArea area) {
        return CheckResult.pass(area, TOOK);
    }

    private static CheckResult fail(CheckArea area, String code, String detail) {
        return CheckResult.fail(area, code, detail, TOOK);
    }

    private static List<CheckResult> allPassed() {
        return Arrays.stream(CheckArea.values()).map(DefaultActivationServiceTest::pass).toList();
    }

    // --- judge ---

    @Test
    void every_area_checked_and_passed_is_a_connection() {
        assertThat(DefaultActivationService.judge(allPassed()))
                .isEqualTo(new ActivationOutcome(Status.CONNECTED, List.of()));
    }

    @Test
    void a_clean_run_that_misses_an_area_cannot_claim_a_connection() {
        for (CheckArea missing : CheckArea.values()) {
            List<CheckResult> results = allPassed().stream().filter(r -> r.area() != missing).toList();

            assertThat(DefaultActivationService.judge(results).status()).as("without " + missing)
                    .isEqualTo(Status.UNAVAILABLE);
        }
    }

    @Test
    void no_checks_at_all_is_unavailable() {
        assertThat(DefaultActivationService.judge(List.of()).status()).isEqualTo(Status.UNAVAILABLE);
    }

    @Test
    void the_two_installed_checks_passing_is_unavailable() {
        assertThat(DefaultActivationService.judge(List.of(pass(CheckArea.SUPPORT_CHANNEL), pass(CheckArea.ADMINISTRATOR))))
                .isEqualTo(new ActivationOutcome(Status.UNAVAILABLE, List.of()));
    }

    @Test
    void any_failure_fails_even_when_every_area_was_checked() {
        List<CheckResult> results = new ArrayList<>(allPassed());
        results.set(4, fail(CheckArea.LICENSE, "LICENSE_EXPIRED", null));

        assertThat(DefaultActivationService.judge(results))
                .isEqualTo(new ActivationOutcome(Status.FAILED, List.of(new ActivationFailure("LICENSE_EXPIRED", null))));
    }

    @Test
    void a_failure_names_every_failed_check_in_order_with_details() {
        List<CheckResult> results = List.of(
                fail(CheckArea.SUPPORT_CHANNEL, "SUPPORT_CHANNEL_DISABLED", null),
                pass(CheckArea.ADMINISTRATOR),
                fail(CheckArea.REACHABILITY, "PORTAL_UNREACHABLE", "TLS_EXPIRED"),
                fail(CheckArea.LICENSE, "LICENSE_EXPIRED", null));

        ActivationOutcome outcome = DefaultActivationService.judge(results);

        assertThat(outcome.status()).isEqualTo(Status.FAILED);
        assertThat(outcome.failures()).containsExactly(
                new ActivationFailure("SUPPORT_CHANNEL_DISABLED", null),
                new ActivationFailure("PORTAL_UNREACHABLE", "TLS_EXPIRED"),
                new ActivationFailure("LICENSE_EXPIRED", null));
    }

    // --- activate with the installed checks ---

    private final DefaultActivationService withInstalledChecks =
            new DefaultActivationService(List.of(new SupportChannelCheck(), new PortalAdministratorCheck()));

    @Test
    void an_admin_of_an_enabled_portal_passes_the_first_checks_but_is_not_connected() {
        assertThat(withInstalledChecks.activate(portal(true), user(true)))
                .isEqualTo(new ActivationOutcome(Status.UNAVAILABLE, List.of()));
    }

    @Test
    void a_non_admin_of_a_disabled_portal_fails_both_checks() {
        assertThat(withInstalledChecks.activate(portal(false), user(false)).failures())
                .extracting(ActivationFailure::code)
                .containsExactly(SupportChannelCheck.CODE, PortalAdministratorCheck.CODE);
    }

    @Test
    void a_non_admin_of_an_enabled_portal_fails_the_administrator_check_only() {
        assertThat(withInstalledChecks.activate(portal(true), user(false)))
                .isEqualTo(new ActivationOutcome(Status.FAILED,
                        List.of(new ActivationFailure(PortalAdministratorCheck.CODE, null))));
    }

    @Test
    void every_check_sees_the_portal_and_the_user_who_asked() {
        List<ActivationSubject> seen = new ArrayList<>();
        ActivationCheck spy = new FixedCheck(CheckArea.UPDATES, true) {
            @Override
            public CheckResult run(ActivationSubject subject) {
                seen.add(subject);
                return super.run(subject);
            }
        };
        var portal = portal(true);
        var admin = user(true);

        new DefaultActivationService(List.of(spy)).activate(portal, admin);

        assertThat(seen).singleElement().satisfies(s -> {
            assertThat(s.portal()).isSameAs(portal);
            assertThat(s.requestedBy()).isSameAs(admin);
        });
    }

    @Test
    void checks_installed_through_cdi_run_in_area_order() {
        // Installed out of order: failures must still be reported in CheckArea order, the order the
        // source document lists them in.
        DefaultActivationService service = new DefaultActivationService();
        service.setChecks(new ListInstance(List.of(
                new FixedCheck(CheckArea.UPDATES, false),
                new FixedCheck(CheckArea.SUPPORT_CHANNEL, false),
                new FixedCheck(CheckArea.LICENSE, false))));

        assertThat(service.activate(portal(true), user(true)).failures()).extracting(ActivationFailure::code)
                .containsExactly("SUPPORT_CHANNEL_FAILED", "LICENSE_FAILED", "UPDATES_FAILED");
    }

    @Test
    void one_check_for_every_area_all_passing_connects() {
        DefaultActivationService service = new DefaultActivationService(
                Arrays.stream(CheckArea.values()).map(a -> (ActivationCheck) new FixedCheck(a, true)).toList());

        assertThat(service.activate(portal(true), user(true)).status()).isEqualTo(Status.CONNECTED);
    }

    /** A check with a fixed verdict; its failure code is derived from its area. */
    private static class FixedCheck implements ActivationCheck {
        private final CheckArea area;
        private final boolean passes;

        FixedCheck(CheckArea area, boolean passes) {
            this.area = area;
            this.passes = passes;
        }

        @Override
        public CheckArea area() {
            return area;
        }

        @Override
        public CheckResult run(ActivationSubject subject) {
            return passes ? CheckResult.pass(area, TOOK) : CheckResult.fail(area, area.name() + "_FAILED", null, TOOK);
        }
    }

    /** The CDI {@code Instance} the service receives, over a fixed list; only iteration is needed. */
    private record ListInstance(List<ActivationCheck> checks) implements Instance<ActivationCheck> {
        @Override
        public Iterator<ActivationCheck> iterator() {
            return checks.iterator();
        }

        @Override
        public ActivationCheck get() {
            throw new UnsupportedOperationException();
        }

        @Override
        public Instance<ActivationCheck> select(Annotation... qualifiers) {
            throw new UnsupportedOperationException();
        }

        @Override
        public <U extends ActivationCheck> Instance<U> select(Class<U> subtype, Annotation... qualifiers) {
            throw new UnsupportedOperationException();
        }

        @Override
        public <U extends ActivationCheck> Instance<U> select(TypeLiteral<U> subtype, Annotation... qualifiers) {
            throw new UnsupportedOperationException();
        }

        @Override
        public boolean isUnsatisfied() {
            return checks.isEmpty();
        }

        @Override
        public boolean isAmbiguous() {
            return checks.size() > 1;
        }

        @Override
        public void destroy(ActivationCheck instance) {
        }

        @Override
        public Handle<ActivationCheck> getHandle() {
            throw new UnsupportedOperationException();
        }

        @Override
        public Iterable<? extends Handle<ActivationCheck>> handles() {
            throw new UnsupportedOperationException();
        }
    }
}
