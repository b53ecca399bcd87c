package org.supporthub.web.interfaces.websocket;

import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The catch-up is the only cross-instance delivery of a hub without the data grid, so it runs each second
 * there; in a cluster the grid delivers at once and the catch-up is a slow safety net.
 */
class DeliveryCatchUpTest {

    @Test
    void aloneEverySecondClusteredEveryTwentySecondsUnlessConfigured() {
        assertThat(DeliveryCatchUp.cadence(Optional.empty(), false)).isEqualTo(1_000);
        assertThat(DeliveryCatchUp.cadence(Optional.empty(), true)).isEqualTo(20_000);
        assertThat(DeliveryCatchUp.cadence(Optional.of(60_000L), true)).isEqualTo(60_000);
        assertThat(DeliveryCatchUp.cadence(Optional.of(5L), false)).isEqualTo(100);
    }
}
