package org.feedwerk.config;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import java.io.IOException;
import java.time.Duration;

/** Jackson binding for {@link DurationText}; a bad value fails with the location of the value. */
final class DurationDeserializer extends JsonDeserializer<Duration> {
    @Override
    public Duration deserialize(JsonParser parser, DeserializationContext context) throws IOException {
        String text = parser.getValueAsString();
        return DurationText.parse(text)
                .orElseThrow(() -> context.weirdStringException(
                        text, Duration.class, "expected a duration such as 30s, 5m, 2h or 1d"));
    }
}
