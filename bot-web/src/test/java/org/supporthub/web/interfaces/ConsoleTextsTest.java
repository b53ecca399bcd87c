package org.supporthub.web.interfaces;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.supporthub.core.domain.model.policy.Coverage;
import org.supporthub.core.domain.model.policy.SupportArea;
import org.supporthub.routing.domain.model.SupportSessionState;
import org.supporthub.routing.domain.model.operator.PresenceStatus;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The agent console's two text tables (console/console.js), read as the browser reads them: both languages
 * hold the same keys with the same placeholders, every key the page and the script ask for exists in both,
 * including one for every session state, status, policy area and coverage the hub sends, and the Polish
 * table is Polish.
 */
class ConsoleTextsTest {

    private static final Path CONSOLE = Path.of("src/main/webapp/console");
    private static String script;
    private static Map<String, String> en;
    private static Map<String, String> pl;

    @BeforeAll
    static void read() throws IOException {
        script = Files.readString(CONSOLE.resolve("console.js"), StandardCharsets.UTF_8);
        int tables = script.indexOf("const TEXTS = {");
        assertThat(tables).as("console.js declares its TEXTS").isPositive();
        en = table(script, script.indexOf("en: {", tables) + "en: ".length());
        pl = table(script, script.indexOf("pl: {", tables) + "pl: ".length());
    }

    @Test
    void bothLanguagesHoldTheSameKeysWithTheSamePlaceholders() {
        assertThat(en).hasSizeGreaterThan(100);
        assertThat(pl.keySet()).containsExactlyInAnyOrderElementsOf(en.keySet());
        en.forEach((key, text) -> assertThat(placeholders(pl.get(key))).as(key).isEqualTo(placeholders(text)));
        pl.forEach((key, text) -> assertThat(text).as(key).isNotBlank());
    }

    @Test
    void everyKeyThePageNamesExistsInBothLanguages() throws IOException {
        String page = Files.readString(CONSOLE.resolve("index.html"), StandardCharsets.UTF_8);
        Set<String> keys = matches(page, "data-t(?:-label|-title|-placeholder)?=\"([^\"]+)\"");
        assertThat(keys).contains("signIn", "username", "languageLabel", "statusPending");
        assertThat(en.keySet()).containsAll(keys);
        assertThat(pl.keySet()).containsAll(keys);
    }

    @Test
    void everyKeyTheScriptAsksForExistsInBothLanguages() {
        Set<String> keys = matches(script, "\\btx\\('([A-Za-z_]+)'[,)]");
        keys.addAll(matches(script, "\\[\\s*'[a-z]+',\\s*'(group[A-Za-z]+)'\\s*]"));
        assertThat(keys).hasSizeGreaterThan(35);
        assertThat(en.keySet()).containsAll(keys);
        assertThat(pl.keySet()).containsAll(keys);
    }

    @Test
    void everyStateStatusAreaAndCoverageTheHubSendsHasATextInBothLanguages() {
        List<String> keys = new ArrayList<>();
        Stream.of(SupportSessionState.values()).forEach(s -> keys.add("state" + s.name()));
        Stream.of(PresenceStatus.values()).forEach(s -> keys.add(s.name()));
        Stream.of(SupportArea.values()).forEach(a -> keys.add("area" + a.name()));
        Stream.of(Coverage.values()).forEach(c -> keys.add("coverage" + c.name()));
        keys.add("areaUNCLEAR");
        keys.add("coverageUNCLEAR");
        assertThat(en.keySet()).containsAll(keys);
        assertThat(pl.keySet()).containsAll(keys);
    }

    @Test
    void thePolishTableIsPolish() {
        assertThat(pl.get("signIn")).isEqualTo("Zaloguj się");
        assertThat(pl.get("password")).isEqualTo("Hasło");
        assertThat(pl.get("pageTitle")).isEqualTo("Konsola agenta \u2013 Support Hub");
        long translated = en.keySet().stream().filter(k -> !en.get(k).equals(pl.get(k))).count();
        assertThat(translated).as("texts that differ from the English ones").isGreaterThan(en.size() - 5);
        long withDiacritics = pl.values().stream().filter(t -> t.matches("(?s).*[ąćęłńóśźżĄĆĘŁŃÓŚŹŻ].*")).count();
        assertThat(withDiacritics).isGreaterThan(50);
    }

    private static Set<String> placeholders(String text) {
        return matches(text, "\\{(\\w+)}");
    }

    private static Set<String> matches(String text, String regex) {
        Set<String> found = new TreeSet<>();
        Matcher m = Pattern.compile(regex).matcher(text);
        while (m.find()) {
            found.add(m.group(1));
        }
        return found;
    }

    /**
     * The object literal that opens at {@code from} ({@code {}), as key to text: its keys are plain names,
     * its values single-quoted strings with JavaScript escapes (what the tables are made of).
     */
    static Map<String, String> table(String js, int from) {
        assertThat(js.charAt(from)).isEqualTo('{');
        Map<String, String> entries = new LinkedHashMap<>();
        int i = from + 1;
        while (true) {
            while (Character.isWhitespace(js.charAt(i)) || js.charAt(i) == ',') {
                i++;
            }
            if (js.startsWith("//", i)) {
                i = js.indexOf('\n', i);
                continue;
            }
            if (js.charAt(i) == '}') {
                return entries;
            }
            int colon = js.indexOf(':', i);
            String key = js.substring(i, colon).trim();
            assertThat(key).matches("[A-Za-z_][A-Za-z0-9_]*");
            i = colon + 1;
            while (Character.isWhitespace(js.charAt(i))) {
                i++;
            }
            assertThat(js.charAt(i)).as("value of " + key).isEqualTo('\'');
            StringBuilder value = new StringBuilder();
            i++;
            while (js.charAt(i) != '\'') {
                char c = js.charAt(i);
                if (c == '\\') {
                    char e = js.charAt(i + 1);
                    if (e == 'u') {
                        value.append((char) Integer.parseInt(js.substring(i + 2, i + 6), 16));
                        i += 6;
                        continue;
                    }
                    value.append(e);
                    i += 2;
                    continue;
                }
                value.append(c);
                i++;
            }
            i++;
            assertThat(entries.put(key, value.toString())).as("key " + key + " given twice").isNull();
        }
    }
}
