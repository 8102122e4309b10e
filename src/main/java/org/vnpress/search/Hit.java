package org.vnpress.search;

import java.util.List;
import org.vnpress.extract.District;
import org.vnpress.extract.DocumentRef;

/** One search result: what a result list shows. Snippets are HTML-escaped with only mark tags. */
public record Hit(
    String id,
    String title,
    String titleHtml,
    String date,
    String datePrecision,
    String quarter,
    List<District> districts,
    List<DocumentRef> documents,
    List<String> periods,
    String source,
    String url,
    String snippet,
    float score) {}
