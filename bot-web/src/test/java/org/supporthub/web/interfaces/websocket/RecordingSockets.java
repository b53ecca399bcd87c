package org.supporthub.web.interfaces.websocket;

import jakarta.websocket.RemoteEndpoint;
import jakarta.websocket.SendHandler;
import jakarta.websocket.SendResult;
import jakarta.websocket.Session;

import java.lang.reflect.Proxy;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/** Stand-in sockets for tests of what the hub sends: always open, every send completes at once. */
final class RecordingSockets {

    private RecordingSockets() {
    }

    /** A socket whose every sent frame is recorded in {@code sent}, under the socket. */
    static Session socket(Map<Session, List<String>> sent) {
        Session[] self = new Session[1];
        RemoteEndpoint.Async remote = (RemoteEndpoint.Async) Proxy.newProxyInstance(RecordingSockets.class.getClassLoader(),
                new Class<?>[]{RemoteEndpoint.Async.class}, (proxy, method, args) -> {
                    if (method.getName().equals("sendText") && args.length == 2) {
                        sent.computeIfAbsent(self[0], k -> new CopyOnWriteArrayList<>()).add((String) args[0]);
                        ((SendHandler) args[1]).onResult(new SendResult());
                        return null;
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
        self[0] = (Session) Proxy.newProxyInstance(RecordingSockets.class.getClassLoader(), new Class<?>[]{Session.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "isOpen" -> true;
                    case "getAsyncRemote" -> remote;
                    case "getId" -> "socket-" + System.identityHashCode(proxy);
                    case "hashCode" -> System.identityHashCode(proxy);
                    case "equals" -> proxy == args[0];
                    case "toString" -> "socket";
                    default -> throw new UnsupportedOperationException(method.getName());
                });
        return self[0];
    }
}
