package org.vnpress.extract;

import java.util.List;

/** Finds the districts a release is about. First version: none; the extraction issue fills it. */
public class DistrictExtractor {
  public static DistrictExtractor standard() {
    return new DistrictExtractor();
  }

  public List<District> extract(String text, PubDate date) {
    return List.of();
  }

  /** Wards and communes named in the text ({@code Hà Nội/Phường Hoàn Kiếm}). */
  public List<District> places(String text, PubDate date) {
    return List.of();
  }
}
