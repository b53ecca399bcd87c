package org.supporthub.web.console;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The management area speaks English and Polish from two tables in console/manage.js (and two more in each
 * page script, such as console/manage-reports.js and console/manage-triage.js): the same keys in both, no
 * empty text, and Polish written as Polish (with its letters, not an English copy).
 */
class ManageTextsTest {

    private static final Path SCRIPT = Path.of("src/main/webapp/console/manage.js");
    /** The Reports page's script: its own two tables, merged into manage.js's by SupportHubManage.addTexts. */
    private static final Path REPORTS = Path.of("src/main/webapp/console/manage-reports.js");
    private static final Path TRIAGE_SCRIPT = Path.of("src/main/webapp/console/manage-triage.js");
    private static final Pattern ENTRY = Pattern.compile("(\\w+):\\s*'((?:[^'\\\\]|\\\\.)*)'");

    private static Map<String, String> table(String source, String name) {
        int start = source.indexOf("const " + name + " = {");
        assertThat(start).as(name).isNotNegative();
        int end = source.indexOf("\n  };", start);
        Map<String, String> entries = new LinkedHashMap<>();
        Matcher m = ENTRY.matcher(source.substring(start, end));
        while (m.find()) {
            assertThat(entries.put(m.group(1), m.group(2))).as("key %s twice in %s", m.group(1), name).isNull();
        }
        return entries;
    }

    @Test
    void englishAndPolishHaveTheSameKeysAndNoEmptyText() throws IOException {
        String source = Files.readString(SCRIPT, StandardCharsets.UTF_8);
        Map<String, String> en = table(source, "TEXT_EN");
        Map<String, String> pl = table(source, "TEXT_PL");

        assertThat(en).hasSizeGreaterThan(150);
        sameKeysNoEmptyTextSamePlaceholders(en, pl);
    }

    private static void sameKeysNoEmptyTextSamePlaceholders(Map<String, String> en, Map<String, String> pl) {
        assertThat(pl.keySet()).containsExactlyInAnyOrderElementsOf(en.keySet());
        assertThat(en.values()).noneMatch(String::isBlank);
        assertThat(pl.values()).noneMatch(String::isBlank);
        // Placeholders survive translation.
        en.forEach((key, text) -> placeholders(text).forEach(p -> assertThat(pl.get(key)).as(key).contains(p)));
    }

    @Test
    void polishIsWrittenWithItsOwnLetters() throws IOException {
        Map<String, String> en = table(Files.readString(SCRIPT, StandardCharsets.UTF_8), "TEXT_EN");
        Map<String, String> pl = table(Files.readString(SCRIPT, StandardCharsets.UTF_8), "TEXT_PL");

        long withDiacritics = withPolishLetters(pl);
        assertThat(withDiacritics).isGreaterThan(60);
        long copied = en.keySet().stream().filter(k -> en.get(k).equals(pl.get(k))).count();
        // Only names that read the same in both (Portal, Operator, demo...) may be left as they are.
        assertThat(copied).isLessThan(12);
    }

    @Test
    void theReportsPageHasBothLanguagesAndOverwritesNoOtherText() throws IOException {
        String source = Files.readString(REPORTS, StandardCharsets.UTF_8);
        Map<String, String> en = table(source, "TEXT_EN");
        Map<String, String> pl = table(source, "TEXT_PL");

        assertThat(en).hasSizeGreaterThan(80);
        sameKeysNoEmptyTextSamePlaceholders(en, pl);
        long withDiacritics = withPolishLetters(pl);
        assertThat(withDiacritics).isGreaterThan(35);
        // Only "Operator" and the dash for "no value" read the same in both.
        assertThat(en.keySet().stream().filter(k -> en.get(k).equals(pl.get(k)))).hasSizeLessThanOrEqualTo(2);
        // addTexts merges into one table: a key of manage.js here would change another page's text.
        Map<String, String> shared = table(Files.readString(SCRIPT, StandardCharsets.UTF_8), "TEXT_EN");
        assertThat(en.keySet()).doesNotContainAnyElementsOf(shared.keySet());
    }

    private static long withPolishLetters(Map<String, String> texts) {
        return texts.values().stream().filter(v -> v.matches("(?s).*[ąćęłńóśźżĄĆĘŁŃÓŚŹŻ].*")).count();
    }

    @Test
    void theTriagePageSpeaksBothLanguagesWithItsOwnKeys() throws IOException {
        String source = Files.readString(TRIAGE_SCRIPT, StandardCharsets.UTF_8);
        Map<String, String> en = table(source, "TEXT_EN");
        Map<String, String> pl = table(source, "TEXT_PL");

        assertThat(en).hasSizeGreaterThan(40);
        sameKeysNoEmptyTextSamePlaceholders(en, pl);
        assertThat(withPolishLetters(pl)).isGreaterThan(20);
        // Only what reads the same in both ("{who}, {at}") may be left as it is.
        assertThat(en.keySet().stream().filter(k -> en.get(k).equals(pl.get(k))).toList()).containsOnly("trByAt");
        // Loaded after manage.js into the same tables: a key of its own must not overwrite one of manage.js
        // or of another page's script.
        Map<String, String> base = table(Files.readString(SCRIPT, StandardCharsets.UTF_8), "TEXT_EN");
        assertThat(en.keySet()).doesNotContainAnyElementsOf(base.keySet());
        Map<String, String> reports = table(Files.readString(REPORTS, StandardCharsets.UTF_8), "TEXT_EN");
        assertThat(en.keySet()).doesNotContainAnyElementsOf(reports.keySet());
    }

    private static java.util.List<String> placeholders(String text) {
        java.util.List<String> found = new java.util.ArrayList<>();
        Matcher m = Pattern.compile("\\{\\w+}").matcher(text);
        while (m.find()) {
            found.add(m.group());
        }
        return found;
    }
}
