package org.supporthub.activation.application.internal;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.TransactionalException;
import org.supporthub.activation.application.ActivationService;
import org.supporthub.activation.domain.model.ActivationCheck;
import org.supporthub.activation.domain.model.ActivationReport;
import org.supporthub.activation.domain.model.ActivationReportRepository;
import org.supporthub.activation.domain.model.ActivationRun;
import org.supporthub.activation.domain.model.ActivationSubject;
import org.supporthub.activation.domain.model.CheckArea;
import org.supporthub.activation.domain.model.CheckResult;
import org.supporthub.core.application.ActivationOutcome;
import org.supporthub.core.application.ActivationOutcome.ActivationFailure;
import org.supporthub.core.application.ActivationProgress;
import org.supporthub.core.application.BotActivation;
import org.supporthub.core.domain.model.portal.Portal;
import org.supporthub.core.domain.model.user.PortalUser;

import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Collectors;

/**
 * Runs an activation: first the preconditions (support channel on, asked by an administrator), which
 * refuse without touching the bot; then, on the {@link ActivationExecutor activation executor} and never
 * on the caller's thread, the bot goes to ACTIVATING and every other check runs in parallel under one
 * deadline, so the run takes about as long as its slowest check. Each result is reported as it comes; the
 * run is judged, the bot moved on, and the report stored.
 *
 * <p>One run per portal at a time: a second request while a run is going on in this instance joins it and
 * receives its outcome; one that meets a run of another instance (the database says ACTIVATING) is told it
 * is already running. A run never leaves the bot ACTIVATING: whatever goes wrong inside it ends it as
 * {@code ACTIVATION_INTERRUPTED}, and a run whose instance died is ended by {@link #repairAbandonedRuns}.
 */
@ApplicationScoped
public class DefaultActivationService implements BotActivation, ActivationService {

    private static final Logger LOG = Logger.getLogger(DefaultActivationService.class.getName());

    /** Checks that decide whether an activation may start at all. */
    static final Set<CheckArea> PRECONDITIONS = EnumSet.of(CheckArea.SUPPORT_CHANNEL, CheckArea.ADMINISTRATOR);

    /** This instance, as its run rows name it: for the people reading the table, not for any decision. */
    static final String INSTANCE = ManagementFactory.getRuntimeMXBean().getName() + "/"
            + UUID.randomUUID().toString().substring(0, 8);

    private final Map<String, CompletableFuture<ActivationOutcome>> running = new ConcurrentHashMap<>();

    private List<ActivationCheck> checks;

    @Inject
    ActivationExecutor executor;

    @Inject
    ActivationLog log;

    @Inject
    ActivationReportRepository reports;

    @Inject
    Clock clock;

    @Inject
    ActivationLimits limits;

    /** Set by tests, which have no {@link ActivationLimits}. */
    Duration deadline;
    Duration repairMargin;

    public DefaultActivationService() {
    }

    DefaultActivationService(List<ActivationCheck> checks, ActivationExecutor executor, ActivationLog log, Clock clock,
                             long deadlineSeconds) {
        this.checks = checks.stream().sorted(Comparator.comparing(ActivationCheck::area)).toList();
        this.executor = executor;
        this.log = log;
        this.clock = clock;
        this.deadline = Duration.ofSeconds(deadlineSeconds);
        this.repairMargin = Duration.ofSeconds(10);
    }

    @Inject
    void setChecks(@Any Instance<ActivationCheck> installed) {
        this.checks = installed.stream().sorted(Comparator.comparing(ActivationCheck::area)).toList();
    }

    @Override
    public Optional<ActivationReport> latestReport(String portalId) {
        return reports.latest(portalId);
    }

    @Override
    public CompletionStage<ActivationOutcome> activate(Portal portal, PortalUser requestedBy,
                                                       Consumer<ActivationProgress> progress) {
        ActivationSubject subject = new ActivationSubject(portal, requestedBy);
        Instant started = clock.instant();
        // Pure checks of the request itself: nothing to wait for, so they may run on the caller's thread.
        List<CheckResult> preconditions = checks.stream().filter(c -> PRECONDITIONS.contains(c.area()))
                .map(c -> c.run(subject)).toList();
        if (preconditions.stream().anyMatch(r -> !r.passed())) {
            ActivationOutcome refused = judge(preconditions);
            // Anyone the portal signed a token for may ask; only an administrator's request is the
            // portal's own word, so only theirs may become the portal's latest report.
            if (requestedBy.admin()) {
                log.record(report(subject, started, refused, preconditions));
            }
            return CompletableFuture.completedFuture(refused);
        }
        CompletableFuture<ActivationOutcome> mine = new CompletableFuture<>();
        CompletableFuture<ActivationOutcome> theirs = running.putIfAbsent(portal.id(), mine);
        if (theirs != null) {
            return theirs.minimalCompletionStage();
        }
        boolean admitted = executor.tryStart(() -> {
            ActivationOutcome outcome;
            try {
                outcome = run(subject, started, preconditions, progress);
            } catch (RuntimeException | Error e) {
                // run() ends every failure itself; this is the last guard for the joiners.
                LOG.log(Level.SEVERE, "Activation of portal " + portal.id() + " failed", e);
                outcome = ActivationOutcome.interrupted(ActivationOutcome.INTERNAL_ERROR);
            }
            running.remove(portal.id(), mine);
            mine.complete(outcome);
        });
        if (!admitted) {
            running.remove(portal.id(), mine);
            ActivationOutcome busy = ActivationOutcome.busy();
            LOG.warning("Activation of portal " + portal.id() + " refused: " + executor.running()
                    + " activations running on this instance");
            try {
                log.record(report(subject, started, busy, preconditions, ActivationOutcome.BUSY, null));
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "Could not store the refusal of portal " + portal.id(), e);
            }
            mine.complete(busy);
        }
        return mine.minimalCompletionStage();
    }

    private ActivationOutcome run(ActivationSubject subject, Instant started, List<CheckResult> preconditions,
                                  Consumer<ActivationProgress> progress) {
        String portalId = subject.portal().id();
        Duration limit = deadline();
        ActivationRun run = new ActivationRun(portalId, UUID.randomUUID().toString(), INSTANCE,
                subject.requestedBy().userId(), subject.requestedBy().name(), started, started.plus(limit));
        if (!begin(run)) {
            return new ActivationOutcome(ActivationOutcome.Status.ALREADY_RUNNING, List.of());
        }
        List<CheckResult> results = new ArrayList<>(preconditions);
        try {
            results.addAll(runInParallel(subject, progress, limit));
            ActivationOutcome outcome = judge(results);
            log.finish(portalId, run.runId(), outcome.status() == ActivationOutcome.Status.CONNECTED,
                    report(subject, started, outcome, results), subject.portal().publicAddress());
            return outcome;
        } catch (RuntimeException | InterruptedException e) {
            boolean stopping = e instanceof InterruptedException;
            if (stopping) {
                Thread.currentThread().interrupt();
            }
            LOG.log(stopping ? Level.WARNING : Level.SEVERE, "Activation of portal " + portalId + " interrupted", e);
            String detail = stopping ? ActivationOutcome.HUB_STOPPED : ActivationOutcome.INTERNAL_ERROR;
            ActivationOutcome interrupted = ActivationOutcome.interrupted(detail);
            try {
                log.finish(portalId, run.runId(), false,
                        report(subject, started, interrupted, results, ActivationOutcome.INTERRUPTED, detail),
                        subject.portal().publicAddress());
            } catch (RuntimeException again) {
                // The database is not there either: the run row stays, and the repair ends it after its deadline.
                LOG.log(Level.SEVERE, "Could not end the activation of portal " + portalId
                        + "; it will be repaired after its deadline", again);
            }
            return interrupted;
        }
    }

    private boolean begin(ActivationRun run) {
        try {
            return log.begin(run);
        } catch (PersistenceException | TransactionalException e) {
            // Another instance moved the bot first (optimistic lock): its run is the one that counts.
            return false;
        }
    }

    /**
     * Every non-precondition check at once, each on a thread of its own; their results are reported here,
     * on the run's thread, as they come. A check not done by the deadline gets its timed-out result (and
     * its thread is interrupted; the network waits of the checks end by the deadline on their own).
     */
    private List<CheckResult> runInParallel(ActivationSubject subject, Consumer<ActivationProgress> progress,
                                            Duration limit) throws InterruptedException {
        long end = System.nanoTime() + limit.toNanos();
        List<ActivationCheck> toRun = checks.stream().filter(c -> !PRECONDITIONS.contains(c.area())).toList();
        BlockingQueue<CheckResult> done = new LinkedBlockingQueue<>();
        Map<CheckArea, Future<?>> started = new EnumMap<>(CheckArea.class);
        for (ActivationCheck check : toRun) {
            try {
                started.put(check.area(), executor.startCheck(() -> done.add(runSafely(check, subject))));
            } catch (RejectedExecutionException e) {
                done.add(CheckResult.fail(check.area(), "CHECK_FAILED", "BUSY", Duration.ZERO));
            }
        }
        Map<CheckArea, CheckResult> results = new EnumMap<>(CheckArea.class);
        while (results.size() < toRun.size()) {
            long left = end - System.nanoTime();
            CheckResult r = left > 0 ? done.poll(left, TimeUnit.NANOSECONDS) : null;
            if (r == null) {
                break;
            }
            results.put(r.area(), r);
            report(progress, r);
        }
        for (ActivationCheck check : toRun) {
            if (!results.containsKey(check.area())) {
                Optional.ofNullable(started.get(check.area())).ifPresent(f -> f.cancel(true));
                CheckResult late = check.timedOut(limit);
                results.put(check.area(), late);
                report(progress, late);
            }
        }
        return toRun.stream().map(c -> results.get(c.area())).toList();
    }

    /** A check that throws has failed; what it threw is logged, not shown. */
    private static CheckResult runSafely(ActivationCheck check, ActivationSubject subject) {
        try {
            return check.run(subject);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Activation check " + check.area() + " failed", e);
            return CheckResult.fail(check.area(), "CHECK_FAILED", ActivationOutcome.INTERNAL_ERROR, Duration.ZERO);
        }
    }

    /** Telling the chat is not part of the run: if it fails, the run still ends. */
    private static void report(Consumer<ActivationProgress> progress, CheckResult r) {
        try {
            progress.accept(r.passed() ? ActivationProgress.passed(r.area().name())
                    : ActivationProgress.failed(r.area().name(), r.code(), r.detail(), r.args()));
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Could not report the progress of an activation", e);
        }
    }

    @Override
    public int repairAbandonedRuns() {
        Instant now = clock.instant();
        Duration margin = repairMargin();
        int repaired = 0;
        for (String portalId : log.suspects(now.minus(margin))) {
            try {
                if (log.repair(portalId, now, margin, run -> interruptedReport(portalId, run, now))) {
                    repaired++;
                }
            } catch (PersistenceException | TransactionalException e) {
                // Another instance repaired it, or its run ended, at the same moment.
                LOG.log(Level.FINE, "Repair of portal " + portalId + " lost a race", e);
            }
        }
        return repaired;
    }

    private static ActivationReport interruptedReport(String portalId, Optional<ActivationRun> run, Instant now) {
        return new ActivationReport(UUID.randomUUID().toString(), portalId,
                run.map(ActivationRun::requestedBy).orElse("support-hub"),
                run.map(ActivationRun::requestedByName).orElse("Support Hub"),
                run.map(ActivationRun::startedAt).orElse(now), now, ActivationOutcome.Status.FAILED.name(), List.of(),
                ActivationOutcome.INTERRUPTED, ActivationOutcome.HUB_STOPPED);
    }

    private Duration deadline() {
        return deadline != null ? deadline : limits.deadline();
    }

    private Duration repairMargin() {
        return repairMargin != null ? repairMargin : limits.repairMargin();
    }

    private ActivationReport report(ActivationSubject subject, Instant started, ActivationOutcome outcome,
                                    List<CheckResult> results) {
        return new ActivationReport(UUID.randomUUID().toString(), subject.portal().id(),
                subject.requestedBy().userId(), subject.requestedBy().name(), started, clock.instant(),
                outcome.status().name(), results);
    }

    private ActivationReport report(ActivationSubject subject, Instant started, ActivationOutcome outcome,
                                    List<CheckResult> results, String errorCode, String errorDetail) {
        return new ActivationReport(UUID.randomUUID().toString(), subject.portal().id(),
                subject.requestedBy().userId(), subject.requestedBy().name(), started, clock.instant(),
                outcome.status().name(), results, errorCode, errorDetail);
    }

    /**
     * Any failure fails the activation (all failures are named, in check order); a connection is claimed
     * only when every area was checked and passed; otherwise the hub says what it could not check.
     */
    static ActivationOutcome judge(List<CheckResult> results) {
        List<CheckResult> ordered = results.stream().sorted(Comparator.comparing(CheckResult::area)).toList();
        List<ActivationFailure> failures = ordered.stream().filter(r -> !r.passed())
                .map(r -> new ActivationFailure(r.code(), r.detail(), r.args())).toList();
        if (!failures.isEmpty()) {
            return new ActivationOutcome(ActivationOutcome.Status.FAILED, failures);
        }
        Set<CheckArea> unproved = EnumSet.allOf(CheckArea.class);
        ordered.forEach(r -> unproved.remove(r.area()));
        return unproved.isEmpty() ? new ActivationOutcome(ActivationOutcome.Status.CONNECTED, List.of())
                : new ActivationOutcome(ActivationOutcome.Status.UNAVAILABLE, List.of(),
                unproved.stream().map(Enum::name).collect(Collectors.toList()));
    }
}
