package org.vnpress.search;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.vnpress.extract.DocumentNumberExtractor;
import org.vnpress.extract.DocumentRef;
import org.vnpress.index.Fields;

/**
 * {@code GET /api/citations}: a document number, the document itself when the index holds it, and
 * the releases that cite it with their facets (quarters for the timeline, districts): one search
 * filtered on the number, so the facets are the search's own.
 *
 * @param number the canonical number ({@code 15-NQ/TW} for {@code 15-NQ/TƯ})
 * @param ref what the number says: type, issuer, level
 * @param document the release that is this document (its own {@code Số:} line or title), or null
 * @param edition the term or year asked for ({@code XVII}, {@code 2026}), or null for all
 * @param editions the terms and years the citing releases give the number, with counts: Party
 *     numbers restart every term, so these may be different documents
 * @param citing the citing releases, newest first, with every facet
 */
public record CitationView(
    String number,
    DocumentRef ref,
    Hit document,
    String edition,
    List<FacetValue> editions,
    SearchResponse citing) {

  private static final DocumentNumberExtractor NUMBERS = new DocumentNumberExtractor();

  /**
   * The view of a number as typed.
   *
   * @throws BadRequestException when {@code typed} is no document number
   */
  public static CitationView of(
      SearchBackend backend, String typed, String edition, int page, int size) throws IOException {
    if (typed == null || typed.isBlank()) {
      throw new BadRequestException("number is required, e.g. 15-NQ/TW");
    }
    List<DocumentRef> refs = NUMBERS.extract(typed.strip());
    if (refs.isEmpty()) {
      throw new BadRequestException("not a document number: " + typed.strip());
    }
    DocumentRef ref = refs.get(0);
    String number = ref.value();
    String ed = edition == null || edition.isBlank() ? null : edition.strip();
    SearchResponse own =
        backend.search(
            new SearchRequest(
                "",
                Map.of(Fields.NUMBER, List.of(number)),
                null,
                null,
                SearchRequest.Sort.DATE,
                1,
                1,
                1));
    // every edition is listed whichever is asked for: they come from all the citing releases
    SearchResponse all = backend.search(citing(number, ed == null ? page : 1, size));
    List<FacetValue> editions =
        all.facets().getOrDefault(Fields.EDITION, List.of()).stream()
            .filter(v -> v.value().startsWith(number + "@"))
            .toList();
    SearchResponse citing =
        ed == null ? all : backend.search(citing(number + "@" + ed, page, size));
    return new CitationView(
        number, ref, own.hits().isEmpty() ? null : own.hits().get(0), ed, editions, citing);
  }

  /** The citing releases of a number (or number@edition), newest first, facets listed long. */
  private static SearchRequest citing(String cites, int page, int size) {
    return new SearchRequest(
        "",
        Map.of(Fields.CITES, List.of(cites)),
        null,
        null,
        SearchRequest.Sort.DATE,
        page,
        size,
        SearchRequest.MAX_FACET_LIMIT);
  }
}
