package org.supporthub.core.domain.model.portal;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

class SupportLocaleTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "pl, PL", "PL, PL", "pl-PL, PL", "pl_PL, PL", "'  pl  ', PL",
            "en, EN", "EN, EN", "en-GB, EN", "en_US, EN", "en-Latn-US, EN",
    })
    void reads_the_language_of_a_tag(String tag, SupportLocale expected) {
        assertThat(SupportLocale.fromTag(tag)).contains(expected);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"  ", "de", "de-PL", "polish", "plx", "eng", "-pl", "_en", "p", "x-pl"})
    void is_empty_for_languages_the_bot_does_not_speak(String tag) {
        assertThat(SupportLocale.fromTag(tag)).isEmpty();
    }

    @Test
    void tag_and_locale() {
        assertThat(SupportLocale.PL.tag()).isEqualTo("pl");
        assertThat(SupportLocale.EN.tag()).isEqualTo("en");
        assertThat(SupportLocale.PL.locale()).isEqualTo(Locale.forLanguageTag("pl"));
        assertThat(SupportLocale.EN.locale().getLanguage()).isEqualTo("en");
    }

    @Test
    void every_locale_reads_back_from_its_own_tag() {
        for (SupportLocale l : SupportLocale.values()) {
            assertThat(SupportLocale.fromTag(l.tag())).contains(l);
        }
    }
}
