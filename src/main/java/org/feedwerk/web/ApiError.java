package org.feedwerk.web;

/** A request the API refuses, with the HTTP status to answer and a message for the caller. */
final class ApiError extends RuntimeException {
    private final int status;

    ApiError(int status, String message) {
        super(message, null, false, false);
        this.status = status;
    }

    int status() {
        return status;
    }
}
