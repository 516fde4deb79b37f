package org.feedwerk.translate;

import java.util.Locale;

/** Language code spellings of the engines' APIs. */
final class LanguageCodes {
    private LanguageCodes() {}

    /** DeepL source languages are upper-case primary codes. */
    static String deeplSource(String language) {
        return language.toUpperCase(Locale.ROOT);
    }

    /** DeepL needs a variant for English and Portuguese targets. */
    static String deeplTarget(String language) {
        return switch (language) {
            case "en" -> "EN-GB";
            case "pt" -> "PT-PT";
            default -> language.toUpperCase(Locale.ROOT);
        };
    }
}
