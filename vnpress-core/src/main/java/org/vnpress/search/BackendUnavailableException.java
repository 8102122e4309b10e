package org.vnpress.search;

/** The search engine behind the API cannot be reached or cannot answer: a 503, not a bug. */
public class BackendUnavailableException extends RuntimeException {
  public BackendUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }
}
