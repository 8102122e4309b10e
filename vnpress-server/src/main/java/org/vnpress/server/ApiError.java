package org.vnpress.server;

/** The one error shape of the API: {@code {error, message}}. */
public record ApiError(String error, String message) {}
