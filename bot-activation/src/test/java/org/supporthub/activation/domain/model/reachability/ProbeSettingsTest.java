package org.supporthub.activation.domain.model.reachability;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class ProbeSettingsTest {

    private static final Duration ONE = Duration.ofSeconds(1);

    @Test
    void everyLimitMustBePositive() {
        assertThatThrownBy(() -> new ProbeSettings(Duration.ZERO, ONE, ONE, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ProbeSettings(ONE, ONE.negated(), ONE, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ProbeSettings(ONE, ONE, Duration.ZERO, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ProbeSettings(ONE, ONE, ONE, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ProbeSettings(null, ONE, ONE, 1)).isInstanceOf(NullPointerException.class);
    }
}
