package org.supporthub.web.interfaces.websocket;

import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
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
 * {@code HELLO_TIMEOUT}; one whose {@code hello} arrived in time stays open while the hub is still answering
 * it (a cold start or a busy database may take longer than the deadline). The scheduler and the socket are
 * stand-ins: the test fires the deadline itself.
 */
class HelloDeadlineTest {

    private final List<Runnable> scheduled = new ArrayList<>();
    private final List<CloseReason> closes = new ArrayList<>();
    private final HelloDeadline deadline = new HelloDeadline();

    @BeforeEach
    void scheduler() {
        deadline.helloTimeoutSeconds = 3;
        deadline.scheduler = (ManagedScheduledExecutorService) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[]{ManagedScheduledExecutorService.class}, (proxy, method, args) -> {
                    if (method.getName().equals("schedule")) {
                        scheduled.add((Runnable) args[0]);
                        return null;
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
    }

    @Test
    void aWidgetThatNeverSaysHelloIsClosed() {
        deadline.watch(new ChatConnection(socket(), "https://portal.example", "hub.example"));
        fire();
        assertThat(closes).extracting(CloseReason::getReasonPhrase).containsExactly("HELLO_TIMEOUT");
        assertThat(closes.get(0).getCloseCode()).isEqualTo(CloseReason.CloseCodes.VIOLATED_POLICY);
    }

    @Test
    void aWidgetWhoseHelloArrivedInTimeIsNotClosedWhileTheHubAnswersIt() {
        ChatConnection connection = new ChatConnection(socket(), "https://portal.example", "hub.example");
        deadline.watch(connection);
        connection.helloArrived(); // not yet authenticated: the hub is still verifying and opening
        fire();
        assertThat(connection.isAuthenticated()).isFalse();
        assertThat(closes).isEmpty();
    }

    @Test
    void theConsoleFollowsTheSameRule() {
        ConsoleConnection silent = new ConsoleConnection(socket());
        ConsoleConnection prompt = new ConsoleConnection(socket());
        deadline.watch(silent);
        deadline.watch(prompt);
        prompt.helloArrived();
        fire();
        assertThat(closes).extracting(CloseReason::getReasonPhrase).containsExactly("HELLO_TIMEOUT");
    }

    private void fire() {
        assertThat(scheduled).isNotEmpty();
        scheduled.forEach(Runnable::run);
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
