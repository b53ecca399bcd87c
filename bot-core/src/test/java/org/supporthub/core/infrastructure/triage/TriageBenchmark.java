package org.supporthub.core.infrastructure.triage;

import org.supporthub.core.domain.model.policy.SupportPolicy;
import org.supporthub.core.domain.model.policy.TriageResult;
import org.supporthub.core.domain.model.portal.SupportLocale;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The triage benchmark (not a unit test): classifies the held-out evaluation set
 * ({@code triage/evaluation.tsv}, never used for learning) and prints area accuracy, coverage accuracy,
 * the area confusion matrix and the time per question. Run it with the command in {@code docs/triage.md}.
 */
public final class TriageBenchmark {

    static final String EVALUATION = "/triage/evaluation.tsv";
    private static final String UNCLEAR = "UNCLEAR";

    /** One labelled question of the evaluation set. */
    record Labelled(String area, String coverage, SupportLocale locale, String text) {
    }

    private TriageBenchmark() {
    }

    static List<Labelled> evaluationSet() {
        return SupportPolicy.Tsv.read(EVALUATION, 4).stream()
                .map(r -> new Labelled(r[0], r[1], SupportLocale.fromTag(r[2]).orElseThrow(), r[3])).toList();
    }

    static String area(TriageResult r) {
        return r.area().map(Enum::name).orElse(UNCLEAR);
    }

    static String coverage(TriageResult r) {
        return r.coverage().map(Enum::name).orElse(UNCLEAR);
    }

    public static void main(String[] args) {
        long builtFrom = System.nanoTime();
        TriageIndex index = LuceneScopeTriage.shippedIndex();
        double buildMillis = (System.nanoTime() - builtFrom) / 1e6;
        List<Labelled> set = evaluationSet();

        // Warm up the JIT so that the timing measures the steady state.
        for (int i = 0; i < 5; i++) {
            set.forEach(q -> index.classify(q.text(), q.locale()));
        }
        int rounds = 20;
        long start = System.nanoTime();
        for (int i = 0; i < rounds; i++) {
            set.forEach(q -> index.classify(q.text(), q.locale()));
        }
        double microsPerQuestion = (System.nanoTime() - start) / 1e3 / rounds / set.size();

        int areaRight = 0;
        int coverageRight = 0;
        Map<String, Map<String, Integer>> confusion = new TreeMap<>();
        Map<String, int[]> byLocale = new TreeMap<>();
        List<String> misses = new ArrayList<>();
        for (Labelled q : set) {
            TriageResult r = index.classify(q.text(), q.locale());
            boolean areaOk = area(r).equals(q.area());
            boolean coverageOk = coverage(r).equals(q.coverage());
            areaRight += areaOk ? 1 : 0;
            coverageRight += coverageOk ? 1 : 0;
            int[] l = byLocale.computeIfAbsent(q.locale().tag(), k -> new int[3]);
            l[0]++;
            l[1] += areaOk ? 1 : 0;
            l[2] += coverageOk ? 1 : 0;
            confusion.computeIfAbsent(q.area(), k -> new TreeMap<>()).merge(area(r), 1, Integer::sum);
            if (!areaOk || !coverageOk) {
                misses.add(String.format(Locale.ROOT, "  %-12s %-11s -> %-12s %-11s %.2f  [%s] %s", q.area(),
                        q.coverage(), area(r), coverage(r), r.confidence(), q.locale().tag(), q.text()));
            }
        }
        System.out.printf(Locale.ROOT, "Triage benchmark: %d questions (held out), index built in %.0f ms%n",
                set.size(), buildMillis);
        System.out.printf(Locale.ROOT, "area accuracy     %.1f %% (%d/%d)%n", 100.0 * areaRight / set.size(),
                areaRight, set.size());
        System.out.printf(Locale.ROOT, "coverage accuracy %.1f %% (%d/%d)%n", 100.0 * coverageRight / set.size(),
                coverageRight, set.size());
        byLocale.forEach((tag, l) -> System.out.printf(Locale.ROOT, "  %s: area %.1f %%, coverage %.1f %% of %d%n",
                tag, 100.0 * l[1] / l[0], 100.0 * l[2] / l[0], l[0]));
        System.out.printf(Locale.ROOT, "time per question %.3f ms (mean of %d rounds over the set)%n",
                microsPerQuestion / 1000, rounds);
        System.out.println("area confusion (rows: labelled, columns: answered)");
        List<String> columns = new ArrayList<>(List.of("INSTALLATION", "PERFORMANCE", "UPDATES", "ERRORS",
                "INTEGRATION", "OTHER", UNCLEAR));
        StringBuilder head = new StringBuilder(String.format("%-13s", ""));
        columns.forEach(c -> head.append(String.format("%6.6s", c)));
        System.out.println(head);
        confusion.forEach((row, cells) -> {
            StringBuilder line = new StringBuilder(String.format("%-13s", row));
            columns.forEach(c -> line.append(String.format("%6d", cells.getOrDefault(c, 0))));
            System.out.println(line);
        });
        if (args.length > 0 && args[0].equals("--misses")) {
            System.out.println("misses (labelled area, coverage -> answered, confidence):");
            misses.forEach(System.out::println);
        }
    }
}
