package org.feedwerk.publish;

/** Why a withdrawal cannot be made: the one set of rules, for the API, the console and the source's cancellation. */
public final class WithdrawalRefused extends PublishException {
    /** What is wrong with the request. */
    public enum Kind {
        INVALID_REASON,
        UNKNOWN_ARTICLE,
        ALREADY_WITHDRAWN
    }

    private final Kind kind;

    WithdrawalRefused(Kind kind, String message) {
        super(message);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }
}
