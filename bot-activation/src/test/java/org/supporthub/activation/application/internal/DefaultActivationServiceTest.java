package org.supporthub.activation.application.internal;

import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.util.TypeLiteral;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.supporthub.activation.domain.model.ActivationReport;
import org.supporthub.activation.domain.model.ActivationRun;
import org.supporthub.activation.domain.model.CheckRecord;
import org.supporthub.core.application.ActivationProgress;
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
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.stream.Stream;

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
                .isEqualTo(new ActivationOutcome(Status.UNAVAILABLE, List.of(), List.of("PUBLIC_ADDRESS",
                        "HUB_REACHES_PORTAL", "PORTAL_REACHES_HUB", "LICENSE", "OPEN_CHANNEL", "MEMBERSHIP", "UPDATES")));
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
                fail(CheckArea.HUB_REACHES_PORTAL, "PORTAL_UNREACHABLE", "TLS_EXPIRED"),
                fail(CheckArea.LICENSE, "LICENSE_EXPIRED", null));

        ActivationOutcome outcome = DefaultActivationService.judge(results);

        assertThat(outcome.status()).isEqualTo(Status.FAILED);
        assertThat(outcome.failures()).containsExactly(
                new ActivationFailure("SUPPORT_CHANNEL_DISABLED", null),
                new ActivationFailure("PORTAL_UNREACHABLE", "TLS_EXPIRED"),
                new ActivationFailure("LICENSE_EXPIRED", null));
    }

    // --- activate: preconditions, the bot's state, parallel checks, progress, report ---

    /** Records what the service asks of the database, with the bot's state as the database would keep it. */
    private static class RecordingLog extends ActivationLog {
        final List<String> steps = new ArrayList<>();
        final List<ActivationReport> reports = new ArrayList<>();
        final List<String> checkedAddresses = new ArrayList<>();
        final List<ActivationRun> begun = new ArrayList<>();
        boolean alreadyActivating;
        /** How many of the next finish calls fail, as when the database is gone. */
        int failingFinishes;

        @Override
        public synchronized boolean begin(ActivationRun run) {
            steps.add("begin");
            begun.add(run);
            return !alreadyActivating;
        }

        @Override
        public synchronized boolean finish(String portalId, String runId, boolean connected, ActivationReport report,
                                           org.supporthub.core.domain.model.portal.PublicAddress checkedAddress) {
            assertThat(begun).extracting(ActivationRun::runId).contains(runId);
            if (failingFinishes > 0) {
                failingFinishes--;
                steps.add("finish:failed");
                throw new IllegalStateException("database gone");
            }
            steps.add(connected ? "finish:connected" : "finish:installed");
            checkedAddresses.add(checkedAddress.value());
            reports.add(report);
            return true;
        }

        @Override
        public synchronized void record(ActivationReport report) {
            steps.add("record");
            reports.add(report);
        }
    }

    private final RecordingLog log = new RecordingLog();
    private final Clock clock = Clock.fixed(Instant.parse("2026-01-05T10:00:00Z"), ZoneOffset.UTC);
    private final List<Thread> threads = new java.util.concurrent.CopyOnWriteArrayList<>();
    private ActivationExecutor pool = executor(4);

    private ActivationExecutor executor(int maxConcurrent) {
        return new ActivationExecutor(maxConcurrent, r -> {
            Thread t = new Thread(r, "activation-test");
            threads.add(t);
            return t;
        });
    }

    @AfterEach
    void stopPool() {
        pool.stop();
    }

    private DefaultActivationService service(long deadlineSeconds, ActivationCheck... checks) {
        List<ActivationCheck> all = new ArrayList<>(List.of(new SupportChannelCheck(), new PortalAdministratorCheck()));
        all.addAll(List.of(checks));
        return new DefaultActivationService(all, pool, log, clock, deadlineSeconds);
    }

    private static ActivationOutcome outcome(CompletionStage<ActivationOutcome> stage) {
        try {
            return stage.toCompletableFuture().get(20, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static final Consumer<ActivationProgress> IGNORE = p -> { };

    @Test
    void a_non_admin_is_refused_without_touching_the_bot_or_the_portals_latest_report() {
        ActivationOutcome outcome = service(5, new FixedCheck(CheckArea.UPDATES, true))
                .activate(portal(true), user(false), IGNORE).toCompletableFuture().join();

        assertThat(outcome).isEqualTo(new ActivationOutcome(Status.FAILED,
                List.of(new ActivationFailure(PortalAdministratorCheck.CODE, null))));
        // Any user of the portal may click; only an administrator's request may become its latest report.
        assertThat(log.steps).isEmpty();
        assertThat(log.reports).isEmpty();
    }

    @Test
    void a_disabled_portal_refusing_an_administrator_is_recorded() {
        ActivationOutcome outcome = outcome(service(5).activate(portal(false), user(true), IGNORE));

        assertThat(outcome.failures()).extracting(ActivationFailure::code).containsExactly(SupportChannelCheck.CODE);
        assertThat(log.steps).containsExactly("record");
        assertThat(log.reports.get(0).outcome()).isEqualTo("FAILED");
        assertThat(log.reports.get(0).checks()).extracting(CheckRecord::area)
                .containsExactly("SUPPORT_CHANNEL", "ADMINISTRATOR");
    }

    // --- never on the caller's thread, bounded, never left ACTIVATING ---

    @Test
    void the_run_happens_on_the_activation_executor_and_the_caller_returns_at_once() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        List<Thread> ranOn = new java.util.concurrent.CopyOnWriteArrayList<>();
        ActivationCheck blocking = new FixedCheck(CheckArea.UPDATES, true) {
            @Override
            public CheckResult run(ActivationSubject subject) {
                ranOn.add(Thread.currentThread());
                try {
                    release.await(10, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return super.run(subject);
            }
        };
        List<Thread> progressOn = new java.util.concurrent.CopyOnWriteArrayList<>();

        CompletionStage<ActivationOutcome> stage = service(10, blocking)
                .activate(portal(true), user(true), p -> progressOn.add(Thread.currentThread()));

        assertThat(stage.toCompletableFuture()).as("returned while its check still runs").isNotDone();
        release.countDown();
        assertThat(outcome(stage).status()).isEqualTo(Status.UNAVAILABLE);
        assertThat(ranOn).hasSize(1).allMatch(threads::contains).doesNotContain(Thread.currentThread());
        assertThat(progressOn).hasSize(1).allMatch(threads::contains);
    }

    @Test
    void beyond_the_global_limit_an_activation_is_refused_at_once_as_busy_and_the_bot_is_not_touched()
            throws Exception {
        pool.stop();
        pool = executor(1);
        CountDownLatch release = new CountDownLatch(1);
        ActivationCheck blocking = new FixedCheck(CheckArea.UPDATES, true) {
            @Override
            public CheckResult run(ActivationSubject subject) {
                try {
                    release.await(10, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return super.run(subject);
            }
        };
        DefaultActivationService service = service(10, blocking);
        CompletionStage<ActivationOutcome> first = service.activate(portal(true), user(true), IGNORE);
        var other = new org.supporthub.core.domain.model.portal.Portal("p-2", "Other", 
                org.supporthub.core.domain.model.portal.PublicAddress.of("https://other.example"), "LIC-2", "24.100.0",
                org.supporthub.core.domain.model.portal.SupportLocale.EN,
                new org.supporthub.core.domain.model.portal.PortalCredentials("hash", "sealed"), Instant.EPOCH);
        other.apply(org.supporthub.core.domain.model.bot.BotEvent.CHANNEL_ENABLED);

        ActivationOutcome busy = outcome(service.activate(other, user(true), IGNORE));

        assertThat(busy).isEqualTo(ActivationOutcome.busy());
        release.countDown();
        assertThat(outcome(first).status()).isEqualTo(Status.UNAVAILABLE);
        // The refused one never began; its refusal is on record, as the run's own error.
        assertThat(log.begun).extracting(ActivationRun::portalId).containsExactly("p-1");
        ActivationReport refusal = log.reports.stream().filter(r -> r.portalId().equals("p-2")).findFirst().orElseThrow();
        assertThat(refusal.errorCode()).contains(ActivationOutcome.BUSY);
        assertThat(refusal.outcome()).isEqualTo("FAILED");
        // And once the first is done, the limit lets the next one in.
        assertThat(outcome(service.activate(other, user(true), IGNORE)).status()).isEqualTo(Status.UNAVAILABLE);
    }

    @Test
    void a_run_that_fails_inside_ends_as_interrupted_and_the_bot_goes_back() {
        log.failingFinishes = 1;

        ActivationOutcome outcome = outcome(service(5, new FixedCheck(CheckArea.UPDATES, true))
                .activate(portal(true), user(true), IGNORE));

        assertThat(outcome).isEqualTo(ActivationOutcome.interrupted(ActivationOutcome.INTERNAL_ERROR));
        assertThat(log.steps).containsExactly("begin", "finish:failed", "finish:installed");
        ActivationReport report = log.reports.get(0);
        assertThat(report.errorCode()).contains(ActivationOutcome.INTERRUPTED);
        assertThat(report.errorDetail()).isEqualTo(ActivationOutcome.INTERNAL_ERROR);
        assertThat(report.checks()).extracting(CheckRecord::area).contains("UPDATES");
    }

    @Test
    void a_check_that_throws_fails_as_check_failed_without_naming_what_it_threw() {
        ActivationCheck throwing = new FixedCheck(CheckArea.LICENSE, true) {
            @Override
            public CheckResult run(ActivationSubject subject) {
                throw new IllegalStateException("secret internals");
            }
        };

        ActivationOutcome outcome = outcome(service(5, throwing).activate(portal(true), user(true), IGNORE));

        assertThat(outcome.failures()).containsExactly(
                new ActivationFailure("CHECK_FAILED", ActivationOutcome.INTERNAL_ERROR));
        assertThat(log.steps).containsExactly("begin", "finish:installed");
    }

    @Test
    void progress_that_cannot_be_told_does_not_stop_the_run() {
        ActivationOutcome outcome = outcome(service(5, new FixedCheck(CheckArea.UPDATES, true))
                .activate(portal(true), user(true), p -> {
                    throw new IllegalStateException("chat gone");
                }));

        assertThat(outcome.status()).isEqualTo(Status.UNAVAILABLE);
        assertThat(log.steps).containsExactly("begin", "finish:installed");
    }

    @Test
    void the_run_row_says_when_the_run_is_over_at_the_latest() {
        outcome(service(7, new FixedCheck(CheckArea.UPDATES, true)).activate(portal(true), user(true), IGNORE));

        ActivationRun run = log.begun.get(0);
        assertThat(run.startedAt()).isEqualTo(clock.instant());
        assertThat(run.deadlineAt()).isEqualTo(clock.instant().plusSeconds(7));
        assertThat(run.instanceId()).isEqualTo(DefaultActivationService.INSTANCE);
        assertThat(run.requestedBy()).isEqualTo("u-1");
    }

    @Test
    void the_bot_activates_runs_every_check_reports_each_and_ends_in_installed_when_areas_are_missing() {
        List<String> progress = new ArrayList<>();
        ActivationOutcome outcome = service(5, new FixedCheck(CheckArea.UPDATES, true),
                new FixedCheck(CheckArea.LICENSE, true))
                .activate(portal(true), user(true), p -> progress.add(p.check() + ":" + p.passed()))
                .toCompletableFuture().join();

        assertThat(outcome.status()).isEqualTo(Status.UNAVAILABLE);
        assertThat(outcome.unchecked()).containsExactly("PUBLIC_ADDRESS", "HUB_REACHES_PORTAL", "PORTAL_REACHES_HUB", "OPEN_CHANNEL", "MEMBERSHIP");
        assertThat(progress).containsExactlyInAnyOrder("UPDATES:true", "LICENSE:true");
        assertThat(log.steps).containsExactly("begin", "finish:installed");
        ActivationReport report = log.reports.get(0);
        assertThat(report.requestedBy()).isEqualTo("u-1");
        assertThat(report.checks()).extracting(CheckRecord::area)
                .containsExactlyInAnyOrder("SUPPORT_CHANNEL", "ADMINISTRATOR", "UPDATES", "LICENSE");
    }

    @Test
    void every_area_passing_connects_the_bot() {
        ActivationCheck[] rest = Arrays.stream(CheckArea.values())
                .filter(a -> !DefaultActivationService.PRECONDITIONS.contains(a))
                .map(a -> new FixedCheck(a, true)).toArray(ActivationCheck[]::new);

        assertThat(outcome(service(5, rest).activate(portal(true), user(true), IGNORE)).status()).isEqualTo(Status.CONNECTED);
        assertThat(log.steps).containsExactly("begin", "finish:connected");
        // The address the checks ran against is the one the connection proved.
        assertThat(log.checkedAddresses).containsExactly("https://portal.acme.example");
    }

    @Test
    void a_failed_check_is_explained_with_its_facts_and_the_bot_goes_back() {
        ActivationCheck updates = new UpdatesCheck("25.0.0");
        ActivationOutcome outcome = outcome(service(5, updates).activate(portal(true), user(true), IGNORE));

        assertThat(outcome.failures()).containsExactly(
                new ActivationFailure(UpdatesCheck.CODE, null, List.of("24.100.0", "25.0.0")));
        assertThat(log.steps).containsExactly("begin", "finish:installed");
    }

    @Test
    void checks_run_in_parallel_so_the_run_takes_about_as_long_as_the_slowest() {
        CountDownLatch all = new CountDownLatch(3);
        ActivationCheck[] waiting = Stream.of(CheckArea.LICENSE, CheckArea.UPDATES, CheckArea.MEMBERSHIP)
                .map(a -> new FixedCheck(a, true) {
                    @Override
                    public CheckResult run(ActivationSubject subject) {
                        all.countDown();
                        try {
                            // Passes only if all three run at the same time.
                            return all.await(5, TimeUnit.SECONDS) ? super.run(subject)
                                    : CheckResult.fail(area(), "NOT_PARALLEL", null, TOOK);
                        } catch (InterruptedException e) {
                            throw new IllegalStateException(e);
                        }
                    }
                }).toArray(ActivationCheck[]::new);

        ActivationOutcome outcome = outcome(service(10, waiting).activate(portal(true), user(true), IGNORE));

        assertThat(outcome.failures()).isEmpty();
    }

    @Test
    void a_check_that_does_not_finish_before_the_deadline_is_a_network_timeout() {
        ActivationCheck hanging = new FixedCheck(CheckArea.HUB_REACHES_PORTAL, true) {
            @Override
            public CheckResult run(ActivationSubject subject) {
                try {
                    Thread.sleep(30_000);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return super.run(subject);
            }
        };
        long start = System.nanoTime();

        ActivationOutcome outcome = service(1, hanging, new FixedCheck(CheckArea.UPDATES, true))
                .activate(portal(true), user(true), IGNORE).toCompletableFuture().join();

        assertThat(outcome.failures()).containsExactly(new ActivationFailure("NETWORK_ERROR", "TIMEOUT"));
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
    }

    @Test
    void an_activation_already_running_elsewhere_is_not_started_again() {
        log.alreadyActivating = true;

        ActivationOutcome outcome = outcome(service(5, new FixedCheck(CheckArea.UPDATES, true))
                .activate(portal(true), user(true), IGNORE));

        assertThat(outcome.status()).isEqualTo(Status.ALREADY_RUNNING);
        assertThat(log.steps).containsExactly("begin");
    }

    @Test
    void a_second_request_while_one_runs_joins_it_and_the_checks_run_once() throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger runs = new AtomicInteger();
        ActivationCheck slow = new FixedCheck(CheckArea.UPDATES, true) {
            @Override
            public CheckResult run(ActivationSubject subject) {
                runs.incrementAndGet();
                started.countDown();
                try {
                    release.await(5, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return super.run(subject);
            }
        };
        DefaultActivationService service = service(10, slow);
        var portal = portal(true);
        ExecutorService clicks = Executors.newFixedThreadPool(2);
        try {
            Future<ActivationOutcome> first = clicks.submit(() -> outcome(service.activate(portal, user(true), IGNORE)));
            assertThat(started.await(5, TimeUnit.SECONDS)).isTrue();
            Future<ActivationOutcome> second = clicks.submit(() -> outcome(service.activate(portal, user(true), IGNORE)));
            Thread.sleep(200);
            release.countDown();

            assertThat(second.get(5, TimeUnit.SECONDS)).isEqualTo(first.get(5, TimeUnit.SECONDS));
            assertThat(runs).hasValue(1);
            assertThat(log.steps).containsExactly("begin", "finish:installed");
        } finally {
            clicks.shutdownNow();
        }
    }

    @Test
    void checks_installed_through_cdi_are_sorted_by_area() {
        DefaultActivationService service = new DefaultActivationService();
        service.setChecks(new ListInstance(List.of(
                new FixedCheck(CheckArea.UPDATES, false),
                new FixedCheck(CheckArea.SUPPORT_CHANNEL, true),
                new FixedCheck(CheckArea.ADMINISTRATOR, true),
                new FixedCheck(CheckArea.LICENSE, false))));
        service.executor = pool;
        service.log = log;
        service.clock = clock;
        service.deadline = Duration.ofSeconds(5);

        assertThat(outcome(service.activate(portal(true), user(true), IGNORE)).failures()).extracting(ActivationFailure::code)
                .containsExactly("LICENSE_FAILED", "UPDATES_FAILED");
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
