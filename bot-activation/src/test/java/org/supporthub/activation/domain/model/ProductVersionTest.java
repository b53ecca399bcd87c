package org.supporthub.activation.domain.model;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class ProductVersionTest {

    @ParameterizedTest(name = "{0} vs {1}")
    @CsvSource({
            "24.100.0, 24.99.9, 1",    // numbers, not text: 100 > 99
            "24.0.0, 24, 0",           // missing parts are zero
            "24.0.1, 24, 1",
            "23.9, 24.0.0, -1",
            "1.2.3.4, 1.2.3.5, -1",
            "10, 9.99.99, 1"})
    void compares_part_by_part_as_numbers(String a, String b, int sign) {
        assertThat(Integer.signum(ProductVersion.parse(a).compareTo(ProductVersion.parse(b)))).isEqualTo(sign);
        assertThat(ProductVersion.parse(a).isOlderThan(ProductVersion.parse(b))).isEqualTo(sign < 0);
        assertThat(ProductVersion.parse(a).equals(ProductVersion.parse(b))).isEqualTo(sign == 0);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "latest", "24.x", "1.2.3.4.5", "-1", "24..0", "v24"})
    void refuses_what_is_not_a_dotted_version(String text) {
        assertThatIllegalArgumentException().isThrownBy(() -> ProductVersion.parse(text));
    }
}
