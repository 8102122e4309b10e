package org.vnpress.index;

import java.text.Normalizer;
import java.util.Arrays;
import org.apache.lucene.analysis.Analyzer;
import org.vnpress.analysis.VietnameseAnalyzer;

/**
 * The syllables of one release as the language model counts them, taken from the tokens the index
 * analysed anyway: each syllable's exact key, its spelling in the text, whether it is capitalized,
 * and where a run of syllables breaks (punctuation) or a sentence starts (case says nothing there).
 * Numbers and document numbers count as one class, {@link #NUMBER}, so {@code ngày 15 tháng} still
 * tells {@code ngày} from {@code ngáy}. Built on the thread that prepares the document; counted
 * into {@link SyllableCounts} when the document is written.
 */
public final class TextCounts {

  /** The one syllable that stands for every number and document number. */
  public static final String NUMBER = "<n>";

  static final byte BREAK_BEFORE = 1;
  static final byte SENTENCE_START = 2;
  static final byte CAPITALIZED = 4;
  static final byte ALL_CAPS = 8;
  static final byte CASE_UNKNOWN = 16;

  private static final Analyzer EXACT = new VietnameseAnalyzer(VietnameseAnalyzer.Key.EXACT);

  private long[] hashes = new long[64];
  private String[] forms = new String[64];
  private String[] surfaces = new String[64];
  private byte[] flags = new byte[64];
  private int size;

  /** The counts of a release's title and body, analysing them here (for other backends). */
  public static TextCounts of(String title, String body) {
    TextCounts c = new TextCounts();
    String t = title == null ? "" : title;
    String b = body == null ? "" : body;
    c.add(AnalyzedText.of(EXACT, TextFields.TITLE, t), t);
    c.add(AnalyzedText.of(EXACT, TextFields.BODY, b), b);
    return c;
  }

  int size() {
    return size;
  }

  long hash(int i) {
    return hashes[i];
  }

  /** The exact key, or {@link #NUMBER}. */
  String form(int i) {
    return forms[i];
  }

  /** The spelling in the text (NFC) where it differs from the exact key, else null. */
  String surface(int i) {
    return surfaces[i];
  }

  byte flags(int i) {
    return flags[i];
  }

  /** Adds the tokens of one analysed text; the text starts a new run and a new sentence. */
  void add(AnalyzedText tokens, String text) {
    int first = size;
    int prevEnd = 0;
    char[] chars = tokens.chars();
    int partsEnd = -1;
    for (int i = 0; i < tokens.size(); i++) {
      if (tokens.startOffset(i) < partsEnd) {
        continue; // the parts of a document number (15 nq tw), within its span
      }
      if (tokens.keyword(i)) {
        partsEnd = tokens.endOffset(i);
      }
      int start = tokens.termStart(i);
      int end = tokens.termEnd(i);
      boolean number = tokens.keyword(i);
      for (int j = start; j < end && !number; j++) {
        number = Character.isDigit(chars[j]);
      }
      String form = number ? NUMBER : new String(chars, start, end - start);
      boolean clean = number || isNfcLetters(form);
      byte f = 0;
      int so = Math.min(tokens.startOffset(i), text.length());
      int eo = Math.min(Math.max(so, tokens.endOffset(i)), text.length());
      if (size == first) {
        f |= BREAK_BEFORE | SENTENCE_START;
      } else {
        for (int j = prevEnd; j < so; j++) {
          char c = text.charAt(j);
          if (!Character.isWhitespace(c) && c != '\u00A0') {
            f |= BREAK_BEFORE;
          }
          if (".!?:;…\n\r•".indexOf(c) >= 0) {
            f |= SENTENCE_START;
          }
        }
      }
      prevEnd = eo;
      String surface = null;
      if (!number) {
        String written = text.substring(so, eo);
        if (!isNfcLetters(written)) {
          written = Normalizer.normalize(written, Normalizer.Form.NFC);
        }
        if (!written.isEmpty() && Character.isUpperCase(written.charAt(0))) {
          f |= CAPITALIZED;
          if (written.length() > 1 && written.equals(written.toUpperCase(java.util.Locale.ROOT))) {
            f |= ALL_CAPS;
          }
        }
        // a spelling with a stray mark (two tones) says nothing about how the syllable is written
        if (!written.equals(form) && written.length() == form.length() && isNfcLetters(written)) {
          surface = written;
        }
      }
      if (!clean) {
        f |= CASE_UNKNOWN;
      }
      append(NgramKeys.syllable(form), clean ? form : null, surface, f);
    }
    // case says nothing at a sentence start, nor inside a run of words all in capitals (headlines)
    for (int i = first; i < size; i++) {
      boolean caps = (flags[i] & ALL_CAPS) != 0;
      boolean capsNext =
          caps
              && ((i > first && (flags[i - 1] & ALL_CAPS) != 0)
                  || (i + 1 < size && (flags[i + 1] & ALL_CAPS) != 0));
      if ((flags[i] & SENTENCE_START) != 0 || capsNext) {
        flags[i] |= CASE_UNKNOWN;
      }
    }
  }

  private static boolean isNfcLetters(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c >= '\u0300' && c <= '\u036F') {
        return false;
      }
    }
    return true;
  }

  private void append(long hash, String form, String surface, byte f) {
    if (size == hashes.length) {
      int n = size * 2;
      hashes = Arrays.copyOf(hashes, n);
      forms = Arrays.copyOf(forms, n);
      surfaces = Arrays.copyOf(surfaces, n);
      flags = Arrays.copyOf(flags, n);
    }
    hashes[size] = hash;
    forms[size] = form;
    surfaces[size] = surface;
    flags[size] = f;
    size++;
  }
}
