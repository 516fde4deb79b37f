package org.feedwerk.config;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import java.util.OptionalInt;

/** Finds the line of a key in a YAML document, by JSON pointer ({@code /sources/1/id}), for error messages. */
final class YamlLocator {
    private final Map<String, Integer> lines;

    private YamlLocator(Map<String, Integer> lines) {
        this.lines = lines;
    }

    static YamlLocator of(String yaml) {
        Map<String, Integer> lines = new HashMap<>();
        try (JsonParser parser = new YAMLFactory().createParser(yaml)) {
            while (parser.nextToken() != null) {
                String pointer = parser.getParsingContext().pathAsPointer().toString();
                if (parser.currentToken() == JsonToken.START_OBJECT || parser.currentToken() == JsonToken.START_ARRAY) {
                    pointer = parser.getParsingContext().getParent() == null
                            ? ""
                            : parser.getParsingContext()
                                    .getParent()
                                    .pathAsPointer()
                                    .toString();
                }
                lines.putIfAbsent(pointer, parser.currentTokenLocation().getLineNr());
            }
        } catch (IOException e) {
            // The document was already parsed successfully once; a locator without lines is still usable.
        }
        return new YamlLocator(lines);
    }

    /** The line of the pointer, or of its nearest ancestor that appears in the document. */
    OptionalInt line(String pointer) {
        String current = pointer;
        while (true) {
            Integer line = lines.get(current);
            if (line != null) {
                return OptionalInt.of(line);
            }
            int slash = current.lastIndexOf('/');
            if (slash < 0) {
                return OptionalInt.empty();
            }
            current = current.substring(0, slash);
        }
    }
}
