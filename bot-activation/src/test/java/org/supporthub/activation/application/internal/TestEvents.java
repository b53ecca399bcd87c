package org.supporthub.activation.application.internal;

import jakarta.enterprise.event.Event;

import java.lang.reflect.Proxy;
import java.util.List;

/** CDI events outside a container: what is fired is added to a list. */
final class TestEvents {

    private TestEvents() {
    }

    @SuppressWarnings("unchecked")
    static <T> Event<T> recording(List<T> fired) {
        return (Event<T>) Proxy.newProxyInstance(TestEvents.class.getClassLoader(), new Class<?>[]{Event.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("fire")) {
                        fired.add((T) args[0]);
                        return null;
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
    }
}
