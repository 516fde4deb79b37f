package org.feedwerk.translate;

/**
 * An engine answered with an HTTP error status. Carries the status and the server's answer so that an engine can
 * read its own error format (LibreTranslate's limits, for instance) and reclassify the failure.
 */
final class EngineHttpError extends TranslationException {
    private final int status;
    private final String answer;

    EngineHttpError(Kind kind, String message, int status, String answer) {
        super(kind, message);
        this.status = status;
        this.answer = answer == null ? "" : answer;
    }

    int status() {
        return status;
    }

    /** The body of the error answer, empty when there was none. */
    String answer() {
        return answer;
    }
}
