package org.feedwerk.translate.offline;

import java.time.Duration;

/**
 * What a loaded offline model has done: sentences generated, tokens generated (without padding), and the time
 * spent inside ONNX Runtime's sessions, so that the time around them (search, tokenizing, copying) can be told
 * from the model's own.
 */
public record RuntimeStats(long sentences, long generatedTokens, Duration inRuntime) {
    public static final RuntimeStats NONE = new RuntimeStats(0, 0, Duration.ZERO);
}
