package org.feedwerk.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.feedwerk.parse.ItemImage;

/** Lists stored as JSON text in one column (subjects, images), portable across SQLite and PostgreSQL. */
final class JsonColumns {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private JsonColumns() {}

    static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("lists of strings and records always serialize", e);
        }
    }

    static List<String> readStrings(String json) {
        return read(json, new TypeReference<List<String>>() {});
    }

    static List<ItemImage> readImages(String json) {
        return read(json, new TypeReference<List<ItemImage>>() {});
    }

    private static <T> T read(String json, TypeReference<T> type) {
        try {
            return MAPPER.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new StoreException("corrupt JSON column: " + e.getOriginalMessage(), e);
        }
    }
}
