package org.supporthub.web.interfaces.websocket;

import jakarta.websocket.CloseReason;
import jakarta.websocket.Session;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Silence is measured from what the client sends: a widget silent past 90 s and a console silent past
 * 45 s are closed normally (1000 IDLE_TIMEOUT) by the sweep; a client that keeps sending (its pings) is
 * kept; a closed socket is forgotten. The clock and the sockets are stand-ins.
 */
class IdleTimeoutsTest {

    private final IdleTimeouts idle = new IdleTimeouts();
    private final List<String> closed = new ArrayList<>();
    private long now = 1_000_000;

    @BeforeEach
    void setUp() {
        idle.widgetSeconds = 90;
        idle.consoleSeconds = 45;
        idle.clock = () -> now;
    }

    @Test
    void a_silent_widget_is_closed_after_its_limit_and_a_talking_one_is_kept() {
        Session silent = socket();
        Session talking = socket();
        idle.widget(silent, close("silent"));
        idle.widget(talking, close("talking"));

        for (int i = 0; i < 4; i++) {
            now += 25_000; // the widget's ping interval
            idle.heard(talking);
            idle.sweep();
        }
        assertThat(closed).as("100 s: past the silent one's 90 s limit").containsExactly("silent IDLE_TIMEOUT 1000");

        now += 89_000;
        idle.sweep();
        assertThat(closed).hasSize(1);
        now += 1_000;
        idle.sweep();
        assertThat(closed).containsExactly("silent IDLE_TIMEOUT 1000", "talking IDLE_TIMEOUT 1000");
        assertThat(idle.watching()).isZero();
    }

    @Test
    void the_console_has_its_own_shorter_limit() {
        Session console = socket();
        Session widget = socket();
        idle.console(console, close("console"));
        idle.widget(widget, close("widget"));

        now += 45_000;
        idle.sweep();

        assertThat(closed).containsExactly("console IDLE_TIMEOUT 1000");
    }

    @Test
    void a_socket_closed_meanwhile_is_forgotten_and_never_closed_again() {
        Session gone = socket();
        idle.widget(gone, close("gone"));
        idle.forget(gone);

        now += 200_000;
        idle.sweep();

        assertThat(closed).isEmpty();
    }

    @Test
    void a_silent_socket_is_closed_within_a_fifth_more_than_its_limit() {
        assertThat(idle.sweepMillis()).isEqualTo(7_500);
        idle.widgetSeconds = 6;
        idle.consoleSeconds = 6;
        assertThat(idle.sweepMillis()).as("at least a second apart").isEqualTo(1_000);
    }

    private java.util.function.Consumer<CloseReason> close(String name) {
        return reason -> closed.add(name + " " + reason.getReasonPhrase() + " " + reason.getCloseCode().getCode());
    }

    private Session socket() {
        return (Session) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[]{Session.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "hashCode" -> System.identityHashCode(proxy);
                    case "equals" -> proxy == args[0];
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }
}
