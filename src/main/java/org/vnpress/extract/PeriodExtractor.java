package org.vnpress.extract;

import java.util.List;

/** Finds the reporting periods a release talks about. First version: none. */
public class PeriodExtractor {
  public List<String> extract(String text, PubDate date) {
    return List.of();
  }
}
