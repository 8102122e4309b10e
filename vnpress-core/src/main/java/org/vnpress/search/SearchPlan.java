package org.vnpress.search;

import java.util.List;

/**
 * What one search means, decided once for every backend: the text's queries (strict, relaxed,
 * scoring, the phrase that re-ranks), the districts it names, the page, the order, and the rules
 * that keep a search fast at a million documents. {@link LuceneBackend} and the OpenSearch backend
 * only execute it.
 *
 * <ul>
 *   <li><b>Precision first</b>: every word is required; only when fewer than {@link
 *       TextQueryBuilder.Tuning#relaxBelow()} releases hold them all is the search relaxed to most
 *       of the words (and the answer says so), the strict matches first.
 *   <li><b>Count cheaply</b>: facets and the total come from an unscored pass over the matches;
 *       above {@link SearchLimits#approximateAbove()} matches they are estimated from a sample of
 *       every {@link SearchLimits#sampleStride()}-th document and the total is a lower bound
 *       ({@code totalRelation: gte}).
 *   <li><b>Rank smartly</b>: the top hits come from a scored pass that can skip documents (words
 *       and syllable pairs as terms); the whole phrase re-ranks the best {@link
 *       TextQueryBuilder.Tuning#rescoreWindow()} of them.
 *   <li><b>A budget</b>: {@link SearchLimits#budgetMillis()} per search, less for a long query
 *       ({@link SearchLimits#budgetMillis(int)}), after which the answer is what was found ({@code
 *       partial: true}); at most {@link TextQueryBuilder#MAX_WORDS} words.
 * </ul>
 *
 * @param request the request as asked
 * @param text the queries of its text
 * @param districts district facet values the text names: releases about them rank higher
 * @param limits the bounds of counting and time
 * @param budget the time this search may take
 * @param preferences facet values the text names besides districts (a meeting's session and term:
 *     {@code lần thứ 16 khóa XXVI}): releases with them rank higher
 */
public record SearchPlan(
    SearchRequest request,
    TextQueries text,
    List<String> districts,
    SearchLimits limits,
    Budget budget,
    List<Preference> preferences) {

  /** A facet value a query names, and the boost of releases that have it. */
  public record Preference(String dim, String value) {}

  /** Added to releases whose meeting has the session or term the query names. */
  public static final float MEETING_BOOST = 50f;

  /** A plan that prefers no facet values beyond districts. */
  public SearchPlan(
      SearchRequest request,
      TextQueries text,
      List<String> districts,
      SearchLimits limits,
      Budget budget) {
    this(request, text, districts, limits, budget, List.of());
  }

  /**
   * Added to releases about a district the query names. The whole-query phrase weighs 20 per phrase
   * match, so strong matches score 100–250: the extracted district (precision 0.995 on the dev set)
   * must count as much as a phrase in the title to lift a release about Hoàng Mai above a short
   * listing that merely names it.
   */
  public static final float DISTRICT_BOOST = 100f;

  /** The plan of a request: its text read once, the districts it names among those known. */
  public static SearchPlan of(
      SearchRequest req, TextQueryBuilder queries, DistrictNames names, SearchLimits limits) {
    // a meeting's numbers in every spelling: "lần thứ 16" also finds "lần thứ mười sáu"
    MeetingWords.Read meeting = MeetingWords.read(req.q());
    TextQueries text = queries.build(meeting.text());
    List<String> districts = text.units() == 0 ? List.of() : names.named(req.q());
    return new SearchPlan(
        req,
        text,
        districts,
        limits,
        Budget.ofMillis(limits.budgetMillis(text.units())),
        meeting.preferences());
  }

  /** The time this search may take in all, as its budget started with. */
  public long budgetMillis() {
    return limits.budgetMillis(text.units());
  }

  /** True when a strict search that found {@code strictTotal} should be relaxed. */
  public boolean relaxes(long strictTotal, TextQueryBuilder.Tuning tuning) {
    return text.relaxedMatch() != null && strictTotal < tuning.relaxBelow();
  }

  /** How many hits the page needs from the top: everything before it, and itself. */
  public int depth() {
    return request.offset() + request.size();
  }
}
