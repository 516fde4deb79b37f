package org.feedwerk.source;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What a request to a licensed feed's own origin carries besides its address: headers, and query parameters set on
 * the address as it is sent (for APIs that take their key there). Neither ever becomes part of an address that
 * Feedwerk stores or shows: the document's origin, a next page, a new address, a failure's reason.
 */
public record RequestCredentials(Map<String, String> headers, Map<String, String> query) {
    public static final RequestCredentials NONE = new RequestCredentials(Map.of(), Map.of());

    public RequestCredentials {
        headers = Map.copyOf(headers);
        query = Map.copyOf(query);
    }

    public boolean isEmpty() {
        return headers.isEmpty() && query.isEmpty();
    }

    /** The address as sent: the query parameters set, each replacing a parameter of the same name it has. */
    URI addedTo(URI address) throws URISyntaxException {
        if (query.isEmpty()) {
            return address;
        }
        List<String> parameters = otherParameters(address.getRawQuery());
        query.entrySet().stream()
                .sorted(Map.Entry.comparingByKey())
                .forEach(parameter -> parameters.add(
                        parameter.getKey() + "=" + URLEncoder.encode(parameter.getValue(), StandardCharsets.UTF_8)));
        return withQuery(address, parameters);
    }

    /**
     * {@code address} without the query parameters of these names: a server may echo its key into a redirect or a
     * next-page link, and such an address is stored and shown. Read as text, so that an address {@link URI} refuses
     * loses them too.
     */
    public String removedFrom(String address) {
        if (address == null || query.isEmpty()) {
            return address;
        }
        int hash = address.indexOf('#');
        String fragment = hash < 0 ? "" : address.substring(hash);
        String beforeFragment = hash < 0 ? address : address.substring(0, hash);
        int mark = beforeFragment.indexOf('?');
        if (mark < 0) {
            return address;
        }
        List<String> kept = otherParameters(beforeFragment.substring(mark + 1));
        return beforeFragment.substring(0, mark) + (kept.isEmpty() ? "" : "?" + String.join("&", kept)) + fragment;
    }

    /**
     * {@code text} with every secret query value replaced (an exception's message may quote the address sent); a
     * value of fewer than four characters is no secret worth garbling a message for.
     */
    public String hiddenIn(String text) {
        String hidden = text;
        for (String value : query.values()) {
            if (value.length() < 4) {
                continue;
            }
            hidden = hidden.replace(value, "…").replace(URLEncoder.encode(value, StandardCharsets.UTF_8), "…");
        }
        return hidden;
    }

    private List<String> otherParameters(String rawQuery) {
        List<String> kept = new ArrayList<>();
        if (rawQuery == null || rawQuery.isEmpty()) {
            return kept;
        }
        for (String parameter : rawQuery.split("&")) {
            String rawName = parameter.split("=", 2)[0];
            if (!parameter.isEmpty() && !query.containsKey(decoded(rawName))) {
                kept.add(parameter);
            }
        }
        return kept;
    }

    private static String decoded(String raw) {
        try {
            return URLDecoder.decode(raw, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return raw; // a stray '%': not one of the names, which need no encoding
        }
    }

    private static URI withQuery(URI address, List<String> parameters) throws URISyntaxException {
        StringBuilder text = new StringBuilder();
        text.append(address.getScheme()).append("://").append(address.getRawAuthority());
        text.append(address.getRawPath() == null || address.getRawPath().isEmpty() ? "/" : address.getRawPath());
        if (!parameters.isEmpty()) {
            text.append('?').append(String.join("&", parameters));
        }
        if (address.getRawFragment() != null) {
            text.append('#').append(address.getRawFragment());
        }
        return new URI(text.toString());
    }
}
