package org.supporthub.activation.application.internal;

import org.junit.jupiter.api.Test;
import org.supporthub.activation.domain.model.ActivationSubject;
import org.supporthub.activation.domain.model.CheckArea;
import org.supporthub.activation.domain.model.CheckResult;
import org.supporthub.activation.domain.model.address.AddressPolicy;
import org.supporthub.activation.infrastructure.reachability.PortalProbe;
import org.supporthub.activation.domain.model.reachability.ProbeSettings;
import org.supporthub.core.domain.model.bot.BotEvent;
import org.supporthub.core.domain.model.portal.Portal;
import org.supporthub.core.domain.model.portal.PortalCredentials;
import org.supporthub.core.domain.model.portal.PublicAddress;
import org.supporthub.core.domain.model.portal.SupportLocale;

import javax.net.ssl.X509TrustManager;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.supporthub.activation.application.internal.ActivationFixtures.user;

class PortalProbeCheckTest {

    /** A portal whose address resolves to a private address: the probe must not contact anything. */
    @Test
    void a_refused_address_is_never_contacted() {
        PortalProbeCheck check = new PortalProbeCheck();
        List<String> resolved = new java.util.ArrayList<>();
        check.policy = new AddressPolicy(host -> {
            resolved.add(host);
            return List.of(java.net.InetAddress.getByAddress(host, new byte[]{10, 0, 0, 7}));
        }, Set.of(), Set.of());
        PortalProbe probe = new PortalProbe(ProbeSettings.DEFAULTS, new X509TrustManager() {
            @Override
            public void checkClientTrusted(X509Certificate[] chain, String authType) {
                throw new AssertionError("no connection expected");
            }

            @Override
            public void checkServerTrusted(X509Certificate[] chain, String authType) {
                throw new AssertionError("no connection expected");
            }

            @Override
            public X509Certificate[] getAcceptedIssuers() {
                return new X509Certificate[0];
            }
        }, Clock.systemUTC());
        check.probes = new PortalProbeProducer() {
            @Override
            public synchronized PortalProbe probe() {
                return probe;
            }
        };
        Portal portal = new Portal("p-1", "Intranet", PublicAddress.of("https://intranet.example.com"), "K", "24.0.0",
                SupportLocale.EN, new PortalCredentials("h", "s"), Instant.EPOCH);
        portal.apply(BotEvent.CHANNEL_ENABLED);

        CheckResult r = check.run(new ActivationSubject(portal, user(true)));

        assertThat(r.area()).isEqualTo(CheckArea.HUB_REACHES_PORTAL);
        assertThat(r.code()).isEqualTo("NETWORK_ERROR");
        assertThat(r.detail()).isEqualTo(PortalProbeCheck.ADDRESS_REFUSED);
        assertThat(resolved).containsExactly("intranet.example.com");
    }

    /**
     * A probe taken when the check was made would keep the trust of that moment: on a fresh data folder
     * the demo portal's root is written after start-up, and the demo's activation failed for good with
     * "not issued by a recognised certificate authority". The check asks for the probe on every run.
     */
    @Test
    void every_run_asks_for_the_probe_of_the_moment() {
        PortalProbeCheck check = new PortalProbeCheck();
        check.policy = new AddressPolicy(host -> List.of(java.net.InetAddress.getByAddress(host,
                new byte[]{8, 8, 8, 8})), Set.of(), Set.of());
        List<String> asked = new java.util.ArrayList<>();
        check.probes = new PortalProbeProducer() {
            @Override
            public synchronized PortalProbe probe() {
                asked.add("probe");
                throw new IllegalStateException("probe " + asked.size());
            }
        };
        Portal portal = new Portal("p-1", "Intranet", PublicAddress.of("https://intranet.example.com"), "K", "24.0.0",
                SupportLocale.EN, new PortalCredentials("h", "s"), Instant.EPOCH);
        portal.apply(BotEvent.CHANNEL_ENABLED);
        check.portals = (org.supporthub.core.application.PortalRegistryService) java.lang.reflect.Proxy
                .newProxyInstance(getClass().getClassLoader(),
                        new Class<?>[] {org.supporthub.core.application.PortalRegistryService.class},
                        (proxy, method, args) -> {
                            if (method.getName().equals("challengeKey")) {
                                return new byte[32];
                            }
                            throw new AssertionError("not expected: " + method.getName());
                        });

        for (int run = 1; run <= 2; run++) {
            int expected = run;
            org.assertj.core.api.Assertions.assertThatIllegalStateException()
                    .isThrownBy(() -> check.run(new ActivationSubject(portal, user(true))))
                    .withMessage("probe " + expected);
        }
        assertThat(asked).hasSize(2);
    }
}
