package org.feedwerk.translate;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Terms with a fixed translation for one language pair (sovereign wealth fund → Staatsfonds) and names that are
 * never translated (CNN, Reuters). Its {@link #version()} is part of the translation-memory key, so a changed
 * glossary never reuses translations made without it.
 */
public record Glossary(Map<String, String> terms, List<String> doNotTranslate) {
    public static final Glossary EMPTY = new Glossary(Map.of(), List.of());

    public Glossary {
        terms = Map.copyOf(terms == null ? Map.of() : terms);
        doNotTranslate = List.copyOf(doNotTranslate == null ? List.of() : doNotTranslate);
    }

    public boolean isEmpty() {
        return terms.isEmpty() && doNotTranslate.isEmpty();
    }

    /** Every protected term with what must stand in the translation, longest first. */
    public Map<String, String> requiredTranslations() {
        Map<String, String> required = new LinkedHashMap<>();
        terms.entrySet().stream()
                .sorted((a, b) -> b.getKey().length() - a.getKey().length())
                .forEach(entry -> required.put(entry.getKey(), entry.getValue()));
        doNotTranslate.stream().sorted((a, b) -> b.length() - a.length()).forEach(term -> required.put(term, term));
        return required;
    }

    /**
     * The text with every term replaced by what must stand in the translation, for engines that apply the glossary
     * by putting the required terms into the source.
     */
    public String withRequiredTranslations(String text) {
        TermProtection terms = new TermProtection(this);
        return terms.restore(terms.protect(text));
    }

    /** Whole-word match; case-insensitive for glossary terms, exact for names ("X" is not "x"). */
    public Pattern patternFor(String term) {
        int flags = doNotTranslate.contains(term) ? 0 : Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE;
        return Pattern.compile("(?<![\\p{L}\\d])" + Pattern.quote(term) + "(?![\\p{L}\\d])", flags);
    }

    public String version() {
        if (isEmpty()) {
            return "none";
        }
        String canonical =
                new TreeMap<>(terms) + "|" + doNotTranslate.stream().sorted().toList();
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(canonical.getBytes(StandardCharsets.UTF_8)))
                    .substring(0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
