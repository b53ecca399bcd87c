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
 * The hello deadline is the client's: a socket that never says {@code hello} is closed with
 * {@code HELLO_TIMEOUT} by the sweep after its deadline; one whose {@code hello} arrived in time stays open
 * while the hub is still answering it (a cold start or a busy database may take longer than the deadline).
 * The clock and the sockets are stand-ins; the test runs the sweep itself.
 */
class HelloDeadlineTest {

    private final List<CloseReason> closes = new ArrayList<>();
    private final HelloDeadline deadline = new HelloDeadline();
    private long now = 5_000_000;

    @BeforeEach
    void clock() {
        deadline.helloTimeoutSeconds = 3;
        deadline.clock = () -> now;
    }

    @Test
    void aWidgetThatNeverSaysHelloIsClosedAfterItsDeadlineNotBefore() {
        deadline.watch(new ChatConnection(socket(), "https://portal.example", "hub.example"));
        now += 2_999;
        deadline.sweep();
        assertThat(closes).isEmpty();

        now += 1;
        deadline.sweep();
        assertThat(closes).extracting(CloseReason::getReasonPhrase).containsExactly("HELLO_TIMEOUT");
        assertThat(closes.get(0).getCloseCode()).isEqualTo(CloseReason.CloseCodes.VIOLATED_POLICY);
        assertThat(deadline.watching()).isZero();
    }

    @Test
    void aWidgetWhoseHelloArrivedInTimeIsNotClosedWhileTheHubAnswersIt() {
        ChatConnection connection = new ChatConnection(socket(), "https://portal.example", "hub.example");
        deadline.watch(connection);
        connection.helloArrived(); // not yet authenticated: the hub is still verifying and opening
        now += 10_000;
        deadline.sweep();
        assertThat(connection.isAuthenticated()).isFalse();
        assertThat(closes).isEmpty();
        assertThat(deadline.watching()).as("forgotten once it said hello").isZero();
    }

    @Test
    void theConsoleFollowsTheSameRule() {
        ConsoleConnection silent = new ConsoleConnection(socket());
        ConsoleConnection prompt = new ConsoleConnection(socket());
        deadline.watch(silent);
        deadline.watch(prompt);
        prompt.helloArrived();
        now += 3_000;
        deadline.sweep();
        assertThat(closes).extracting(CloseReason::getReasonPhrase).containsExactly("HELLO_TIMEOUT");
    }

    @Test
    void aSocketClosedBeforeItsDeadlineIsForgotten() {
        ChatConnection gone = new ChatConnection(socket(), "https://portal.example", "hub.example");
        deadline.watch(gone);
        deadline.forget(gone);
        now += 60_000;
        deadline.sweep();
        assertThat(closes).isEmpty();
    }

    private Session socket() {
        return (Session) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[]{Session.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "isOpen" -> true;
                    case "close" -> {
                        closes.add((CloseReason) args[0]);
                        yield null;
                    }
                    case "hashCode" -> System.identityHashCode(proxy);
                    case "equals" -> proxy == args[0];
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }
}
