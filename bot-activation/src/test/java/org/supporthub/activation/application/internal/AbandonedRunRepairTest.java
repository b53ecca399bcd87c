package org.supporthub.activation.application.internal;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.supporthub.activation.domain.model.ActivationReport;
import org.supporthub.activation.domain.model.ActivationReportRepository;
import org.supporthub.activation.domain.model.ActivationRun;
import org.supporthub.activation.domain.model.ActivationRunRepository;
import org.supporthub.core.application.ActivationOutcome;
import org.supporthub.core.application.BotStates;
import org.supporthub.core.domain.model.bot.BotEvent;
import org.supporthub.core.domain.model.bot.BotState;
import org.supporthub.core.domain.model.bot.BotStateChange;
import org.supporthub.core.domain.model.portal.Portal;
import org.supporthub.core.domain.model.portal.PortalRepository;

import java.lang.reflect.Proxy;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A run whose hub instance died leaves its bot ACTIVATING; any instance ends it once the run's deadline
 * and a margin have passed, and never a run that may still be going.
 */
class AbandonedRunRepairTest {

    private static final Instant NOW = Instant.parse("2026-01-05T10:00:00Z");

    private final Map<String, Portal> portals = new HashMap<>();
    private final Map<String, ActivationRun> runs = new HashMap<>();
    private final List<ActivationReport> reports = new ArrayList<>();
    private final ActivationLog log = new ActivationLog();
    private final List<BotStateChange> stateChanges = new ArrayList<>();
    private final ActivationExecutor executor = new ActivationExecutor(2, Executors.defaultThreadFactory());
    private DefaultActivationService service;

    AbandonedRunRepairTest() {
        log.botStates = new BotStates(TestEvents.recording(stateChanges));
        // Only find() is needed; a proxy keeps this fake independent of the rest of the interface.
        log.portals = (PortalRepository) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {PortalRepository.class}, (proxy, method, args) -> {
                    if (method.getName().equals("find")) {
                        return Optional.ofNullable(portals.get((String) args[0]));
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
        log.runs = new ActivationRunRepository() {
            @Override
            public Optional<ActivationRun> find(String portalId) {
                return Optional.ofNullable(runs.get(portalId));
            }

            @Override
            public void start(ActivationRun run) {
                runs.put(run.portalId(), run);
            }

            @Override
            public void remove(ActivationRun run) {
                runs.remove(run.portalId());
            }

            @Override
            public List<String> suspectPortals(Instant deadlineBefore) {
                List<String> ids = new ArrayList<>(runs.values().stream()
                        .filter(r -> r.deadlineAt().isBefore(deadlineBefore)).map(ActivationRun::portalId).toList());
                portals.values().stream().filter(p -> p.botState() == BotState.ACTIVATING)
                        .filter(p -> !runs.containsKey(p.id())).forEach(p -> ids.add(p.id()));
                return ids;
            }
        };
        log.reports = new ActivationReportRepository() {
            @Override
            public void store(ActivationReport report) {
                reports.add(report);
            }

            @Override
            public Optional<ActivationReport> latest(String portalId) {
                return Optional.empty();
            }
        };
        service = new DefaultActivationService(List.of(), executor, log, Clock.fixed(NOW, ZoneOffset.UTC), 20);
        service.repairMargin = Duration.ofSeconds(10);
    }

    @AfterEach
    void stop() {
        executor.stop();
    }

    private Portal activating(String id) {
        Portal p = ActivationFixtures.portal(true);
        Portal portal = new Portal(id, p.name(), p.publicAddress(), p.licenseKey(), p.productVersion(), p.locale(),
                new org.supporthub.core.domain.model.portal.PortalCredentials("hash", "sealed"), p.createdAt());
        portal.apply(BotEvent.CHANNEL_ENABLED);
        portal.apply(BotEvent.ACTIVATION_STARTED);
        portals.put(id, portal);
        return portal;
    }

    private ActivationRun run(String portalId, Instant deadlineAt) {
        ActivationRun run = new ActivationRun(portalId, "run-" + portalId, "dead-instance", "u-1", "Anna",
                deadlineAt.minusSeconds(20), deadlineAt);
        runs.put(portalId, run);
        return run;
    }

    @Test
    void a_run_past_its_deadline_and_the_margin_is_ended_as_interrupted_by_a_stopped_hub() {
        Portal portal = activating("p-1");
        ActivationRun run = run("p-1", NOW.minusSeconds(11));

        assertThat(service.repairAbandonedRuns()).isEqualTo(1);

        assertThat(portal.botState()).isEqualTo(BotState.INSTALLED);
        assertThat(runs).isEmpty();
        ActivationReport report = reports.get(0);
        assertThat(report.portalId()).isEqualTo("p-1");
        assertThat(report.outcome()).isEqualTo("FAILED");
        assertThat(report.errorCode()).contains(ActivationOutcome.INTERRUPTED);
        assertThat(report.errorDetail()).isEqualTo(ActivationOutcome.HUB_STOPPED);
        assertThat(report.requestedBy()).isEqualTo("u-1");
        assertThat(report.startedAt()).isEqualTo(run.startedAt());
        assertThat(report.finishedAt()).isEqualTo(NOW);
    }

    @Test
    void a_run_that_may_still_be_going_is_left_alone() {
        Portal withinDeadline = activating("p-1");
        run("p-1", NOW.plusSeconds(5));
        Portal withinMargin = activating("p-2");
        run("p-2", NOW.minusSeconds(9));

        assertThat(service.repairAbandonedRuns()).isZero();

        assertThat(withinDeadline.botState()).isEqualTo(BotState.ACTIVATING);
        assertThat(withinMargin.botState()).isEqualTo(BotState.ACTIVATING);
        assertThat(runs).hasSize(2);
        assertThat(reports).isEmpty();
    }

    @Test
    void a_bot_activating_without_any_run_row_is_ended_too() {
        Portal portal = activating("p-1");

        assertThat(service.repairAbandonedRuns()).isEqualTo(1);

        assertThat(portal.botState()).isEqualTo(BotState.INSTALLED);
        assertThat(reports.get(0).errorCode()).contains(ActivationOutcome.INTERRUPTED);
        assertThat(reports.get(0).requestedBy()).isEqualTo("support-hub");
        assertThat(stateChanges).as("the widgets learn that the bot is back").containsExactly(
                new BotStateChange("p-1", BotState.INSTALLED));
    }

    @Test
    void a_left_over_row_of_a_bot_that_moved_on_changes_nothing() {
        Portal portal = activating("p-1");
        portal.apply(BotEvent.ACTIVATION_FAILED);
        run("p-1", NOW.minusSeconds(60));

        assertThat(service.repairAbandonedRuns()).isZero();

        assertThat(portal.botState()).isEqualTo(BotState.INSTALLED);
        assertThat(reports).isEmpty();
        assertThat(stateChanges).isEmpty();
    }

    @Test
    void a_run_ended_as_abandoned_cannot_finish_later_over_a_newer_state() {
        Portal portal = activating("p-1");
        run("p-1", NOW.minusSeconds(60));
        service.repairAbandonedRuns();
        // The administrator activated again meanwhile: a new run holds the bot.
        log.begin(new ActivationRun("p-1", "run-new", "live", "u-1", "Anna", NOW, NOW.plusSeconds(20)));
        reports.clear();

        boolean finished = log.finish("p-1", "run-p-1", true, reports.isEmpty() ? null : reports.get(0), null);

        assertThat(finished).isFalse();
        assertThat(portal.botState()).isEqualTo(BotState.ACTIVATING);
        assertThat(runs.get("p-1").runId()).isEqualTo("run-new");
        assertThat(reports).isEmpty();
    }
}
