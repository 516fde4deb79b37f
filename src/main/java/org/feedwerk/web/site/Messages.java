package org.feedwerk.web.site;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The page chrome of one language edition, from {@code messages/site_<lang>.properties} (complete for de, en, es,
 * ca and fr; other languages get the English texts). {@code {0}} in a text is replaced by the first argument; no
 * {@code MessageFormat}, whose quoting would eat the apostrophes of Catalan and French.
 */
public final class Messages {
    /** One per language: pages ask for other editions' language names on every render. */
    private static final Map<String, Messages> BY_LANGUAGE = new ConcurrentHashMap<>();

    private final String language;
    private final ResourceBundle bundle;
    private final DateTimeFormatter dates;

    public static Messages of(String language) {
        return BY_LANGUAGE.computeIfAbsent(language, Messages::new);
    }

    private Messages(String language) {
        this.language = language;
        ResourceBundle found;
        try {
            found = ResourceBundle.getBundle(
                    "messages.site",
                    Locale.forLanguageTag(language),
                    ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
        } catch (MissingResourceException e) {
            found = ResourceBundle.getBundle(
                    "messages.site",
                    Locale.ENGLISH,
                    ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
        }
        this.bundle = found;
        this.dates = DateTimeFormatter.ofPattern(bundle.getString("date.pattern"), Locale.forLanguageTag(language));
    }

    public String language() {
        return language;
    }

    /** The text for {@code key}, with {@code {0}}, {@code {1}}… replaced by the arguments. */
    public String t(String key, Object... arguments) {
        String text = bundle.getString(key);
        for (int index = 0; index < arguments.length; index++) {
            text = text.replace("{" + index + "}", String.valueOf(arguments[index]));
        }
        return text;
    }

    /** A date and time as this edition writes it ("24. März 2026, 17:30 Uhr", "24 de marzo de 2026, 17:30"). */
    public String date(Instant instant, ZoneId zone) {
        return instant == null ? "" : dates.format(instant.atZone(zone));
    }
}
