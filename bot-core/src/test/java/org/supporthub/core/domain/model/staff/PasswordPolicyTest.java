package org.supporthub.core.domain.model.staff;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class PasswordPolicyTest {

    private final PasswordPolicy policy = PasswordPolicy.standard();

    @Test
    void theBuiltInListHoldsSomeHundredsOfCommonPasswords() {
        assertThat(policy.commonCount()).isBetween(300, 2000);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "short", "elevenchars"})
    void refusesFewerThanTwelveCharacters(String password) {
        assertThat(policy.problem("olga", password)).contains("must be at least 12 characters");
    }

    @Test
    void refusesNothingAtAll() {
        assertThat(policy.problem("olga", null)).contains("must be at least 12 characters");
    }

    @ParameterizedTest
    @ValueSource(strings = {"password1234", "PASSWORD1234", "Qwertyuiop123", "123456789012", "1q2w3e4r5t6y",
            "correcthorsebatterystaple", "iloveyou1234"})
    void refusesCommonPasswordsWhateverTheirCase(String password) {
        assertThat(policy.problem("olga", password)).contains("is one of the most common passwords");
    }

    @Test
    void refusesTheUserNameAsPassword() {
        assertThat(policy.problem("olga.operator", "Olga.Operator")).contains("must not be the user name");
    }

    @Test
    void refusesAbsurdlyLongPasswords() {
        assertThat(policy.problem("olga", "x".repeat(PasswordPolicy.MAX_LENGTH + 1))).isPresent();
        assertThat(policy.problem("olga", "xy".repeat(PasswordPolicy.MAX_LENGTH / 2))).isEmpty();
    }

    @Test
    void acceptsALongUncommonPassword() {
        assertThat(policy.problem("olga", "tram-lilac-ferry-42")).isEmpty();
        assertThat(policy.problem("olga", "exactly12chr")).isEmpty();
    }
}
