package org.feedwerk.postedit;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * German numbers written as words, cardinal and ordinal, alone or at the start of a compound: "zwölf",
 * "einundzwanzig", "zweihundert", "zwölftgrößten", "Dreijahresvertrag", "erstmals". A translation may write a
 * source's "12th" or "three" this way.
 */
final class NumberWords {
    private static final Pattern WORD = Pattern.compile("\\p{L}+");
    private static final String[] UNITS = {
        "null",
        "eins",
        "zwei",
        "drei",
        "vier",
        "fünf",
        "sechs",
        "sieben",
        "acht",
        "neun",
        "zehn",
        "elf",
        "zwölf",
        "dreizehn",
        "vierzehn",
        "fünfzehn",
        "sechzehn",
        "siebzehn",
        "achtzehn",
        "neunzehn"
    };
    private static final String[] TENS = {
        "", "", "zwanzig", "dreißig", "vierzig", "fünfzig", "sechzig", "siebzig", "achtzig", "neunzig"
    };
    private static final String[] ORDINALS = {
        "",
        "erst",
        "zweit",
        "dritt",
        "viert",
        "fünft",
        "sechst",
        "siebt",
        "acht",
        "neunt",
        "zehnt",
        "elft",
        "zwölft",
        "dreizehnt",
        "vierzehnt",
        "fünfzehnt",
        "sechzehnt",
        "siebzehnt",
        "achtzehnt",
        "neunzehnt"
    };
    /** Endings of a number word itself, or the first part of a compound: "drei·mal", "zwölft·größten". */
    private static final Set<String> ENDINGS = Set.of(
            "", "e", "en", "er", "es", "em", "n", "s", "t", "te", "ten", "ter", "tes", "tem", "mal", "mals", "malig",
            "malige", "maligen", "fach", "fache", "fachen", "facher");

    private static final List<String> SUPERLATIVE_STARTS = List.of(
            "größ", "höch", "best", "wichtig", "stärk", "meist", "beliebt", "klein", "läng", "reich", "schnell",
            "letzt", "platz", "jahr", "jähr");

    private static final Map<String, Integer> WORDS = new HashMap<>();
    private static final List<String> BY_LENGTH;

    static {
        for (int value = 0; value < UNITS.length; value++) {
            WORDS.put(UNITS[value], value);
        }
        WORDS.put("ein", 1);
        WORDS.put("beide", 2);
        WORDS.put("dutzend", 12);
        for (int tens = 2; tens < TENS.length; tens++) {
            WORDS.put(TENS[tens], tens * 10);
            WORDS.put(TENS[tens] + "st", tens * 10);
            for (int unit = 1; unit <= 9; unit++) {
                WORDS.put((unit == 1 ? "ein" : UNITS[unit]) + "und" + TENS[tens], tens * 10 + unit);
            }
        }
        for (int value = 1; value < ORDINALS.length; value++) {
            WORDS.putIfAbsent(ORDINALS[value], value);
        }
        WORDS.put("siebent", 7);
        WORDS.put("hundert", 100);
        WORDS.put("tausend", 1000);
        for (int unit = 1; unit <= 9; unit++) {
            String prefix = unit == 1 ? "ein" : UNITS[unit];
            WORDS.put(prefix + "hundert", unit * 100);
            WORDS.put(prefix + "tausend", unit * 1000);
        }
        BY_LENGTH = new ArrayList<>(WORDS.keySet());
        BY_LENGTH.sort(Comparator.comparingInt(String::length).reversed());
    }

    private NumberWords() {}

    /** The values of the German number words in {@code text}. */
    static List<Integer> valuesIn(String text) {
        List<Integer> values = new ArrayList<>();
        Matcher matcher = WORD.matcher(text.toLowerCase(Locale.GERMAN));
        while (matcher.find()) {
            String word = matcher.group();
            for (String stem : BY_LENGTH) {
                if (word.startsWith(stem) && fits(stem, word.substring(stem.length()))) {
                    values.add(WORDS.get(stem));
                    break;
                }
            }
        }
        return values;
    }

    /**
     * Short stems ("acht", "elf", "ein") begin many other words ("Achtung", "Elfmeter", "Einigung"), so after them
     * only an ending or a superlative or year compound counts; a longer stem may start any compound.
     */
    private static boolean fits(String stem, String rest) {
        if (ENDINGS.contains(rest)) {
            return true;
        }
        if (SUPERLATIVE_STARTS.stream().anyMatch(rest::startsWith)) {
            return true;
        }
        return stem.length() >= 5 && rest.length() >= 3 && !stem.equals("zehnt") && !stem.equals("viert");
    }
}
