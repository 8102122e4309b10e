package org.vnpress.search.restore;

import java.util.List;

/**
 * What the restorer made of a query.
 *
 * @param suggestion the query with its diacritics (and the capitals of names the text knows)
 *     restored, its syntax kept ({@code quan uy hoang mai} → {@code quận ủy Hoàng Mai}); null when
 *     there is nothing to suggest: the query is accented already, nothing would change, or the
 *     restored reading is not clearly more likely than the query as typed
 * @param reading one entry per whitespace-separated piece of the query: the word as restored
 *     (without the piece's quotes, brackets or leading minus), or the piece's word as typed
 *     (numbers, document numbers, Latin words, {@code OR}, words typed with diacritics, and every
 *     word when {@code suggestion} is null). Empty for a blank query.
 */
public record Restoration(String suggestion, List<String> reading) {

  public Restoration {
    reading = List.copyOf(reading);
  }
}
