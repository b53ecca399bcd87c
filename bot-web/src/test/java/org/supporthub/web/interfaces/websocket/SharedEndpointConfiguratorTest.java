package org.supporthub.web.interfaces.websocket;

import org.junit.jupiter.api.Test;

import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/** Every socket of a path gets the one endpoint instance the container made first. */
class SharedEndpointConfiguratorTest {

    static final class Endpoint {
    }

    @Test
    void the_container_makes_one_instance_and_every_socket_shares_it() throws Exception {
        AtomicInteger made = new AtomicInteger();
        SharedEndpointConfigurator configurator = new SharedEndpointConfigurator() {
            @Override
            protected <T> T create(Class<T> endpointClass) {
                made.incrementAndGet();
                return endpointClass.cast(new Endpoint());
            }
        };

        Endpoint first = configurator.getEndpointInstance(Endpoint.class);
        for (int socket = 0; socket < 100; socket++) {
            assertThat(configurator.getEndpointInstance(Endpoint.class)).isSameAs(first);
        }
        assertThat(made).hasValue(1);
    }
}
