package org.supporthub.core.infrastructure.triage;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.supporthub.core.domain.model.policy.Coverage;
import org.supporthub.core.domain.model.policy.PolicyItem;
import org.supporthub.core.domain.model.policy.SupportArea;
import org.supporthub.core.domain.model.policy.SupportPolicy;
import org.supporthub.core.domain.model.policy.TriageResult;
import org.supporthub.core.domain.model.portal.SupportLocale;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The triage classifier: an in-memory Lucene index of the policy's items and the labelled example
 * questions, searched with the question (BM25 over stems in both languages and character 4-grams); the
 * nearest examples vote for a policy item, weighted by score and rank.
 *
 * <p>The answer is the (area, coverage) pair with the most votes, its best item, and the pair's share of
 * all votes as the confidence. A question that matches nothing well enough (a greeting, noise) is
 * unclear. Thread-safe once built: searches only read.
 */
public final class TriageIndex {

    /** A labelled example question: the policy item it belongs to, or {@link #NONE}. */
    public record Example(String itemId, SupportLocale locale, String text, boolean learned) {

        /** An example shipped with the hub. */
        public Example(String itemId, SupportLocale locale, String text) {
            this(itemId, locale, text, false);
        }
    }

    /** The label of examples about no support topic at all (greetings, thanks, noise). */
    public static final String NONE = "NONE";

    /** How many nearest documents vote. */
    static final int NEIGHBOURS = 12;
    /** Below this best score the question matched nothing in particular. */
    static final double MIN_SCORE = 3.0;
    /** Below this share of the votes the winner is not clear enough. */
    static final double MIN_CONFIDENCE = 0.34;
    private static final int MAX_TERMS = 400;
    /**
     * How much more a learned question (a real one, whose label a manager accepted) votes than a shipped
     * example: a few of them outweigh what the shipped examples suggest about words they never saw.
     */
    static final double LEARNED_WEIGHT = 2.0;
    /**
     * How much more a word weighs that only learned questions use (a product term the shipped examples
     * never saw): it is what a manager taught triage, as a topic is what the policy names.
     */
    static final float NOVEL_BOOST = 3.0f;
    private static final String ITEM = "item";
    private static final String LEARNED = "learned";

    private final SupportPolicy policy;
    private final Analyzer analyzer = TriageAnalyzers.perField();
    private final IndexSearcher searcher;
    /** Field to the stems that only learned questions use. */
    private final Map<String, Set<String>> novel;

    private TriageIndex(SupportPolicy policy, IndexSearcher searcher, Map<String, Set<String>> novel) {
        this.policy = policy;
        this.searcher = searcher;
        this.novel = novel;
    }

    public static TriageIndex build(SupportPolicy policy, List<Example> examples) {
        Analyzer analyzer = TriageAnalyzers.perField();
        Map<String, Set<String>> novel = new HashMap<>();
        for (String field : List.of(TriageAnalyzers.POLISH, TriageAnalyzers.ENGLISH)) {
            Set<String> known = new HashSet<>();
            Set<String> learned = new HashSet<>();
            policy.items().forEach(i -> {
                known.addAll(terms(analyzer, field, i.english()));
                known.addAll(terms(analyzer, field, i.polish()));
            });
            examples.forEach(e -> (e.learned() ? learned : known).addAll(terms(analyzer, field, e.text())));
            learned.removeAll(known);
            novel.put(field, Set.copyOf(learned));
        }
        ByteBuffersDirectory directory = new ByteBuffersDirectory();
        try (IndexWriter writer = new IndexWriter(directory, new IndexWriterConfig(analyzer))) {
            for (PolicyItem item : policy.items()) {
                writer.addDocument(document(item.id(), item.english(), false));
                writer.addDocument(document(item.id(), item.polish(), false));
            }
            for (Example example : examples) {
                if (!NONE.equals(example.itemId()) && policy.item(example.itemId()).isEmpty()) {
                    throw new IllegalArgumentException("An example names no policy item: " + example.itemId());
                }
                writer.addDocument(document(example.itemId(), example.text(), example.learned()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try {
            return new TriageIndex(policy, new IndexSearcher(DirectoryReader.open(directory)), Map.copyOf(novel));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Document document(String itemId, String text, boolean learned) {
        Document d = new Document();
        d.add(new StoredField(ITEM, itemId));
        if (learned) {
            d.add(new StoredField(LEARNED, 1));
        }
        d.add(new TextField(TriageAnalyzers.POLISH, text, Field.Store.NO));
        d.add(new TextField(TriageAnalyzers.ENGLISH, text, Field.Store.NO));
        d.add(new TextField(TriageAnalyzers.GRAMS, text, Field.Store.NO));
        d.add(new TextField(TriageAnalyzers.TOPICS, text, Field.Store.NO));
        return d;
    }

    public SupportPolicy policy() {
        return policy;
    }

    /**
     * Of the items with this area and coverage, the one whose wording and examples are nearest to the text;
     * the first such item when none is near at all; empty when the policy has none.
     */
    public Optional<PolicyItem> nearestItem(String text, SupportLocale locale, SupportArea area, Coverage coverage) {
        List<PolicyItem> candidates = policy.items().stream()
                .filter(i -> i.area() == area && i.coverage() == coverage).toList();
        if (candidates.isEmpty()) {
            return Optional.empty();
        }
        BooleanQuery query = query(text, locale);
        if (!query.clauses().isEmpty()) {
            try {
                for (ScoreDoc hit : searcher.search(query, 200).scoreDocs) {
                    String id = searcher.storedFields().document(hit.doc).get(ITEM);
                    Optional<PolicyItem> item = candidates.stream().filter(i -> i.id().equals(id)).findFirst();
                    if (item.isPresent()) {
                        return item;
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return Optional.of(candidates.get(0));
    }

    public TriageResult classify(String text, SupportLocale locale) {
        BooleanQuery query = query(text, locale);
        if (query.clauses().isEmpty()) {
            return TriageResult.unclear(0);
        }
        try {
            ScoreDoc[] hits = searcher.search(query, NEIGHBOURS).scoreDocs;
            if (hits.length == 0 || hits[0].score < MIN_SCORE) {
                return TriageResult.unclear(0);
            }
            return vote(hits);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private TriageResult vote(ScoreDoc[] hits) throws IOException {
        Map<String, Double> byItem = new HashMap<>();
        Map<String, Double> byPair = new HashMap<>();
        double total = 0;
        for (int rank = 0; rank < hits.length; rank++) {
            // Nearer neighbours count more: by their squared score (a close match outweighs several loose
            // ones), and a little by their rank.
            Document d = searcher.storedFields().document(hits[rank].doc);
            double weight = hits[rank].score * hits[rank].score / (1.0 + 0.2 * rank)
                    * (d.getField(LEARNED) != null ? LEARNED_WEIGHT : 1.0);
            String id = d.get(ITEM);
            byItem.merge(id, weight, Double::sum);
            byPair.merge(pair(id), weight, Double::sum);
            total += weight;
        }
        Map.Entry<String, Double> best = byPair.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow();
        double confidence = Math.min(1.0, best.getValue() / total);
        if (best.getKey().equals(NONE) || confidence < MIN_CONFIDENCE) {
            return TriageResult.unclear(best.getKey().equals(NONE) ? 0 : confidence);
        }
        PolicyItem item = byItem.entrySet().stream()
                .filter(e -> pair(e.getKey()).equals(best.getKey()))
                .max(Map.Entry.comparingByValue())
                .flatMap(e -> policy.item(e.getKey())).orElseThrow();
        return TriageResult.of(item, confidence);
    }

    /** What a neighbour votes for: its item's (area, coverage), or none. */
    private String pair(String itemId) {
        return policy.item(itemId).map(i -> i.area() + "/" + i.coverage()).orElse(NONE);
    }

    /** Every distinct term of the question in each view, the question's own language weighted most. */
    private BooleanQuery query(String text, SupportLocale locale) {
        BooleanQuery.Builder b = new BooleanQuery.Builder();
        int[] budget = {MAX_TERMS};
        add(b, TriageAnalyzers.POLISH, text, locale == SupportLocale.PL ? 1.0f : 0.5f, budget);
        add(b, TriageAnalyzers.ENGLISH, text, locale == SupportLocale.EN ? 1.0f : 0.5f, budget);
        // The topics weigh most: what a question is about matters more than the words it uses for it.
        add(b, TriageAnalyzers.TOPICS, text, 3.0f, budget);
        add(b, TriageAnalyzers.GRAMS, text, 0.35f, budget);
        return b.build();
    }

    private void add(BooleanQuery.Builder b, String field, String text, float boost, int[] budget) {
        Set<String> taught = novel.getOrDefault(field, Set.of());
        for (String term : terms(analyzer, field, text)) {
            if (budget[0]-- <= 0) {
                return;
            }
            float weight = field.equals(TriageAnalyzers.TOPICS) ? boost * TriageConcepts.weight(term)
                    : taught.contains(term) ? boost * NOVEL_BOOST : boost;
            b.add(new BoostQuery(new TermQuery(new Term(field, term)), weight), BooleanClause.Occur.SHOULD);
        }
    }

    private static Set<String> terms(Analyzer analyzer, String field, String text) {
        Set<String> terms = new LinkedHashSet<>();
        try (TokenStream ts = analyzer.tokenStream(field, text)) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            ts.reset();
            while (ts.incrementToken()) {
                terms.add(term.toString());
            }
            ts.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return terms;
    }
}
