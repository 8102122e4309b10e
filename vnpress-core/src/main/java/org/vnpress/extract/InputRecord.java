package org.vnpress.extract;

/** One JSONL input record (CONTRACT §4); only {@code body} is required. */
public record InputRecord(
    String id, String title, String body, String date, String url, String source) {}
