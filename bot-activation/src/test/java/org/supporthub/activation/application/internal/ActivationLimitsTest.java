package org.supporthub.activation.application.internal;

import org.junit.jupiter.api.Test;
import org.supporthub.activation.application.internal.ActivationLimits.Fitted;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** A check's name lookup and HTTPS probe together never outlast the activation's deadline. */
class ActivationLimitsTest {

    @Test
    void the_defaults_fit_as_they_are() {
        assertThat(Fitted.of(20, 5, 10)).isEqualTo(new Fitted(Duration.ofSeconds(20), Duration.ofSeconds(5),
                Duration.ofSeconds(10)));
    }

    @Test
    void a_lookup_gets_at_most_half_the_deadline_and_the_probe_what_is_left() {
        Fitted fitted = Fitted.of(6, 5, 10);

        assertThat(fitted.dnsTimeout()).isEqualTo(Duration.ofSeconds(3));
        assertThat(fitted.probeDeadline()).isEqualTo(Duration.ofSeconds(3));
    }

    @Test
    void whatever_is_configured_the_two_waits_fit_in_the_deadline() {
        for (long deadline : new long[] {0, 1, 2, 7, 20, 60}) {
            for (long dns : new long[] {0, 1, 5, 100}) {
                for (long probe : new long[] {0, 1, 10, 100}) {
                    Fitted f = Fitted.of(deadline, dns, probe);
                    assertThat(f.dnsTimeout().plus(f.probeDeadline())).as("%d %d %d", deadline, dns, probe)
                            .isLessThanOrEqualTo(f.deadline());
                    assertThat(f.dnsTimeout()).isPositive();
                    assertThat(f.probeDeadline()).isPositive();
                }
            }
        }
    }
}
