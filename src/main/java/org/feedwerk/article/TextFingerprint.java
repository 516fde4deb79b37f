package org.feedwerk.article;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.jsoup.Jsoup;

/**
 * A MinHash signature of what a reader reads (headline and body text as lower-cased words in overlapping groups
 * of three), so that the same story delivered by two sources with small edits — a changed word, an added credit
 * line — is recognized by the share of word groups the two texts have in common (their Jaccard similarity,
 * estimated from {@value #HASHES} minimum hashes). {@link #bandKeys()} cut the signature into {@value #BANDS}
 * bands: texts that similar share at least one band with near certainty, so a lookup by band finds them. Texts
 * shorter than {@value #MIN_WORDS} words get no signature: too little text to tell a copy from a coincidence.
 */
public final class TextFingerprint {
    static final int MIN_WORDS = 40;
    /** At least this share of word groups in common counts as the same story. */
    public static final double MIN_SIMILARITY = 0.8;

    public static final int BANDS = 32;
    static final int HASHES = 128;
    private static final int ROWS = HASHES / BANDS;
    private static final int SHINGLE = 3;
    private static final long[] SEEDS = new long[HASHES];
    private static final HexFormat HEX = HexFormat.of();

    static {
        long seed = 0x9e3779b97f4a7c15L;
        for (int index = 0; index < HASHES; index++) {
            seed = mix(seed + index);
            SEEDS[index] = seed;
        }
    }

    private final int[] minimums;

    private TextFingerprint(int[] minimums) {
        this.minimums = minimums;
    }

    public static Optional<TextFingerprint> of(RevisionContent content) {
        return of(
                content.headline(),
                content.bodyHtml() == null
                        ? null
                        : Jsoup.parse(content.bodyHtml()).text());
    }

    /** From the headline and the body's plain text, when the caller has it already. */
    static Optional<TextFingerprint> of(String headline, String bodyText) {
        List<String> words = words((headline == null ? "" : headline) + "\n" + (bodyText == null ? "" : bodyText));
        if (words.size() < MIN_WORDS) {
            return Optional.empty();
        }
        Set<Long> shingles = new HashSet<>();
        for (int start = 0; start + SHINGLE <= words.size(); start++) {
            shingles.add(fnv1a(String.join(" ", words.subList(start, start + SHINGLE))));
        }
        int[] minimums = new int[HASHES];
        Arrays.fill(minimums, Integer.MAX_VALUE);
        for (long shingle : shingles) {
            for (int index = 0; index < HASHES; index++) {
                int hash = (int) (mix(shingle ^ SEEDS[index]) >>> 33);
                if (hash < minimums[index]) {
                    minimums[index] = hash;
                }
            }
        }
        return Optional.of(new TextFingerprint(minimums));
    }

    /** The estimated share of word groups two texts have in common, 0 to 1. */
    public double similarity(TextFingerprint other) {
        int same = 0;
        for (int index = 0; index < HASHES; index++) {
            if (minimums[index] == other.minimums[index]) {
                same++;
            }
        }
        return (double) same / HASHES;
    }

    /** One key per band of {@value #ROWS} minimums; equal keys in the same band make a candidate pair. */
    public long[] bandKeys() {
        long[] keys = new long[BANDS];
        for (int band = 0; band < BANDS; band++) {
            long key = band;
            for (int row = 0; row < ROWS; row++) {
                key = mix(key * 31 + minimums[band * ROWS + row]);
            }
            keys[band] = key;
        }
        return keys;
    }

    public String encode() {
        StringBuilder hex = new StringBuilder(HASHES * 8);
        for (int minimum : minimums) {
            hex.append(HEX.toHexDigits(minimum));
        }
        return hex.toString();
    }

    public static TextFingerprint decode(String hex) {
        int[] minimums = new int[HASHES];
        for (int index = 0; index < HASHES; index++) {
            minimums[index] = (int) Long.parseLong(hex.substring(index * 8, index * 8 + 8), 16);
        }
        return new TextFingerprint(minimums);
    }

    /** Lower-cased runs of letters and digits (Unicode categories L and N), as {@code [\\p{L}\\p{N}]+} finds them. */
    static List<String> words(String text) {
        String lower = text.toLowerCase(Locale.ROOT);
        List<String> words = new ArrayList<>();
        int start = -1;
        for (int index = 0; index < lower.length(); ) {
            int codePoint = lower.codePointAt(index);
            boolean inWord = isLetterOrNumber(codePoint);
            if (inWord && start < 0) {
                start = index;
            } else if (!inWord && start >= 0) {
                words.add(lower.substring(start, index));
                start = -1;
            }
            index += Character.charCount(codePoint);
        }
        if (start >= 0) {
            words.add(lower.substring(start));
        }
        return words;
    }

    private static boolean isLetterOrNumber(int codePoint) {
        return switch (Character.getType(codePoint)) {
            case Character.UPPERCASE_LETTER,
                    Character.LOWERCASE_LETTER,
                    Character.TITLECASE_LETTER,
                    Character.MODIFIER_LETTER,
                    Character.OTHER_LETTER,
                    Character.DECIMAL_DIGIT_NUMBER,
                    Character.LETTER_NUMBER,
                    Character.OTHER_NUMBER -> true;
            default -> false;
        };
    }

    private static long fnv1a(String text) {
        long hash = 0xcbf29ce484222325L;
        for (byte value : text.getBytes(StandardCharsets.UTF_8)) {
            hash ^= value & 0xff;
            hash *= 0x100000001b3L;
        }
        return hash;
    }

    /** The SplitMix64 finalizer: spreads every input bit over the output. */
    private static long mix(long value) {
        long hash = (value ^ (value >>> 30)) * 0xbf58476d1ce4e5b9L;
        hash = (hash ^ (hash >>> 27)) * 0x94d049bb133111ebL;
        return hash ^ (hash >>> 31);
    }
}
