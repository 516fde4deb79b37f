package org.feedwerk.config;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidTypeIdException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Reads {@code feedwerk.yml}, applies {@code FEEDWERK_…} environment overrides and validates the result. Any
 * problem becomes one {@link ConfigException} naming the file, the line and what is wrong.
 */
public final class ConfigLoader {
    private final Map<String, String> environment;
    private final ObjectMapper mapper;

    public ConfigLoader(Map<String, String> environment) {
        this.environment = Map.copyOf(environment);
        this.mapper = new ObjectMapper(new YAMLFactory())
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .registerModule(new SimpleModule().addDeserializer(Duration.class, new DurationDeserializer()));
    }

    public FeedwerkConfig load(Path file) {
        String yaml = read(file);
        bindFileAlone(file, yaml);
        FeedwerkConfig config = bindWithEnvironment(file, yaml);
        new ConfigValidator(file, YamlLocator.of(yaml)).validate(config);
        Path base = file.toAbsolutePath().getParent();
        return config.resolvedAgainst(base);
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new ConfigException(file + ": configuration file not found");
        } catch (IOException e) {
            throw new ConfigException(file + ": cannot read configuration file: " + e.getMessage(), e);
        }
    }

    /** Binding the file on its own reports unknown keys and bad values with the line they are on. */
    private void bindFileAlone(Path file, String yaml) {
        YamlLocator locator = YamlLocator.of(yaml);
        try {
            JsonNode tree = mapper.readTree(yaml);
            if (tree != null && !tree.isMissingNode() && !tree.isObject()) {
                throw new ConfigException(file + ":1: the configuration must be a mapping of keys to values");
            }
            mapper.readValue(yaml, FeedwerkConfig.class);
        } catch (JsonProcessingException e) {
            throw new ConfigException(describe(file, e, locator), e);
        }
    }

    private FeedwerkConfig bindWithEnvironment(Path file, String yaml) {
        ObjectNode tree;
        try {
            JsonNode parsed = mapper.readTree(yaml);
            tree = parsed instanceof ObjectNode object ? object : mapper.createObjectNode();
        } catch (JsonProcessingException e) {
            throw new ConfigException(describe(file, e, YamlLocator.of(yaml)), e);
        }
        var applied = EnvironmentOverrides.apply(tree, environment);
        try {
            return mapper.treeToValue(tree, FeedwerkConfig.class);
        } catch (JsonProcessingException e) {
            throw new ConfigException(
                    file + ": a value from the environment (" + String.join(", ", applied) + ") is invalid: "
                            + e.getOriginalMessage(),
                    e);
        }
    }

    /**
     * Jackson reports some errors (unknown keys of records) only at the end of the object, so the line is taken
     * from the path of the failing key where it can be.
     */
    private static String describe(Path file, JsonProcessingException e, YamlLocator locator) {
        int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
        if (e instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            line = locator.line(pointer(mapping)).orElse(line);
        }
        String where = file + (line > 0 ? ":" + line : "");
        if (e instanceof UnrecognizedPropertyException unknown) {
            String known = unknown.getKnownPropertyIds().stream()
                    .map(String::valueOf)
                    .sorted()
                    .collect(Collectors.joining(", "));
            return where + ": unknown key '" + unknown.getPropertyName() + "'" + inPath(unknown, true)
                    + " (known keys: " + known + ")";
        }
        if (e instanceof InvalidTypeIdException badType && badType.getBaseType().hasRawClass(EngineConfig.class)) {
            String path = inPath(badType, false).replaceFirst("^ for ", "");
            if (badType.getTypeId() == null) {
                return where + ": " + path + " needs a type (" + engineTypes() + ")";
            }
            int typeLine = locator.line(pointer(badType) + "/type").orElse(line);
            return file + (typeLine > 0 ? ":" + typeLine : "") + ": unknown engine type '" + badType.getTypeId()
                    + "' for " + path + " (" + engineTypes() + ")";
        }
        if (e instanceof JsonMappingException mapping) {
            return where + ": invalid value" + inPath(mapping, false) + ": " + firstLine(mapping.getOriginalMessage());
        }
        return where + ": not valid YAML: " + firstLine(e.getOriginalMessage());
    }

    /** The path of the failing key in configuration notation, e.g. {@code sources[1].interval}. */
    private static String inPath(JsonMappingException e, boolean parentOnly) {
        var references = e.getPath();
        int end = parentOnly ? references.size() - 1 : references.size();
        StringBuilder path = new StringBuilder();
        for (int i = 0; i < end; i++) {
            var reference = references.get(i);
            if (reference.getFieldName() != null) {
                path.append(path.length() == 0 ? "" : ".").append(reference.getFieldName());
            } else {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        if (path.length() == 0) {
            return "";
        }
        return (parentOnly ? " in " : " for ") + path;
    }

    private static String pointer(JsonMappingException e) {
        StringBuilder pointer = new StringBuilder();
        for (var reference : e.getPath()) {
            pointer.append('/')
                    .append(
                            reference.getFieldName() != null
                                    ? reference.getFieldName()
                                    : String.valueOf(reference.getIndex()));
        }
        return pointer.toString();
    }

    /** The engine types, as the configuration spells them: read from {@link EngineConfig}'s subtypes. */
    private static String engineTypes() {
        return Arrays.stream(
                        EngineConfig.class.getAnnotation(JsonSubTypes.class).value())
                .flatMap(type -> Arrays.stream(type.names().length > 0 ? type.names() : new String[] {type.name()}))
                .collect(Collectors.joining(", "));
    }

    private static String firstLine(String message) {
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
