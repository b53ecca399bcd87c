package org.supporthub.core.application;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class HubModeTest {

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"   ", "\t"})
    void an_unset_mode_is_production(String value) {
        assertThat(HubMode.parse(value)).isEqualTo(HubMode.PRODUCTION);
    }

    @ParameterizedTest
    @ValueSource(strings = {"production", "PRODUCTION", "Production", "  production  "})
    void reads_production(String value) {
        assertThat(HubMode.parse(value)).isEqualTo(HubMode.PRODUCTION);
    }

    @ParameterizedTest
    @ValueSource(strings = {"development", "DEVELOPMENT", "Development", " development\n"})
    void reads_development(String value) {
        assertThat(HubMode.parse(value)).isEqualTo(HubMode.DEVELOPMENT);
    }

    @ParameterizedTest
    @ValueSource(strings = {"prod", "dev", "developement", "test", "production,development", "true", "0"})
    void refuses_typos_rather_than_guessing(String value) {
        // A typo must neither weaken the hub (guessing development) nor silently run production.
        assertThatIllegalArgumentException().isThrownBy(() -> HubMode.parse(value))
                .withMessageContaining("SUPPORT_HUB_MODE")
                .withMessageContaining(value);
    }
}
