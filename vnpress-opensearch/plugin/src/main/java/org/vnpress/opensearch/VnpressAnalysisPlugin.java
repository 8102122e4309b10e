package org.vnpress.opensearch;

import java.util.Locale;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.synonym.SynonymGraphFilter;
import org.apache.lucene.analysis.synonym.SynonymMap;
import org.opensearch.common.settings.Settings;
import org.opensearch.env.Environment;
import org.opensearch.index.IndexSettings;
import org.opensearch.index.analysis.AbstractIndexAnalyzerProvider;
import org.opensearch.index.analysis.AbstractTokenFilterFactory;
import org.opensearch.index.analysis.AbstractTokenizerFactory;
import org.opensearch.index.analysis.AnalyzerProvider;
import org.opensearch.index.analysis.TokenFilterFactory;
import org.opensearch.index.analysis.TokenizerFactory;
import org.opensearch.indices.analysis.AnalysisModule.AnalysisProvider;
import org.opensearch.plugins.AnalysisPlugin;
import org.opensearch.plugins.Plugin;
import org.vnpress.analysis.SyllablePairAnalyzer;
import org.vnpress.analysis.VietnameseAnalyzer;
import org.vnpress.analysis.VietnameseAnalyzer.Key;
import org.vnpress.analysis.VietnameseAnalyzer.Mode;
import org.vnpress.analysis.VietnameseFoldingFilter;
import org.vnpress.analysis.VietnameseNormalizationFilter;
import org.vnpress.analysis.VietnameseTokenizer;

/**
 * vnpress's Vietnamese analysis inside OpenSearch: the same classes the embedded index uses, under
 * OpenSearch names.
 *
 * <ul>
 *   <li>tokenizer {@code vietnamese} ({@code parts}: true at index time, false for queries)
 *   <li>token filters {@code vietnamese_normalization}, {@code vietnamese_folding}, {@code
 *       vietnamese_abbreviations} ({@code key}: exact or folded)
 *   <li>analyzers {@code vietnamese_exact}, {@code vietnamese_folded} (index time) and {@code
 *       vietnamese_exact_query}, {@code vietnamese_folded_query} (with the abbreviation synonyms),
 *       and {@code vietnamese_pairs} (folded syllable pairs, for the pair sub-fields)
 * </ul>
 */
public final class VnpressAnalysisPlugin extends Plugin implements AnalysisPlugin {

  @Override
  public Map<String, AnalysisProvider<TokenizerFactory>> getTokenizers() {
    return Map.of("vietnamese", Tokenizers::new);
  }

  @Override
  public Map<String, AnalysisProvider<TokenFilterFactory>> getTokenFilters() {
    return Map.of(
        "vietnamese_normalization",
        (idx, env, name, settings) -> new Filter(idx, name, settings, FilterKind.NORMALIZATION),
        "vietnamese_folding",
        (idx, env, name, settings) -> new Filter(idx, name, settings, FilterKind.FOLDING),
        "vietnamese_abbreviations",
        (idx, env, name, settings) -> new Filter(idx, name, settings, FilterKind.ABBREVIATIONS));
  }

  @Override
  public Map<String, AnalysisProvider<AnalyzerProvider<? extends Analyzer>>> getAnalyzers() {
    return Map.of(
        "vietnamese_exact", analyzer(Key.EXACT, Mode.INDEX),
        "vietnamese_folded", analyzer(Key.FOLDED, Mode.INDEX),
        "vietnamese_exact_query", analyzer(Key.EXACT, Mode.QUERY),
        "vietnamese_folded_query", analyzer(Key.FOLDED, Mode.QUERY),
        "vietnamese_pairs",
        (IndexSettings idx, Environment env, String name, Settings settings) ->
            new Analyzers(idx, name, settings, new SyllablePairAnalyzer()));
  }

  private static AnalysisProvider<AnalyzerProvider<? extends Analyzer>> analyzer(
      Key key, Mode mode) {
    return (IndexSettings idx, Environment env, String name, Settings settings) ->
        new Analyzers(idx, name, settings, new VietnameseAnalyzer(key, mode));
  }

  /** The tokenizer: syllables, numbers and document numbers. */
  static final class Tokenizers extends AbstractTokenizerFactory {
    private final boolean parts;

    Tokenizers(IndexSettings idx, Environment env, String name, Settings settings) {
      super(idx, settings, name);
      parts = settings.getAsBoolean("parts", true);
    }

    @Override
    public Tokenizer create() {
      return new VietnameseTokenizer(parts);
    }
  }

  /** Which of the three filters a {@link Filter} is. */
  enum FilterKind {
    NORMALIZATION,
    FOLDING,
    ABBREVIATIONS
  }

  /** One of the token filters. */
  static final class Filter extends AbstractTokenFilterFactory {
    private final FilterKind kind;
    private final SynonymMap synonyms;

    Filter(IndexSettings idx, String name, Settings settings, FilterKind kind) {
      super(idx, name, settings);
      this.kind = kind;
      Key key = Key.valueOf(settings.get("key", "exact").toUpperCase(Locale.ROOT));
      // parsed once per index, not per token stream
      this.synonyms = kind == FilterKind.ABBREVIATIONS ? VietnameseAnalyzer.loadSynonyms(key) : null;
    }

    @Override
    public TokenStream create(TokenStream in) {
      return switch (kind) {
        case NORMALIZATION -> new VietnameseNormalizationFilter(in);
        case FOLDING -> new VietnameseFoldingFilter(in);
        case ABBREVIATIONS -> new SynonymGraphFilter(in, synonyms, true);
      };
    }

    @Override
    public TokenStream normalize(TokenStream in) {
      // keyword normalizers and wildcard terms get the key; synonyms have no place there
      return kind == FilterKind.ABBREVIATIONS ? in : create(in);
    }
  }

  /** A ready analyzer, shared by every field of the index that names it. */
  static final class Analyzers extends AbstractIndexAnalyzerProvider<Analyzer> {
    private final Analyzer analyzer;

    Analyzers(IndexSettings idx, String name, Settings settings, Analyzer analyzer) {
      super(idx, name, settings);
      this.analyzer = analyzer;
    }

    @Override
    public Analyzer get() {
      return analyzer;
    }
  }
}
