package org.feedwerk.web.api;

import org.feedwerk.publish.WithdrawalRefused;

/** A request the API refuses, with the HTTP status to answer and a message for the caller. */
public final class ApiError extends RuntimeException {
    private final int status;

    public ApiError(int status, String message) {
        super(message, null, false, false);
        this.status = status;
    }

    public int status() {
        return status;
    }

    /** A refused withdrawal as the answer to the API or console request that asked for it. */
    public static ApiError of(WithdrawalRefused refused) {
        int status = switch (refused.kind()) {
            case INVALID_REASON -> 400;
            case UNKNOWN_ARTICLE -> 404;
            case ALREADY_WITHDRAWN -> 409;
        };
        return new ApiError(status, refused.getMessage());
    }
}
