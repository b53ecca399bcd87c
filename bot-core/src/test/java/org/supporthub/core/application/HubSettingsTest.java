package org.supporthub.core.application;

import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class HubSettingsTest {

    private static HubSettings settings(String mode, Boolean requireTls) {
        HubSettings s = new HubSettings();
        s.mode = Optional.ofNullable(mode);
        s.portalApiRequireTls = Optional.ofNullable(requireTls);
        s.requireTls = Optional.empty();
        s.dataDir = "./data";
        return s;
    }

    @Test
    void productionIsTheDefaultAndRequiresTlsForThePortalApi() {
        HubSettings unset = settings(null, null);
        assertThat(unset.mode()).isEqualTo(HubMode.PRODUCTION);
        assertThat(unset.development()).isFalse();
        assertThat(unset.portalApiRequiresTls()).isTrue();
    }

    @Test
    void developmentDoesNotRequireTls() {
        assertThat(settings("development", null).portalApiRequiresTls()).isFalse();
    }

    @Test
    void anExplicitSettingWinsInEitherMode() {
        assertThat(settings("production", false).portalApiRequiresTls()).isFalse();
        assertThat(settings("development", true).portalApiRequiresTls()).isTrue();
    }

    @Test
    void theGeneralSettingCoversEveryCredentialDoorAndOutranksTheOldName() {
        HubSettings s = settings("production", null);
        assertThat(s.credentialsRequireTls()).isTrue();
        s.requireTls = Optional.of(false);
        assertThat(s.credentialsRequireTls()).isFalse();
        assertThat(s.portalApiRequiresTls()).isFalse();
        s.portalApiRequireTls = Optional.of(true);
        assertThat(s.credentialsRequireTls()).as("the new name wins").isFalse();
    }

    @Test
    void aMistypedModeIsRefusedNotGuessed() {
        assertThatIllegalArgumentException().isThrownBy(() -> settings("prod", null).mode());
    }
}
