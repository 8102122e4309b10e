package org.vnpress.analysis;

import java.util.Map;
import org.apache.lucene.analysis.TokenFilterFactory;
import org.apache.lucene.analysis.TokenStream;

/**
 * Factory for {@link SyllablePairFilter}: the syllable-pair field of an index, after the
 * normalization and folding filters.
 *
 * <pre class="prettyprint">
 * &lt;filter name="vietnameseNormalization"/&gt;
 * &lt;filter name="vietnameseFolding"/&gt;
 * &lt;filter name="vietnameseSyllablePairs"/&gt;
 * </pre>
 */
public final class SyllablePairFilterFactory extends TokenFilterFactory {

  /** SPI name */
  public static final String NAME = "vietnameseSyllablePairs";

  public SyllablePairFilterFactory(Map<String, String> args) {
    super(args);
    if (!args.isEmpty()) {
      throw new IllegalArgumentException("Unknown parameters: " + args);
    }
  }

  /** Default ctor for compatibility with SPI */
  public SyllablePairFilterFactory() {
    throw defaultCtorException();
  }

  @Override
  public TokenStream create(TokenStream input) {
    return new SyllablePairFilter(input);
  }
}
