package org.feedwerk.config;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Applies {@code FEEDWERK_…} environment variables to the configuration tree. Every scalar key reachable through
 * records has a variable: {@code server.port} is {@code FEEDWERK_SERVER_PORT}, {@code dataDir} is
 * {@code FEEDWERK_DATADIR}. Lists of strings take comma-separated values. Lists of records (sources) are
 * configured in the file only.
 */
final class EnvironmentOverrides {
    private static final String PREFIX = "FEEDWERK_";

    private EnvironmentOverrides() {}

    /** The keys one variable sets; {@code list} when the value is comma-separated. */
    record Key(List<String> path, boolean list) {}

    /** Variable name → key, for every overridable key. */
    static Map<String, Key> variables() {
        Map<String, Key> variables = new LinkedHashMap<>();
        collect(FeedwerkConfig.class, new ArrayList<>(), variables);
        return variables;
    }

    /** Applies the variables that are set; returns the names applied, for the start-up log. */
    static List<String> apply(ObjectNode tree, Map<String, String> environment) {
        List<String> applied = new ArrayList<>();
        variables().forEach((name, key) -> {
            String value = environment.get(name);
            if (value != null) {
                set(tree, key, value);
                applied.add(name);
            }
        });
        return applied;
    }

    private static void collect(Class<?> type, List<String> path, Map<String, Key> variables) {
        for (RecordComponent component : type.getRecordComponents()) {
            List<String> childPath = new ArrayList<>(path);
            childPath.add(component.getName());
            Class<?> componentType = component.getType();
            if (componentType.isRecord()) {
                collect(componentType, childPath, variables);
            } else if (Map.class.isAssignableFrom(componentType)) {
                continue; // maps (per-language texts) are configured in the file only
            } else if (!List.class.isAssignableFrom(componentType) || isListOfStrings(component)) {
                boolean list = List.class.isAssignableFrom(componentType);
                variables.put(PREFIX + String.join("_", childPath).toUpperCase(Locale.ROOT), new Key(childPath, list));
            }
        }
    }

    private static boolean isListOfStrings(RecordComponent component) {
        return component.getGenericType() instanceof ParameterizedType parameterized
                && parameterized.getActualTypeArguments()[0] == String.class;
    }

    private static void set(ObjectNode tree, Key key, String value) {
        List<String> path = key.path();
        ObjectNode node = tree;
        for (String name : path.subList(0, path.size() - 1)) {
            node = node.get(name) instanceof ObjectNode child ? child : node.putObject(name);
        }
        String leaf = path.get(path.size() - 1);
        if (key.list()) {
            ArrayNode list = JsonNodeFactory.instance.arrayNode();
            for (String part : value.split(",")) {
                if (!part.isBlank()) {
                    list.add(part.trim());
                }
            }
            node.set(leaf, list);
        } else {
            node.put(leaf, value);
        }
    }
}
