package org.feedwerk.translate;

import java.util.Locale;

/** A stored translation is usable ({@code translated}) or was refused by the quality gate ({@code rejected}). */
public enum TranslationStatus {
    TRANSLATED,
    REJECTED;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static TranslationStatus fromWireName(String name) {
        return valueOf(name.toUpperCase(Locale.ROOT));
    }
}
