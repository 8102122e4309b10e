package org.vnpress.analysis;

import java.util.Map;
import org.apache.lucene.analysis.TokenFilterFactory;
import org.apache.lucene.analysis.TokenStream;

/**
 * Factory for {@link VietnameseFoldingFilter}.
 *
 * <pre class="prettyprint">
 * &lt;filter name="vietnameseNormalization"/&gt;
 * &lt;filter name="vietnameseFolding"/&gt;
 * </pre>
 */
public final class VietnameseFoldingFilterFactory extends TokenFilterFactory {

  /** SPI name */
  public static final String NAME = "vietnameseFolding";

  public VietnameseFoldingFilterFactory(Map<String, String> args) {
    super(args);
    if (!args.isEmpty()) {
      throw new IllegalArgumentException("Unknown parameters: " + args);
    }
  }

  /** Default ctor for compatibility with SPI */
  public VietnameseFoldingFilterFactory() {
    throw defaultCtorException();
  }

  @Override
  public TokenStream create(TokenStream input) {
    return new VietnameseFoldingFilter(input);
  }

  @Override
  public TokenStream normalize(TokenStream input) {
    return create(input);
  }
}
