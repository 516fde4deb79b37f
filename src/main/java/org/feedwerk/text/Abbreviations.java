package org.feedwerk.text;

import java.util.regex.Pattern;

/**
 * Periods that do not end a sentence, in English and German news text: titles and other abbreviations
 * ("Mr.", "Dr.", "Nr.", "z. B.", "Jan."), initials ("John F. Kennedy", "J. R. R. Tolkien"), dotted acronyms
 * ("U.S.", "U.N.", "a.m.") and German ordinals ("am 3. Mai").
 * Used wherever text is cut into sentences or sentences are counted.
 */
public final class Abbreviations {
    private static final Pattern BEFORE_PERIOD = Pattern.compile("(?:^|[\\s(\"“„‘‚'])(?:Mr|Mrs|Ms|Messrs|Dr|Prof|St|"
            + "Mt|Ft|Ave|Blvd|Dept|Univ|Sen|Rep|Gov|Pres|Gen|Brig|Maj|Col|Lt|Sgt|Cpl|Pvt|Capt|Cmdr|Adm|Supt|Det|Insp|"
            + "Rev|Jr|Sr|No|Nos|Nr|Art|Fig|vs|etc|approx|Inc|Ltd|Co|Corp|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|"
            + "Nov|Dec|Okt|Dez|z\\.\\s?B|bzw|usw|ca|Hr|Fr|Abs|ggf|vgl|evtl|sog|inkl|Mio|Mrd|Jh|Str|Tel|"
            + "u\\.\\s?a|d\\.\\s?h|\\p{L})$"
            // dotted acronyms and abbreviations, before their last period: "U.S", "U.K", "a.m", "e.g", "Ph.D"
            + "|(?:^|[^\\p{L}.])(?:\\p{L}{1,2}\\.)+\\p{L}$");
    private static final Pattern GERMAN_ORDINAL = Pattern.compile("(?:^|\\s)\\d{1,2}$");

    /** Abbreviations that stand before what they abbreviate, so a text cannot end with them (and ordinals). */
    private static final Pattern NEVER_LAST = Pattern.compile("(?:^|[\\s(\"“„‘‚'])(?:Mr|Mrs|Ms|Dr|Prof|St|Mt|Sen|"
            + "Rep|Gov|Gen|Col|Lt|Sgt|Capt|Cmdr|Adm|Rev|No|Nos|Nr|Art|Abs|Fig|vs|approx|z\\.\\s?B|inkl|bzw|vgl|ca|"
            + "Hr|Fr|d\\.\\s?h|u\\.\\s?a|(?:am|im|vom|zum|beim|dem|der|den|des|seinem|seiner|seines|ihrem|ihrer|ihres|"
            + "Ihrem|Ihrer|Ihres)\\s\\d{1,2}|\\d{1,2}\\.\\s(?:und|bis|oder)\\s\\d{1,2})\\.$");

    private Abbreviations() {}

    /**
     * True when {@code text} ends with a title, an abbreviation that introduces something ("z. B.", "inkl.") or an
     * ordinal ("am 24."): it was cut in the middle of a sentence.
     */
    public static boolean endsMidSentence(CharSequence text) {
        return NEVER_LAST.matcher(text).find();
    }

    /**
     * True when a period right after {@code text} (which ends just before it) belongs to an abbreviation, or in
     * German to an ordinal.
     */
    public static boolean endsWithAbbreviation(CharSequence text, String language) {
        CharSequence tail = text.length() <= TAIL ? text : text.subSequence(text.length() - TAIL, text.length());
        return BEFORE_PERIOD.matcher(tail).find()
                || language.startsWith("de") && GERMAN_ORDINAL.matcher(tail).find();
    }

    /** Only the end of a text can hold the abbreviation; the patterns never look further back. */
    private static final int TAIL = 40;
}
