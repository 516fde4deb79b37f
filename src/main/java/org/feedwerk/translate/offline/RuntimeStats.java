package org.feedwerk.translate.offline;

import java.time.Duration;

/**
 * What a loaded offline model has done: sentences generated, tokens generated (without padding), the time spent
 * inside the model's ONNX Runtime sessions, so that the time around them (search, tokenizing, copying) can be told
 * from the model's own, and of that time around them the part beam search spent in ONNX Runtime (moving cache
 * rows, choosing candidate tokens).
 */
public record RuntimeStats(long sentences, long generatedTokens, Duration inRuntime, Duration searchInRuntime) {
    public static final RuntimeStats NONE = new RuntimeStats(0, 0, Duration.ZERO, Duration.ZERO);
}
