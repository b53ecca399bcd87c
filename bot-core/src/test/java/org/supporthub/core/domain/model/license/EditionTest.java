package org.supporthub.core.domain.model.license;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class EditionTest {

    @Test
    void codes_are_the_lower_case_words_written_in_keys() {
        // These spellings are inside every issued key: changing one invalidates them all.
        assertThat(Edition.COMMERCIAL.code()).isEqualTo("commercial");
        assertThat(Edition.DEMO.code()).isEqualTo("demo");
        assertThat(Edition.values()).containsExactly(Edition.COMMERCIAL, Edition.DEMO);
    }

    @Test
    void from_code_finds_each_edition() {
        assertThat(Edition.fromCode("commercial")).contains(Edition.COMMERCIAL);
        assertThat(Edition.fromCode("demo")).contains(Edition.DEMO);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"Commercial", "COMMERCIAL", "DEMO", " demo", "demo ", "trial", "enterprise"})
    void from_code_knows_only_the_exact_spelling(String code) {
        assertThat(Edition.fromCode(code)).isEmpty();
    }
}
