package org.vnpress.search;

/** A request the engine cannot answer as asked: the caller's mistake, said in one sentence. */
public class BadRequestException extends RuntimeException {
  public BadRequestException(String message) {
    super(message);
  }
}
