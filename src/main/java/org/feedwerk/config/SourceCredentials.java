package org.feedwerk.config;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * How a licensed feed proves who is asking, by the names of the environment variables that hold the secrets (never
 * the secrets themselves, so the configuration can be shared and shown): HTTP Basic ({@code usernameEnv} and
 * {@code passwordEnv}), a bearer token ({@code tokenEnv}), headers of the agency's own
 * ({@code headerEnv: {X-Api-Key: WIRE_API_KEY}}), and query parameters for APIs that take their key in the address
 * ({@code queryEnv: {api-key: NEWS_API_KEY}}), added to each request and never to an address that is stored or shown.
 */
public record SourceCredentials(
        String usernameEnv,
        String passwordEnv,
        String tokenEnv,
        Map<String, String> headerEnv,
        Map<String, String> queryEnv) {

    public SourceCredentials {
        headerEnv = headerEnv == null ? Map.of() : Map.copyOf(headerEnv);
        queryEnv = queryEnv == null ? Map.of() : Map.copyOf(queryEnv);
    }

    /**
     * The query parameters with the secrets read from the environment, by parameter name.
     *
     * @throws ConfigException naming the variable that is not set (never a value)
     */
    public Map<String, String> queryParameters(Map<String, String> environment) {
        return valuesByName(queryEnv, environment);
    }

    /**
     * The request headers with the secrets read from the environment.
     *
     * @throws ConfigException naming the variable that is not set (never a value)
     */
    public Map<String, String> headers(Map<String, String> environment) {
        Map<String, String> headers = new LinkedHashMap<>();
        if (usernameEnv != null) {
            String pair = value(environment, usernameEnv) + ":" + value(environment, passwordEnv);
            headers.put(
                    "Authorization",
                    "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8)));
        }
        if (tokenEnv != null) {
            headers.put("Authorization", "Bearer " + value(environment, tokenEnv));
        }
        headers.putAll(valuesByName(headerEnv, environment));
        return headers;
    }

    /** Each name with the value of its variable, in the names' order. */
    private static Map<String, String> valuesByName(Map<String, String> variables, Map<String, String> environment) {
        Map<String, String> values = new LinkedHashMap<>();
        new TreeMap<>(variables).forEach((name, variable) -> values.put(name, value(environment, variable)));
        return values;
    }

    private static String value(Map<String, String> environment, String variable) {
        String value = environment.get(variable);
        if (value == null || value.isBlank()) {
            throw new ConfigException("environment variable " + variable + " is not set");
        }
        return value.strip();
    }
}
