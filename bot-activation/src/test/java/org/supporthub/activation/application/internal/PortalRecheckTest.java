package org.supporthub.activation.application.internal;

import org.junit.jupiter.api.Test;
import org.supporthub.activation.application.PortalRecheckService;
import org.supporthub.activation.application.PortalStatusQueries;
import org.supporthub.activation.domain.model.ActivationSubject;
import org.supporthub.activation.domain.model.CheckResult;
import org.supporthub.core.application.ActivationOutcome;
import org.supporthub.core.application.ChatService;
import org.supporthub.core.domain.model.bot.BotEvent;
import org.supporthub.core.domain.model.bot.BotState;
import org.supporthub.core.domain.model.portal.Portal;
import org.supporthub.core.domain.model.portal.PublicAddress;

import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** The re-check proves a newly claimed address before the hub trusts it, and disconnects when it cannot. */
class PortalRecheckTest {

    private final Portal portal = ActivationFixtures.portal(true);
    private final List<String> ran = new ArrayList<>();
    private final List<ActivationOutcome> told = new ArrayList<>();
    private boolean proofPasses;
    private boolean licencePasses = true;
    /** Runs inside the licence check, as a second manager's click would arrive during a run. */
    private Runnable duringLicenceCheck = () -> { };

    private PortalRecheck recheck() {
        PortalRecheck recheck = new PortalRecheck();
        recheck.license = new ValidLicenseCheck() {
            @Override
            public CheckResult run(ActivationSubject subject) {
                ran.add("LICENSE");
                duringLicenceCheck.run();
                return licencePasses ? CheckResult.pass(area(), Duration.ofMillis(3))
                        : CheckResult.fail(area(), "LICENSE_EXPIRED", null, Duration.ofMillis(3));
            }
        };
        recheck.address = new PublicAddressCheck() {
            @Override
            public CheckResult run(ActivationSubject subject) {
                ran.add("PUBLIC_ADDRESS " + subject.portal().publicAddress());
                return CheckResult.pass(area(), Duration.ZERO);
            }
        };
        recheck.probe = new PortalProbeCheck() {
            @Override
            public CheckResult run(ActivationSubject subject) {
                ran.add("PROOF " + subject.portal().publicAddress());
                return proofPasses ? CheckResult.pass(area(), Duration.ZERO)
                        : CheckResult.fail(area(), CODE, "CHALLENGE_MISMATCH", Duration.ZERO);
            }
        };
        recheck.chat = (ChatService) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {ChatService.class}, (proxy, method, args) -> {
                    if (method.getName().equals("tellAdministrators")) {
                        told.add((ActivationOutcome) args[1]);
                    }
                    return null;
                });
        recheck.clock = java.time.Clock.systemUTC();
        recheck.log = new PortalRecheck.RecheckLog() {
            @Override
            public Optional<Portal> portal(String portalId) {
                return Optional.of(portal);
            }

            @Override
            public boolean failed(String portalId) {
                if (portal.botState() != BotState.CONNECTED) {
                    return false;
                }
                portal.recheckFailed();
                return true;
            }

            @Override
            public boolean passed(String portalId, Optional<PublicAddress> proven) {
                proven.ifPresent(portal::addressProven);
                if (portal.botState() != BotState.INSTALLED || !portal.disconnectedByRecheck()) {
                    return false;
                }
                portal.recheckPassed();
                return true;
            }
        };
        return recheck;
    }

    private void connectedAt(String address) {
        portal.apply(BotEvent.ACTIVATION_STARTED);
        portal.apply(BotEvent.ACTIVATION_SUCCEEDED);
        portal.addressProven(PublicAddress.of(address));
    }

    @Test
    void an_unchanged_address_is_not_challenged_again() {
        connectedAt("https://portal.acme.example");

        recheck().recheck(portal.id());

        assertThat(ran).containsExactly("LICENSE", "PUBLIC_ADDRESS https://portal.acme.example");
        assertThat(portal.botState()).isEqualTo(BotState.CONNECTED);
    }

    @Test
    void a_new_address_that_fails_its_proof_disconnects_and_stays_untrusted() {
        connectedAt("https://portal.acme.example");
        portal.updateSettings(PublicAddress.of("https://moved.acme.example"), "LIC-1", "24.100.0");

        recheck().recheck(portal.id());

        assertThat(ran).contains("PROOF https://moved.acme.example");
        assertThat(portal.botState()).isEqualTo(BotState.INSTALLED);
        assertThat(portal.widgetOrigin()).isEqualTo("https://portal.acme.example");
        assertThat(told).singleElement().satisfies(o -> assertThat(o.failures()).singleElement()
                .satisfies(f -> assertThat(f.detail()).isEqualTo("CHALLENGE_MISMATCH")));

        // Fixed: the next run proves it, trusts it and reconnects.
        proofPasses = true;
        recheck().recheck(portal.id());

        assertThat(portal.botState()).isEqualTo(BotState.CONNECTED);
        assertThat(portal.widgetOrigin()).isEqualTo("https://moved.acme.example");
        assertThat(portal.addressAwaitsProof()).isFalse();
        assertThat(told).hasSize(2);
    }

    @Test
    void a_new_address_that_passes_its_proof_is_trusted_and_the_bot_stays_connected() {
        connectedAt("https://portal.acme.example");
        portal.updateSettings(PublicAddress.of("https://moved.acme.example"), "LIC-1", "24.100.0");
        proofPasses = true;

        recheck().recheck(portal.id());

        assertThat(portal.botState()).isEqualTo(BotState.CONNECTED);
        assertThat(portal.widgetOrigin()).isEqualTo("https://moved.acme.example");
        assertThat(told).isEmpty();
    }

    @Test
    void a_managers_recheck_now_runs_the_same_rules_and_answers_each_check() {
        connectedAt("https://portal.acme.example");
        licencePasses = false;
        PortalRecheck recheck = recheck();

        PortalRecheckService.RecheckOutcome outcome = recheck.recheckNow(portal.id()).orElseThrow();

        assertThat(outcome.before()).isEqualTo(BotState.CONNECTED);
        assertThat(outcome.after()).isEqualTo(BotState.INSTALLED);
        assertThat(outcome.passed()).isFalse();
        assertThat(outcome.checks()).extracting(PortalStatusQueries.CheckSummary::area)
                .containsExactly("LICENSE", "PUBLIC_ADDRESS");
        assertThat(outcome.checks().get(0).code()).isEqualTo("LICENSE_EXPIRED");
        assertThat(outcome.checks().get(0).millis()).isEqualTo(3);
        assertThat(told).hasSize(1);
    }

    @Test
    void recheck_now_never_connects_a_portal_that_was_not_connected() {
        portal.apply(BotEvent.ACTIVATION_STARTED);
        portal.apply(BotEvent.ACTIVATION_FAILED);

        PortalRecheckService.RecheckOutcome outcome = recheck().recheckNow(portal.id()).orElseThrow();

        assertThat(outcome.passed()).isTrue();
        assertThat(outcome.after()).isEqualTo(BotState.INSTALLED);
        assertThat(portal.botState()).isEqualTo(BotState.INSTALLED);
        assertThat(told).isEmpty();
    }

    @Test
    void one_managers_recheck_of_a_portal_at_a_time() {
        connectedAt("https://portal.acme.example");
        PortalRecheck recheck = recheck();
        List<RuntimeException> second = new ArrayList<>();
        duringLicenceCheck = () -> {
            try {
                recheck.recheckNow(portal.id());
            } catch (PortalRecheckService.RecheckRunningException e) {
                second.add(e);
            }
        };

        recheck.recheckNow(portal.id());

        assertThat(second).hasSize(1);
        assertThat(ran).containsExactly("LICENSE", "PUBLIC_ADDRESS https://portal.acme.example");
        // The first run is over: the next click runs again.
        duringLicenceCheck = () -> { };
        assertThat(recheck.recheckNow(portal.id())).isPresent();
    }
}
