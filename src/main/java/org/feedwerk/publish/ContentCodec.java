package org.feedwerk.publish;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/** Canonical JSON of published content: fixed field order, ISO times; the exact bytes the hash covers. */
public final class ContentCodec {
    private static final ObjectMapper MAPPER = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    private ContentCodec() {}

    public static String write(PublishedContent content) {
        try {
            return MAPPER.writeValueAsString(content);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("published content always serializes", e);
        }
    }

    public static PublishedContent read(String json) {
        try {
            return MAPPER.readValue(json, PublishedContent.class);
        } catch (JsonProcessingException e) {
            throw new PublishException("unreadable published content: " + e.getOriginalMessage(), e);
        }
    }
}
