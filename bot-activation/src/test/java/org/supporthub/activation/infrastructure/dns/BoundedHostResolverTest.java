package org.supporthub.activation.infrastructure.dns;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.supporthub.activation.domain.model.address.AddressPolicy;
import org.supporthub.activation.domain.model.address.AddressVerdict;
import org.supporthub.activation.domain.model.address.HostLookupTimeout;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A name lookup that never answers cannot hold its caller past the timeout, nor pile up threads. */
class BoundedHostResolverTest {

    private final CountDownLatch never = new CountDownLatch(1);
    private BoundedHostResolver resolver;

    @AfterEach
    void stop() {
        never.countDown();
        if (resolver != null) {
            resolver.close();
        }
    }

    private List<InetAddress> hang(String host) {
        try {
            never.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            // InetAddress ignores interrupts; this fake does not, which is fine for the test.
            Thread.currentThread().interrupt();
        }
        return List.of();
    }

    @Test
    void a_lookup_that_hangs_is_a_timeout_after_the_limit() {
        resolver = new BoundedHostResolver(this::hang, Duration.ofMillis(300), 2, Executors.defaultThreadFactory());
        long start = System.nanoTime();

        assertThatThrownBy(() -> resolver.resolve("hangs.example")).isInstanceOf(HostLookupTimeout.class);

        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(3));
    }

    @Test
    void when_every_slot_is_taken_a_lookup_is_refused_at_once_as_a_timeout() throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        resolver = new BoundedHostResolver(host -> {
            started.countDown();
            return hang(host);
        }, Duration.ofSeconds(20), 1, Executors.defaultThreadFactory());
        // One running, one waiting for the thread: every slot taken.
        Thread first = new Thread(() -> catchAll("a.example"));
        Thread second = new Thread(() -> catchAll("b.example"));
        first.start();
        assertThat(started.await(5, TimeUnit.SECONDS)).isTrue();
        second.start();
        Thread.sleep(200);
        long start = System.nanoTime();

        assertThatThrownBy(() -> resolver.resolve("c.example")).isInstanceOf(HostLookupTimeout.class);

        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(1));
        first.interrupt();
        second.interrupt();
    }

    private void catchAll(String host) {
        try {
            resolver.resolve(host);
        } catch (UnknownHostException ignored) {
            // expected when the test ends
        }
    }

    @Test
    void answers_and_unknown_names_pass_through() throws Exception {
        InetAddress address = InetAddress.getByAddress(new byte[] {93, (byte) 184, (byte) 216, 34});
        resolver = new BoundedHostResolver(host -> {
            if (host.equals("missing.example")) {
                throw new UnknownHostException(host);
            }
            return List.of(address);
        }, Duration.ofSeconds(5), 2, Executors.defaultThreadFactory());

        assertThat(resolver.resolve("portal.example")).containsExactly(address);
        assertThatThrownBy(() -> resolver.resolve("missing.example")).isExactlyInstanceOf(UnknownHostException.class);
    }

    @Test
    void the_address_policy_names_a_lookup_timeout_as_such() {
        resolver = new BoundedHostResolver(this::hang, Duration.ofMillis(200), 2, Executors.defaultThreadFactory());
        AddressPolicy policy = new AddressPolicy(resolver, Set.of(), Set.of());

        AddressVerdict verdict = policy.check("https://hangs.example/");

        assertThat(verdict.code()).isEqualTo("INVALID_PUBLIC_ADDRESS");
        assertThat(verdict.detail()).isEqualTo(AddressPolicy.DNS_TIMEOUT);
    }
}
