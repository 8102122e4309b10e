package org.vnpress.analysis;

import java.util.Map;
import org.apache.lucene.analysis.TokenizerFactory;
import org.apache.lucene.util.AttributeFactory;

/**
 * Factory for {@link VietnameseTokenizer}. {@code parts="false"} (for a query analyzer) emits
 * document numbers without their parts.
 *
 * <pre class="prettyprint">
 * &lt;tokenizer name="vietnamese" parts="true"/&gt;
 * </pre>
 */
public final class VietnameseTokenizerFactory extends TokenizerFactory {

  /** SPI name */
  public static final String NAME = "vietnamese";

  private final boolean parts;

  public VietnameseTokenizerFactory(Map<String, String> args) {
    super(args);
    parts = getBoolean(args, "parts", true);
    if (!args.isEmpty()) {
      throw new IllegalArgumentException("Unknown parameters: " + args);
    }
  }

  /** Default ctor for compatibility with SPI */
  public VietnameseTokenizerFactory() {
    throw defaultCtorException();
  }

  @Override
  public VietnameseTokenizer create(AttributeFactory factory) {
    return new VietnameseTokenizer(factory, parts);
  }
}
