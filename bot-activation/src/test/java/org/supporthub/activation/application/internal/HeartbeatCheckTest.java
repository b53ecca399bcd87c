package org.supporthub.activation.application.internal;

import org.junit.jupiter.api.Test;
import org.supporthub.activation.domain.model.ActivationSubject;
import org.supporthub.activation.domain.model.CheckArea;
import org.supporthub.activation.domain.model.CheckResult;
import org.supporthub.core.domain.model.portal.Portal;

import java.lang.reflect.Field;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.supporthub.activation.application.internal.ActivationFixtures.portal;
import static org.supporthub.activation.application.internal.ActivationFixtures.user;

class HeartbeatCheckTest {

    private static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");
    private final HeartbeatCheck check = new HeartbeatCheck(600, Clock.fixed(NOW, ZoneOffset.UTC));

    /** The heartbeat column is written by a bulk update in production; here it is set as JPA would load it. */
    private static Portal withHeartbeat(Instant at) throws Exception {
        Portal p = portal(true);
        Field f = Portal.class.getDeclaredField("lastHeartbeatAt");
        f.setAccessible(true);
        f.set(p, at);
        return p;
    }

    @Test
    void a_portal_that_never_reached_the_hub_cannot_be_activated() {
        CheckResult r = check.run(new ActivationSubject(portal(true), user(true)));
        assertThat(r.area()).isEqualTo(CheckArea.PORTAL_REACHES_HUB);
        assertThat(r.code()).isEqualTo("NETWORK_ERROR");
        assertThat(r.detail()).isEqualTo("PORTAL_CANNOT_REACH_HUB");
    }

    @Test
    void a_heartbeat_inside_the_window_passes_and_one_outside_fails() throws Exception {
        assertThat(check.run(new ActivationSubject(withHeartbeat(NOW.minusSeconds(600)), user(true))).passed()).isTrue();
        assertThat(check.run(new ActivationSubject(withHeartbeat(NOW.minusSeconds(601)), user(true))).detail())
                .isEqualTo("PORTAL_CANNOT_REACH_HUB");
    }
}
