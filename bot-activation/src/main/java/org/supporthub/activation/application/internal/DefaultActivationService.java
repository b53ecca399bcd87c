package org.supporthub.activation.application.internal;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.TransactionalException;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.supporthub.activation.application.ActivationService;
import org.supporthub.activation.domain.model.ActivationCheck;
import org.supporthub.activation.domain.model.ActivationReport;
import org.supporthub.activation.domain.model.ActivationReportRepository;
import org.supporthub.activation.domain.model.ActivationSubject;
import org.supporthub.activation.domain.model.CheckArea;
import org.supporthub.activation.domain.model.CheckResult;
import org.supporthub.core.application.ActivationOutcome;
import org.supporthub.core.application.ActivationOutcome.ActivationFailure;
import org.supporthub.core.application.ActivationProgress;
import org.supporthub.core.application.BotActivation;
import org.supporthub.core.domain.model.portal.Portal;
import org.supporthub.core.domain.model.user.PortalUser;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * Runs an activation: first the preconditions (support channel on, asked by an administrator), which
 * refuse without touching the bot; then the bot goes to ACTIVATING and every other check runs in
 * parallel under one deadline, so the run takes about as long as its slowest check. Each result is
 * reported as it comes; the run is judged, the bot moved on, and the report stored.
 *
 * <p>A second request while a run is going on in this instance joins it and receives its outcome; one
 * that meets a run of another instance (the database says ACTIVATING) is told it is already running.
 */
@ApplicationScoped
public class DefaultActivationService implements BotActivation, ActivationService {

    /** Checks that decide whether an activation may start at all. */
    static final Set<CheckArea> PRECONDITIONS = EnumSet.of(CheckArea.SUPPORT_CHANNEL, CheckArea.ADMINISTRATOR);

    private final Map<String, CompletableFuture<ActivationOutcome>> running = new ConcurrentHashMap<>();

    private List<ActivationCheck> checks;

    @Resource
    ManagedExecutorService managedExecutor;

    Executor executor;

    @Inject
    ActivationLog log;

    @Inject
    ActivationReportRepository reports;

    @Inject
    Clock clock;

    @Inject
    @ConfigProperty(name = "support.hub.activation.deadline-seconds", defaultValue = "20")
    long deadlineSeconds;

    public DefaultActivationService() {
    }

    DefaultActivationService(List<ActivationCheck> checks, Executor executor, ActivationLog log, Clock clock,
                             long deadlineSeconds) {
        this.checks = checks.stream().sorted(Comparator.comparing(ActivationCheck::area)).toList();
        this.executor = executor;
        this.log = log;
        this.clock = clock;
        this.deadlineSeconds = deadlineSeconds;
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
    public ActivationOutcome activate(Portal portal, PortalUser requestedBy, Consumer<ActivationProgress> progress) {
        ActivationSubject subject = new ActivationSubject(portal, requestedBy);
        Instant started = clock.instant();
        List<CheckResult> preconditions = checks.stream().filter(c -> PRECONDITIONS.contains(c.area()))
                .map(c -> c.run(subject)).toList();
        if (preconditions.stream().anyMatch(r -> !r.passed())) {
            ActivationOutcome refused = judge(preconditions);
            log.record(report(subject, started, refused, preconditions));
            return refused;
        }
        CompletableFuture<ActivationOutcome> mine = new CompletableFuture<>();
        CompletableFuture<ActivationOutcome> theirs = running.putIfAbsent(portal.id(), mine);
        if (theirs != null) {
            return theirs.join();
        }
        try {
            ActivationOutcome outcome = run(subject, started, preconditions, progress);
            mine.complete(outcome);
            return outcome;
        } catch (RuntimeException e) {
            mine.completeExceptionally(e);
            throw e;
        } finally {
            running.remove(portal.id(), mine);
        }
    }

    private ActivationOutcome run(ActivationSubject subject, Instant started, List<CheckResult> preconditions,
                                  Consumer<ActivationProgress> progress) {
        String portalId = subject.portal().id();
        if (!begin(portalId)) {
            return new ActivationOutcome(ActivationOutcome.Status.ALREADY_RUNNING, List.of());
        }
        List<CheckResult> results = new ArrayList<>(preconditions);
        results.addAll(runInParallel(subject, progress));
        ActivationOutcome outcome = judge(results);
        log.finish(portalId, outcome.status() == ActivationOutcome.Status.CONNECTED,
                report(subject, started, outcome, results), subject.portal().publicAddress());
        return outcome;
    }

    private boolean begin(String portalId) {
        try {
            return log.begin(portalId);
        } catch (PersistenceException | TransactionalException e) {
            // Another instance moved the bot first (optimistic lock): its run is the one that counts.
            return false;
        }
    }

    /** Every non-precondition check at once, each cut off at the shared deadline. */
    private List<CheckResult> runInParallel(ActivationSubject subject, Consumer<ActivationProgress> progress) {
        Duration deadline = Duration.ofSeconds(deadlineSeconds);
        List<CompletableFuture<CheckResult>> futures = checks.stream()
                .filter(c -> !PRECONDITIONS.contains(c.area()))
                .map(c -> CompletableFuture.supplyAsync(() -> c.run(subject), executor())
                        .completeOnTimeout(c.timedOut(deadline), deadlineSeconds, TimeUnit.SECONDS)
                        .exceptionally(e -> CheckResult.fail(c.area(), "CHECK_FAILED", e.getClass().getSimpleName(),
                                Duration.ZERO))
                        .thenApply(r -> {
                            report(progress, r);
                            return r;
                        }))
                .toList();
        return futures.stream().map(CompletableFuture::join).toList();
    }

    private static void report(Consumer<ActivationProgress> progress, CheckResult r) {
        // Progress comes from several threads; the chat serialises its own writes.
        synchronized (progress) {
            progress.accept(r.passed() ? ActivationProgress.passed(r.area().name())
                    : ActivationProgress.failed(r.area().name(), r.code(), r.detail(), r.args()));
        }
    }

    private Executor executor() {
        return executor != null ? executor : managedExecutor;
    }

    private ActivationReport report(ActivationSubject subject, Instant started, ActivationOutcome outcome,
                                    List<CheckResult> results) {
        return new ActivationReport(UUID.randomUUID().toString(), subject.portal().id(),
                subject.requestedBy().userId(), subject.requestedBy().name(), started, clock.instant(),
                outcome.status().name(), results);
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
