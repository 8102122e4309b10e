package org.vnpress.analysis;

import java.util.Map;
import org.apache.lucene.analysis.TokenFilterFactory;
import org.apache.lucene.analysis.TokenStream;

/**
 * Factory for {@link VietnameseNormalizationFilter}.
 *
 * <pre class="prettyprint">
 * &lt;filter class="solr.LowerCaseFilterFactory"/&gt;
 * &lt;filter name="vietnameseNormalization"/&gt;
 * </pre>
 */
public final class VietnameseNormalizationFilterFactory extends TokenFilterFactory {

  /** SPI name */
  public static final String NAME = "vietnameseNormalization";

  public VietnameseNormalizationFilterFactory(Map<String, String> args) {
    super(args);
    if (!args.isEmpty()) {
      throw new IllegalArgumentException("Unknown parameters: " + args);
    }
  }

  /** Default ctor for compatibility with SPI */
  public VietnameseNormalizationFilterFactory() {
    throw defaultCtorException();
  }

  @Override
  public TokenStream create(TokenStream input) {
    return new VietnameseNormalizationFilter(input);
  }

  @Override
  public TokenStream normalize(TokenStream input) {
    return create(input);
  }
}
