package org.supporthub.activation.application.internal;

import org.junit.jupiter.api.Test;
import org.supporthub.activation.domain.model.address.AddressPolicy;
import org.supporthub.core.application.HubSettings;

import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/** The address policy's settings: strict in production, relaxed in development only as configured. */
class AddressPolicyProducerTest {

    private static AddressPolicyProducer producer(boolean development, String ports, String hubAddresses,
                                                  String localRanges) {
        AddressPolicyProducer p = new AddressPolicyProducer();
        p.settings = new HubSettings() {
            @Override
            public boolean development() {
                return development;
            }
        };
        p.allowedPorts = Optional.ofNullable(ports);
        p.publicAddresses = Optional.ofNullable(hubAddresses);
        p.allowedLocalRanges = Optional.ofNullable(localRanges);
        p.demoPortalPort = 8181;
        ActivationLimits limits = new ActivationLimits();
        limits.deadlineSeconds = 20;
        limits.dnsTimeoutSeconds = 5;
        limits.probeDeadlineSeconds = 10;
        limits.maxConcurrent = 4;
        limits.dnsLookups = 2;
        limits.fit();
        p.limits = limits;
        p.threads = new jakarta.enterprise.concurrent.ManagedThreadFactory() {
            @Override
            public Thread newThread(Runnable r) {
                Thread t = new Thread(r);
                t.setDaemon(true);
                return t;
            }

            @Override
            public java.util.concurrent.ForkJoinWorkerThread newThread(java.util.concurrent.ForkJoinPool pool) {
                throw new UnsupportedOperationException();
            }
        };
        return p;
    }

    @Test
    void production_allows_443_only_unless_told_otherwise() {
        AddressPolicyProducer production = producer(false, null, null, null);

        assertThat(production.ports().httpsOnly()).isTrue();
        assertThat(production.policy().check("https://8.8.8.8:8181").detail()).isEqualTo("PORT_NOT_ALLOWED");
        assertThat(production.policy().check("https://8.8.8.8:8443").detail()).isEqualTo("PORT_NOT_ALLOWED");
        assertThat(production.policy().check("https://8.8.8.8").isOk()).isTrue();

        AddressPolicyProducer listed = producer(false, "443,8443", null, null);
        assertThat(listed.policy().check("https://8.8.8.8:8443").isOk()).isTrue();
        assertThat(listed.policy().check("https://8.8.8.8:8181").detail()).isEqualTo("PORT_NOT_ALLOWED");
    }

    @Test
    void development_allows_the_demo_portals_port_or_exactly_the_configured_ones() {
        assertThat(producer(true, null, null, null).policy().check("https://127.0.0.1:8181").isOk()).isTrue();
        assertThat(producer(true, null, null, null).policy().check("https://127.0.0.1:8182").detail())
                .isEqualTo("PORT_NOT_ALLOWED");

        AddressPolicy fixtures = producer(true, "443,1024-65535", null, null).policy();
        assertThat(fixtures.check("https://127.0.0.1:40123").isOk()).isTrue();
        assertThat(fixtures.check("https://127.0.0.1:22").detail()).isEqualTo("PORT_NOT_ALLOWED");
    }

    @Test
    void the_hubs_configured_public_addresses_are_refused() {
        AddressPolicy policy = producer(false, null, "45.67.89.10, [2a01:4f8::30]", null).policy();

        assertThat(policy.check("https://45.67.89.10").detail()).isEqualTo(AddressPolicy.HUB_OWN_ADDRESS);
        assertThat(policy.check("https://[2002:2d43:590a::1]").detail()).isEqualTo(AddressPolicy.HUB_OWN_ADDRESS);
        assertThat(policy.check("https://[2a01:4f8::30]").detail()).isEqualTo(AddressPolicy.HUB_OWN_ADDRESS);
    }

    @Test
    void malformed_settings_stop_the_hub() {
        assertThatIllegalStateException().isThrownBy(() -> producer(false, "443,ssh", null, null).policy())
                .withMessageContaining("SUPPORT_HUB_ACTIVATION_ALLOWED_PORTS");
        assertThatIllegalStateException().isThrownBy(() -> producer(false, null, "010.0.0.1", null).policy())
                .withMessageContaining("SUPPORT_HUB_PUBLIC_ADDRESSES");
        assertThatIllegalStateException().isThrownBy(() -> producer(false, null, null, "127.0.0.0/8").policy())
                .withMessageContaining("SUPPORT_HUB_ACTIVATION_ALLOWED_LOCAL_RANGES");
    }
}
