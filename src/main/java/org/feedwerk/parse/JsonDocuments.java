package org.feedwerk.parse;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The one way Feedwerk reads a JSON document: its charset settled like XML's, nesting bounded, errors located. */
final class JsonDocuments {
    private static final ObjectMapper JSON = new ObjectMapper(JsonFactory.builder()
            .streamReadConstraints(
                    StreamReadConstraints.builder().maxNestingDepth(64).build())
            .build());

    private JsonDocuments() {}

    static JsonNode read(Payload payload) {
        try {
            return JSON.readTree(SecureXml.decode(payload));
        } catch (JsonProcessingException e) {
            throw new ParseException(
                    "malformed JSON at line " + e.getLocation().getLineNr() + ": " + e.getOriginalMessage(), e);
        }
    }
}
