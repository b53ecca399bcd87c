package org.supporthub.web.interfaces.websocket;

import jakarta.websocket.RemoteEndpoint;
import jakarta.websocket.SendHandler;
import jakarta.websocket.SendResult;
import jakarta.websocket.Session;
import org.junit.jupiter.api.Test;
import org.supporthub.routing.domain.model.SupportSessionState;
import org.supporthub.web.interfaces.websocket.protocol.SessionFrame;

import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Session frames are pushed without a lock held across their read: each read is numbered before it starts,
 * and a socket never takes a frame from a read numbered below one it already took, so a slow push cannot
 * put back an older state over a newer one. Equal frames are skipped.
 */
class SessionFrameOrderTest {

    private final List<String> sent = new ArrayList<>();

    @Test
    void a_frame_of_an_earlier_read_arriving_late_is_dropped() {
        ChatConnection c = new ChatConnection(socket(), "https://portal.example", "hub.example");
        SessionFrame waiting = frame(SupportSessionState.WAITING, 3);
        SessionFrame assigned = frame(SupportSessionState.ASSIGNED, 0);

        c.pushSession(assigned, 7);
        c.pushSession(waiting, 5); // read 5 started before read 7 but finished after it

        assertThat(sent).containsExactly(assigned.encode());
    }

    @Test
    void frames_of_later_reads_are_sent_and_repeats_skipped() {
        ChatConnection c = new ChatConnection(socket(), "https://portal.example", "hub.example");
        SessionFrame second = frame(SupportSessionState.WAITING, 2);
        SessionFrame first = frame(SupportSessionState.WAITING, 1);

        c.pushSession(second, 1);
        c.pushSession(second, 2);
        c.pushSession(first, 3);
        c.pushSession(frame(SupportSessionState.CLOSED, 0), 4);

        assertThat(sent).containsExactly(second.encode(), first.encode(),
                frame(SupportSessionState.CLOSED, 0).encode());
        assertThat(c.sessionSettled()).isTrue();
    }

    private static SessionFrame frame(SupportSessionState state, int position) {
        return new SessionFrame("s-1", state, false, position, state == SupportSessionState.ASSIGNED ? "Olga" : null,
                false, false, null);
    }

    private Session socket() {
        RemoteEndpoint.Async remote = (RemoteEndpoint.Async) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[]{RemoteEndpoint.Async.class}, (proxy, method, args) -> {
                    if (method.getName().equals("sendText") && args.length == 2) {
                        sent.add((String) args[0]);
                        ((SendHandler) args[1]).onResult(new SendResult());
                        return null;
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
        return (Session) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[]{Session.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "isOpen" -> true;
                    case "getAsyncRemote" -> remote;
                    case "hashCode" -> System.identityHashCode(proxy);
                    case "equals" -> proxy == args[0];
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }
}
