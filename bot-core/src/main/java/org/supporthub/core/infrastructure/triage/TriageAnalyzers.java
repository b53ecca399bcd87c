package org.supporthub.core.infrastructure.triage;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.en.EnglishPossessiveFilter;
import org.apache.lucene.analysis.en.PorterStemFilter;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.analysis.ngram.NGramTokenFilter;
import org.apache.lucene.analysis.pl.PolishAnalyzer;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.stempel.StempelFilter;
import org.apache.lucene.analysis.stempel.StempelStemmer;

import java.util.Map;

/**
 * How triage reads text, one Lucene field per view of it:
 * <ul>
 *   <li>{@code pl}: Polish words reduced to their stems (Stempel), then folded to ASCII, so that "serwerze"
 *       and "serwera" meet, and a question typed without diacritics still finds them;</li>
 *   <li>{@code en}: English words, Porter-stemmed and folded;</li>
 *   <li>{@code gram}: folded character 4-grams of every word, whatever the language: they still match when
 *       a word is misspelt, inflected in a way the stemmer does not know, or written without diacritics.</li>
 * </ul>
 */
final class TriageAnalyzers {

    static final String POLISH = "pl";
    static final String ENGLISH = "en";
    static final String GRAMS = "gram";
    static final String TOPICS = "topic";

    private TriageAnalyzers() {
    }

    static Analyzer perField() {
        return new PerFieldAnalyzerWrapper(new StandardAnalyzer(), Map.of(
                POLISH, polish(), ENGLISH, english(), GRAMS, grams(), TOPICS, topics()));
    }

    private static Analyzer polish() {
        StempelStemmer stemmer = new StempelStemmer(PolishAnalyzer.getDefaultTable());
        CharArraySet stop = PolishAnalyzer.getDefaultStopSet();
        return new Analyzer() {
            @Override
            protected TokenStreamComponents createComponents(String field) {
                Tokenizer source = new StandardTokenizer();
                TokenStream s = new LowerCaseFilter(source);
                s = new StopFilter(s, stop);
                s = new StempelFilter(s, stemmer);
                s = new ASCIIFoldingFilter(s);
                return new TokenStreamComponents(source, s);
            }
        };
    }

    private static Analyzer english() {
        CharArraySet stop = EnglishAnalyzer.ENGLISH_STOP_WORDS_SET;
        return new Analyzer() {
            @Override
            protected TokenStreamComponents createComponents(String field) {
                Tokenizer source = new StandardTokenizer();
                TokenStream s = new EnglishPossessiveFilter(source);
                s = new LowerCaseFilter(s);
                s = new StopFilter(s, stop);
                s = new PorterStemFilter(s);
                s = new ASCIIFoldingFilter(s);
                return new TokenStreamComponents(source, s);
            }
        };
    }

    private static Analyzer grams() {
        CharArraySet stop = new CharArraySet(PolishAnalyzer.getDefaultStopSet(), true);
        stop.addAll(EnglishAnalyzer.ENGLISH_STOP_WORDS_SET);
        return new Analyzer() {
            @Override
            protected TokenStreamComponents createComponents(String field) {
                Tokenizer source = new StandardTokenizer();
                TokenStream s = new LowerCaseFilter(source);
                s = new StopFilter(s, stop);
                s = new ASCIIFoldingFilter(s);
                s = new NGramTokenFilter(s, 4, 4, true);
                return new TokenStreamComponents(source, s);
            }
        };
    }

    private static Analyzer topics() {
        return new Analyzer() {
            @Override
            protected TokenStreamComponents createComponents(String field) {
                Tokenizer source = new StandardTokenizer();
                TokenStream s = new LowerCaseFilter(source);
                s = new ASCIIFoldingFilter(s);
                s = new TriageConcepts.Filter(s);
                return new TokenStreamComponents(source, s);
            }
        };
    }
}
