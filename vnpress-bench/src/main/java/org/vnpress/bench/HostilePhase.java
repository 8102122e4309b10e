package org.vnpress.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The hostile phase of issue 14: attackers send long valid queries (the 1,000-character query of
 * about 330 short words, pasted text, a long quoted passage, a query at the word cap) as fast as
 * they are answered, while one client runs the normal mix. Reports the normal client's latency
 * under the attack and the attackers' worst latency, and how many attacks were refused (a 400).
 */
final class HostilePhase {

  /** Attackers, as in issue 14. */
  static final int ATTACKERS = 8;

  /** One long query of the attack, described by its size. */
  record Attack(String kind, int words, int chars, String q) {}

  /** Attack queries in the JSON line: their sizes, not their text. */
  record AttackSize(String kind, int words, int chars) {}

  /** The normal client's figures during the attack. */
  record Normal(int queries, double p50Ms, double p95Ms, double p99Ms, double qps, int errors) {}

  /** The attackers' figures, in all and by kind of attack. */
  record Attackers(
      int clients,
      int requests,
      int refused,
      int errors,
      double p50Ms,
      double maxMs,
      Map<String, ByKind> byKind) {}

  /** One kind of attack: requests sent, refused with a 400, the slowest answer or refusal. */
  record ByKind(int requests, int refused, double maxMs) {}

  /** Counts of one kind, updated by every attacker. */
  private static final class Tally {
    final AtomicInteger requests = new AtomicInteger();
    final AtomicInteger refused = new AtomicInteger();
    final AtomicLong maxNanos = new AtomicLong();
  }

  /** One hostile phase's figures (JSON line). */
  record Stats(
      String engine, String mode, List<AttackSize> attacks, Normal normal, Attackers attackers) {}

  /** Documents read to take the words of the attack from. */
  private static final int SAMPLE_DOCS = 300;

  /** Longest valid query (vnpress's SearchRequest.MAX_QUERY_LENGTH). */
  private static final int MAX_CHARS = 1_000;

  /** Words in the query at the proposed cap of issue 14 (still valid under it). */
  private static final int AT_CAP = 64;

  /** Longest wait for the process to become quiet after an attack. */
  private static final int SETTLE_SECONDS = 180;

  /** Words of the quoted passage. */
  private static final int QUOTED = 60;

  private HostilePhase() {}

  /**
   * The long queries, from the real words of the first documents of the corpus: the ~330 words of
   * one or two letters in text order (and the same distinct, and unaccented); from one document, a
   * pasted passage of 1,000 characters, a quoted passage of its first 60 words (a phrase that finds
   * at least that document) and its next 64 words.
   */
  static List<Attack> attacks(Path corpus) throws IOException {
    List<String> shortWords = new ArrayList<>();
    List<String> source = new ArrayList<>();
    String[] pasted = {null};
    CorpusReader.read(
        corpus,
        SAMPLE_DOCS,
        r -> {
          String body = Normalizer.normalize(r.body(), Normalizer.Form.NFC);
          List<String> words =
              Arrays.stream(body.split("[^\\p{L}\\p{N}]+")).filter(w -> !w.isEmpty()).toList();
          for (String w : words) {
            if (w.length() <= 2 && w.codePoints().allMatch(Character::isLetter)) {
              shortWords.add(w.toLowerCase(Locale.ROOT));
            }
          }
          if (pasted[0] == null && words.size() >= QUOTED + AT_CAP && body.length() > MAX_CHARS) {
            source.addAll(words);
            // as pasted: punctuation kept, lines joined, no quote that would make it a phrase
            pasted[0] =
                upTo(Arrays.asList(body.replace("\"", " ").strip().split("\\s+")), MAX_CHARS);
          }
        });
    if (pasted[0] == null) {
      throw new IOException("no document of " + MAX_CHARS + " characters in " + corpus);
    }
    List<Attack> out = new ArrayList<>();
    out.add(attack("short-words", upTo(shortWords, MAX_CHARS)));
    out.add(
        attack("short-distinct", upTo(List.copyOf(new LinkedHashSet<>(shortWords)), MAX_CHARS)));
    out.add(attack("short-unaccented", QueryMix.unaccent(upTo(shortWords, MAX_CHARS))));
    out.add(attack("pasted-text", pasted[0]));
    out.add(attack("quoted-passage", "\"" + String.join(" ", source.subList(0, QUOTED)) + "\""));
    out.add(attack("at-cap-64", String.join(" ", source.subList(QUOTED, QUOTED + AT_CAP))));
    return out;
  }

  private static Attack attack(String kind, String q) {
    if (q.length() > MAX_CHARS) {
      throw new IllegalStateException(kind + " attack is " + q.length() + " characters");
    }
    return new Attack(kind, q.split("\\s+").length, q.length(), q);
  }

  /** Words joined by spaces while the result stays within {@code max} characters. */
  private static String upTo(List<String> words, int max) {
    StringBuilder sb = new StringBuilder();
    for (String w : words) {
      if (sb.length() + (sb.isEmpty() ? 0 : 1) + w.length() > max) {
        break;
      }
      if (!sb.isEmpty()) {
        sb.append(' ');
      }
      sb.append(w);
    }
    return sb.toString();
  }

  /**
   * Runs the attack against an engine while one client runs at most {@code maxQueries} of the mix;
   * both stop at {@code maxSeconds} (a request in flight then finishes: the HTTP client's time-out
   * bounds it over HTTP).
   */
  static Stats run(
      SearchEngine engine,
      String mode,
      List<QueryMix.Query> mix,
      List<Attack> attacks,
      int maxQueries,
      double maxSeconds,
      PrintStream log)
      throws Exception {
    long deadline = System.nanoTime() + (long) (maxSeconds * 1e9);
    AtomicBoolean stop = new AtomicBoolean();
    CountDownLatch started = new CountDownLatch(ATTACKERS);
    ConcurrentLinkedQueue<Long> latencies = new ConcurrentLinkedQueue<>();
    Map<String, Tally> tallies = new ConcurrentHashMap<>();
    AtomicInteger refused = new AtomicInteger();
    AtomicReference<String> firstRefusal = new AtomicReference<>();
    AtomicInteger errors = new AtomicInteger();
    AtomicReference<Throwable> firstError = new AtomicReference<>();
    Thread[] threads = new Thread[ATTACKERS];
    for (int t = 0; t < ATTACKERS; t++) {
      int first = t;
      threads[t] =
          new Thread(
              () -> {
                try (SearchEngine.Client c = engine.client()) {
                  started.countDown();
                  for (int i = first; !stop.get() && System.nanoTime() < deadline; i++) {
                    Attack a = attacks.get(i % attacks.size());
                    Tally tally = tallies.computeIfAbsent(a.kind(), k -> new Tally());
                    long t0 = System.nanoTime();
                    try {
                      c.search(new QueryMix.Query(a.kind(), a.q(), null, null));
                    } catch (SearchEngine.Refused e) {
                      refused.incrementAndGet();
                      tally.refused.incrementAndGet();
                      firstRefusal.compareAndSet(null, a.kind() + ": " + e.getMessage());
                    } catch (Exception e) {
                      errors.incrementAndGet();
                      firstError.compareAndSet(null, e);
                    }
                    long took = System.nanoTime() - t0;
                    latencies.add(took);
                    tally.requests.incrementAndGet();
                    tally.maxNanos.accumulateAndGet(took, Math::max);
                  }
                } catch (Exception e) {
                  firstError.compareAndSet(null, e);
                }
              },
              "bench-attacker-" + t);
      threads[t].start();
    }
    LoadRunner.Stats normal;
    try {
      // every attacker has its first query in flight before the normal client starts
      started.await(5, TimeUnit.SECONDS);
      double left = Math.max(0, (deadline - System.nanoTime()) / 1e9);
      normal = LoadRunner.run(engine, mode + "-attacked", mix, 1, 0, maxQueries, left, log);
    } finally {
      stop.set(true);
      for (Thread t : threads) {
        t.join();
      }
    }
    settle(engine.name() + " " + mode, log);
    long[] sorted = latencies.stream().mapToLong(Long::longValue).sorted().toArray();
    Map<String, ByKind> byKind = new TreeMap<>();
    tallies.forEach(
        (k, t) ->
            byKind.put(k, new ByKind(t.requests.get(), t.refused.get(), ms(t.maxNanos.get()))));
    Attackers attackers =
        new Attackers(
            ATTACKERS,
            sorted.length,
            refused.get(),
            errors.get(),
            sorted.length == 0 ? 0 : ms(sorted[(int) Math.ceil(0.5 * sorted.length) - 1]),
            sorted.length == 0 ? 0 : ms(sorted[sorted.length - 1]),
            byKind);
    if (firstRefusal.get() != null) {
      log.println("  " + engine.name() + " " + mode + " first refusal: " + firstRefusal.get());
    }
    if (firstError.get() != null) {
      log.println(
          "  " + engine.name() + " " + mode + " attackers: first error: " + firstError.get());
    }
    log.printf(
        Locale.ROOT,
        "  %-9s %-10s %d attackers %5d requests (%d refused, %d errors)  p50 %8.2f ms  max %9.2f ms%n    by kind: %s%n",
        engine.name(),
        mode,
        ATTACKERS,
        attackers.requests(),
        attackers.refused(),
        attackers.errors(),
        attackers.p50Ms(),
        attackers.maxMs(),
        byKind.entrySet().stream()
            .map(
                e ->
                    String.format(
                        Locale.ROOT,
                        "%s %d (%d refused) max %.0f ms",
                        e.getKey(),
                        e.getValue().requests(),
                        e.getValue().refused(),
                        e.getValue().maxMs()))
            .collect(java.util.stream.Collectors.joining("; ")));
    return new Stats(
        engine.name(),
        mode,
        attacks.stream().map(a -> new AttackSize(a.kind(), a.words(), a.chars())).toList(),
        new Normal(
            normal.queries(),
            normal.p50Ms(),
            normal.p95Ms(),
            normal.p99Ms(),
            normal.qps(),
            normal.errors()),
        attackers);
  }

  /**
   * Waits, at most {@link #SETTLE_SECONDS}, until this process uses less than a quarter of a core:
   * an attack the HTTP client gave up on still runs in the server, and would load the next phase.
   */
  private static void settle(String what, PrintStream log) throws InterruptedException {
    var os =
        (com.sun.management.OperatingSystemMXBean)
            java.lang.management.ManagementFactory.getOperatingSystemMXBean();
    long t0 = System.nanoTime();
    long until = t0 + SETTLE_SECONDS * 1_000_000_000L;
    while (System.nanoTime() < until) {
      long cpu0 = os.getProcessCpuTime();
      long w0 = System.nanoTime();
      Thread.sleep(500);
      double cores = (double) (os.getProcessCpuTime() - cpu0) / (System.nanoTime() - w0);
      if (cores < 0.25) {
        break;
      }
    }
    double waited = (System.nanoTime() - t0) / 1e9;
    if (waited > 2) {
      log.printf(Locale.ROOT, "  %s: waited %.0f s for the attack's last requests%n", what, waited);
    }
  }

  private static double ms(long nanos) {
    return IndexBench.round(nanos / 1e6, 2);
  }
}
