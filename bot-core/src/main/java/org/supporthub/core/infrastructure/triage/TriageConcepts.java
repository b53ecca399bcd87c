package org.supporthub.core.infrastructure.triage;

import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The topics the support policy speaks about, and the words (in Polish and English, folded to ASCII) that
 * name them. A word names a topic when it starts with one of the topic's stems, or equals one of its whole
 * words (a stem ending in {@code =}): stems meet Polish inflection ("wolno", "wolniej", "spowolnienie")
 * without a stemmer, and the same topic token in both languages lets a Polish question meet an English
 * example.
 *
 * <p>Written from the policy's meaning, not from any question: what makes a question about speed, about
 * an update, a licence key, code, a database... The topic of a word outweighs the word itself when the
 * question is short ("the portal is slow since the update" is about speed, with the update as context).
 */
final class TriageConcepts {

    /** Topic to the stems (and whole words, ending in {@code =}) that name it. */
    static final Map<String, List<String>> TOPICS = Map.ofEntries(
            Map.entry("speed", List.of("slow", "sluggish", "lag", "laggy", "speed", "fast", "quick", "perform",
                    "latenc", "respons", "forever=", "ages=", "woln", "powoln", "spowoln", "zamul", "muli", "przycin",
                    "szybk", "szybci", "przyspiesz", "wydajn", "dlugo", "sekund", "seconds", "timeout", "ttfb",
                    "freez", "zawiesz", "hang")),
            Map.entry("load", List.of("load", "ladow", "laduj", "obciaz", "traffic", "ruch=", "peak", "szczyt",
                    "concurrent", "jednoczes", "bottleneck", "waskie")),
            Map.entry("update", List.of("updat", "upgrad", "patch", "aktualiz", "uaktualn", "updater",
                    "latest version", "new version", "nowej wersj", "nowa wersj", "najnowsz")),
            Map.entry("licence", List.of("licen", "klucz", "key=", "keys=", "subscription", "subskryp",
                    "edition", "edycj")),
            Map.entry("install", List.of("instal", "setup", "set up", "wdroz", "deploy")),
            Map.entry("error", List.of("error", "blad", "bled", "exception", "wyjat", "crash", "awari", "failur",
                    "fatal", "500=", "bug", "nie dziala", "broken", "zepsu", "fail")),
            Map.entry("database", List.of("databas", "baz=", "bazy=", "bazie=", "baza=", "baze=", "bazach=",
                    "mysql", "mariadb", "postgres", "sql", "innodb", "deadlock", "zaklesz", "query", "zapyta")),
            Map.entry("cache", List.of("cach", "memcach", "redis", "opcache", "bufor", "kesz", "podreczn")),
            Map.entry("code", List.of("code", "kod", "script", "skrypt", "program", "develop", "napisa", "napisz",
                    "implement", "refactor", "rewrit", "przepis", "logic", "logik")),
            Map.entry("module", List.of("modul", "module", "component", "komponent", "plugin", "wtyczk")),
            Map.entry("payment", List.of("payment", "platnos", "platnic", "pay=", "paypal", "stripe", "przelew")),
            Map.entry("api", List.of("api=", "rest=", "webhook", "soap")),
            Map.entry("design", List.of("design", "szablon", "template", "layout", "wyglad", "styl", "css")),
            Map.entry("backup", List.of("backup", "kopi", "restore", "przywr", "migrat", "przenie", "przenos",
                    "hosting", "move", "moving")),
            Map.entry("server", List.of("server", "serwer", "vps", "apache", "nginx", "php", "iis", "linux",
                    "windows", "machine", "maszyn")),
            Map.entry("connect", List.of("connect", "polacz", "proxy", "firewall", "zapor", "unreachable",
                    "niedostep", "reach")),
            Map.entry("security", List.of("secur", "bezpiecz", "ssl", "tls", "certyfik", "certificat", "waf",
                    "uprawnie", "permission", "access", "dostep", "haslo", "password", "2fa")),
            Map.entry("multisite", List.of("multisite", "multi-site", "wielu stron", "kilku stron", "sites",
                    "several site", "second site", "witryn", "domen", "domain")),
            Map.entry("docs", List.of("docum", "dokument", "manual", "instrukcj", "guide", "podrecznik",
                    "opis", "describ", "description")),
            Map.entry("wish", List.of("feature", "suggest", "sugest", "propo", "wish", "zyczen", "request",
                    "ulepsz", "improv", "idea", "pomysl")),
            Map.entry("loadtest", List.of("stress", "benchmark", "jmeter", "load test", "load-test",
                    "testy obciaz", "test obciaz", "audit", "audyt", "profil")),
            Map.entry("configure", List.of("config", "konfig", "setting", "ustawi", "ustawien", "parametr",
                    "tune", "tuning", "dostro", "tweak", "value", "wartosc")),
            Map.entry("optimise", List.of("optimi", "optymaliz")));

    /**
     * Topics that name a symptom weigh more than those that name its context: "slow since the update" is a
     * speed problem that happens to follow an update, not an update problem.
     */
    private static final Map<String, Float> WEIGHTS = Map.of("speed", 2.0f);

    private static final List<String[]> WORDS = new ArrayList<>();

    static {
        TOPICS.forEach((topic, stems) -> stems.forEach(s -> WORDS.add(new String[]{s, topic})));
        // Longest stems first, so that "latest version" wins over nothing and "ruch=" stays a whole word.
        WORDS.sort((a, b) -> Integer.compare(b[0].length(), a[0].length()));
    }

    private TriageConcepts() {
    }

    /** How much a topic of the question weighs against the others (1 for most). */
    static float weight(String topic) {
        return WEIGHTS.getOrDefault(topic, 1.0f);
    }

    /** The topics a folded, lower-case word names (most name none). */
    static List<String> topicsOf(String word) {
        List<String> topics = new ArrayList<>(2);
        for (String[] w : WORDS) {
            String stem = w[0];
            boolean whole = stem.endsWith("=");
            boolean hit = whole ? word.equals(stem.substring(0, stem.length() - 1))
                    : !stem.contains(" ") && word.startsWith(stem);
            if (hit && !topics.contains(w[1])) {
                topics.add(w[1]);
            }
        }
        return topics;
    }

    /** Topics named by phrases of two words ("load test", "latest version"). */
    static List<String> topicsOf(String previous, String word) {
        List<String> topics = new ArrayList<>(1);
        if (previous == null) {
            return topics;
        }
        for (String[] w : WORDS) {
            String stem = w[0];
            int space = stem.indexOf(' ');
            if (space > 0 && previous.equals(stem.substring(0, space)) && word.startsWith(stem.substring(space + 1))
                    && !topics.contains(w[1])) {
                topics.add(w[1]);
            }
        }
        return topics;
    }

    /** Replaces each word of a folded, lower-case stream by the topics it names; other words are dropped. */
    static final class Filter extends TokenFilter {
        private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
        private final List<String> pending = new ArrayList<>();
        private String previous;

        Filter(TokenStream in) {
            super(in);
        }

        @Override
        public boolean incrementToken() throws IOException {
            while (pending.isEmpty()) {
                if (!input.incrementToken()) {
                    return false;
                }
                String word = term.toString().toLowerCase(Locale.ROOT);
                pending.addAll(topicsOf(word));
                topicsOf(previous, word).stream().filter(t -> !pending.contains(t)).forEach(pending::add);
                previous = word;
            }
            String topic = pending.remove(0);
            term.setEmpty().append(topic);
            return true;
        }

        @Override
        public void reset() throws IOException {
            super.reset();
            pending.clear();
            previous = null;
        }
    }
}
