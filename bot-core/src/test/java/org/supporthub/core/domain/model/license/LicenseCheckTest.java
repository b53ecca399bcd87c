package org.supporthub.core.domain.model.license;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;
import static org.supporthub.core.domain.model.license.LicenseCheck.Status.DEMO;
import static org.supporthub.core.domain.model.license.LicenseCheck.Status.EXPIRED;
import static org.supporthub.core.domain.model.license.LicenseCheck.Status.INVALID;
import static org.supporthub.core.domain.model.license.LicenseCheck.Status.VALID;
import static org.supporthub.core.domain.model.license.LicenseFixtures.ACME;

class LicenseCheckTest {

    @Test
    void failure_codes_are_stable() {
        // Portals and clients match on these strings: they are part of the protocol.
        assertThat(VALID.code()).isNull();
        assertThat(INVALID.code()).isEqualTo("LICENSE_INVALID");
        assertThat(EXPIRED.code()).isEqualTo("LICENSE_EXPIRED");
        assertThat(DEMO.code()).isEqualTo("LICENSE_DEMO");
        assertThat(LicenseCheck.Status.values()).containsExactly(VALID, INVALID, EXPIRED, DEMO);
    }

    @Test
    void factories_pair_each_status_with_its_code() {
        assertThat(LicenseCheck.valid(ACME)).isEqualTo(new LicenseCheck(VALID, null, ACME));
        assertThat(LicenseCheck.invalidKey()).isEqualTo(new LicenseCheck(INVALID, "LICENSE_INVALID", null));
        assertThat(LicenseCheck.otherDomain(ACME)).isEqualTo(new LicenseCheck(INVALID, "LICENSE_INVALID", ACME));
        assertThat(LicenseCheck.expired(ACME)).isEqualTo(new LicenseCheck(EXPIRED, "LICENSE_EXPIRED", ACME));
        assertThat(LicenseCheck.demo(ACME)).isEqualTo(new LicenseCheck(DEMO, "LICENSE_DEMO", ACME));
    }

    @Test
    void only_valid_is_valid() {
        assertThat(LicenseCheck.valid(ACME).isValid()).isTrue();
        assertThat(LicenseCheck.invalidKey().isValid()).isFalse();
        assertThat(LicenseCheck.otherDomain(ACME).isValid()).isFalse();
        assertThat(LicenseCheck.expired(ACME).isValid()).isFalse();
        assertThat(LicenseCheck.demo(ACME).isValid()).isFalse();
    }

    @Test
    void refuses_a_code_that_does_not_belong_to_the_status() {
        assertThatIllegalArgumentException().isThrownBy(() -> new LicenseCheck(VALID, "LICENSE_INVALID", ACME));
        assertThatIllegalArgumentException().isThrownBy(() -> new LicenseCheck(INVALID, null, null));
        assertThatIllegalArgumentException().isThrownBy(() -> new LicenseCheck(EXPIRED, "LICENSE_DEMO", ACME));
        assertThatIllegalArgumentException().isThrownBy(() -> new LicenseCheck(DEMO, "license_demo", ACME));
        assertThatNullPointerException().isThrownBy(() -> new LicenseCheck(null, null, ACME));
    }

    @Test
    void only_an_invalid_key_may_come_without_its_licence() {
        assertThatIllegalArgumentException().isThrownBy(() -> new LicenseCheck(VALID, null, null));
        assertThatIllegalArgumentException().isThrownBy(() -> new LicenseCheck(EXPIRED, "LICENSE_EXPIRED", null));
        assertThatIllegalArgumentException().isThrownBy(() -> new LicenseCheck(DEMO, "LICENSE_DEMO", null));
        assertThatNullPointerException().isThrownBy(() -> LicenseCheck.otherDomain(null));
    }
}
