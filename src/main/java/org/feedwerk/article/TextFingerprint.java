package org.feedwerk.article;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A MinHash signature of what a reader reads (headline and body text as lower-cased words in overlapping groups
 * of three), so that the same story delivered by two sources with small edits — a changed word, an added credit
 * line — is recognized by the share of word groups the two texts have in common (their Jaccard similarity,
 * estimated from {@value #HASHES} minimum hashes). {@link #bandKeys()} cut the first {@value #BANDS} ×
 * {@value #ROWS} minimums into {@value #BANDS} bands: two texts that share {@value #MIN_SIMILARITY} of their word
 * groups share a band with probability above 0.9998, so a lookup by band finds them. Texts shorter than
 * {@value #MIN_WORDS} words get no signature: too little text to tell a copy from a coincidence.
 *
 * <p>Each word is hashed once, a word group's hash is mixed from its three word hashes, and the {@value #HASHES}
 * hash functions are 32-bit finalizers of the group's hash with a seed each — a loop the JIT turns into vector
 * instructions. (The first form hashed every group's string with 128 64-bit mixes: a third of normalization.)
 */
public final class TextFingerprint {
    static final int MIN_WORDS = 40;
    /** At least this share of word groups in common counts as the same story. */
    public static final double MIN_SIMILARITY = 0.8;

    /**
     * Twelve bands of three: at similarity 0.8 a band matches with probability 0.52, so a pair is missed with
     * probability 0.48^12 ≈ 0.00016; at 0.3 (texts on the same event) a pair becomes a candidate with probability
     * 0.28 and is then judged by its whole signature. The first form had 32 bands of four: 2.7 times the rows in
     * the band table and its lookups, for a miss rate of 10^-7.
     */
    public static final int BANDS = 12;

    static final int HASHES = 128;
    private static final int ROWS = 3;
    private static final int SHINGLE = 3;
    private static final int[] SEEDS = new int[HASHES];

    static {
        long seed = 0x9e3779b97f4a7c15L;
        for (int index = 0; index < HASHES; index++) {
            seed = mix(seed + index);
            SEEDS[index] = (int) (seed >>> 32);
        }
    }

    private final int[] minimums;

    private TextFingerprint(int[] minimums) {
        this.minimums = minimums;
    }

    public static Optional<TextFingerprint> of(RevisionContent content) {
        return ofSanitized(content.headline(), content.bodyHtml());
    }

    /** From a headline and a sanitized body, as stored (its words read by {@link ArticleHtml#textForWords}). */
    public static Optional<TextFingerprint> ofSanitized(String headline, String bodyHtml) {
        return of(headline, ArticleHtml.textForWords(bodyHtml));
    }

    /** From the headline and the body's plain text, when the caller has it already. */
    public static Optional<TextFingerprint> of(String headline, String bodyText) {
        // The headline's words and then the body's: no word spans the two, so they need not be joined first.
        String head = headline == null ? "" : headline.toLowerCase(Locale.ROOT);
        String body = bodyText == null ? "" : bodyText.toLowerCase(Locale.ROOT);
        long[] wordHashes = new long[(head.length() + body.length()) / 2 + 2];
        int[] count = {0};
        forEachWord(head, (start, end) -> wordHashes[count[0]++] = hash(head, start, end));
        forEachWord(body, (start, end) -> wordHashes[count[0]++] = hash(body, start, end));
        int words = count[0];
        if (words < MIN_WORDS) {
            return Optional.empty();
        }
        int[] shingles = new int[words - SHINGLE + 1];
        for (int start = 0; start < shingles.length; start++) {
            long hash = mix(mix(mix(wordHashes[start]) ^ wordHashes[start + 1]) ^ wordHashes[start + 2]);
            shingles[start] = (int) (hash ^ (hash >>> 32));
        }
        Arrays.sort(shingles);
        int[] minimums = new int[HASHES];
        Arrays.fill(minimums, Integer.MAX_VALUE);
        int[] hashes = new int[HASHES];
        for (int index = 0; index < shingles.length; index++) {
            if (index > 0 && shingles[index] == shingles[index - 1]) {
                continue; // a word group that repeats counts once
            }
            hashAll(shingles[index], hashes);
            for (int function = 0; function < HASHES; function++) {
                minimums[function] = Math.min(minimums[function], hashes[function]);
            }
        }
        return Optional.of(new TextFingerprint(minimums));
    }

    /** The MurmurHash3 32-bit finalizer of the word group's hash with each seed. */
    private static void hashAll(int shingle, int[] hashes) {
        for (int function = 0; function < HASHES; function++) {
            int hash = shingle ^ SEEDS[function];
            hash ^= hash >>> 16;
            hash *= 0x85ebca6b;
            hash ^= hash >>> 13;
            hash *= 0xc2b2ae35;
            hash ^= hash >>> 16;
            hashes[function] = hash;
        }
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

    /** Whether a band lookup pairs the two: in some band, all {@value #ROWS} minimums are the same. */
    public boolean sharesBandWith(TextFingerprint other) {
        for (int band = 0; band < BANDS; band++) {
            int row = 0;
            while (row < ROWS && minimums[band * ROWS + row] == other.minimums[band * ROWS + row]) {
                row++;
            }
            if (row == ROWS) {
                return true;
            }
        }
        return false;
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

    /** The {@value #HASHES} minimums as {@value #HASHES} × 4 bytes, big-endian (how they are stored). */
    public byte[] toBytes() {
        ByteBuffer bytes = ByteBuffer.allocate(HASHES * Integer.BYTES);
        bytes.asIntBuffer().put(minimums);
        return bytes.array();
    }

    public static TextFingerprint fromBytes(byte[] bytes) {
        if (bytes.length != HASHES * Integer.BYTES) {
            throw new IllegalArgumentException(
                    "a text fingerprint has " + HASHES * Integer.BYTES + " bytes, not " + bytes.length);
        }
        int[] minimums = new int[HASHES];
        ByteBuffer.wrap(bytes).asIntBuffer().get(minimums);
        return new TextFingerprint(minimums);
    }

    /** Lower-cased runs of letters and digits (Unicode categories L and N), as {@code [\\p{L}\\p{N}]+} finds them. */
    static List<String> words(String text) {
        String lower = text.toLowerCase(Locale.ROOT);
        List<String> words = new ArrayList<>();
        forEachWord(lower, (start, end) -> words.add(lower.substring(start, end)));
        return words;
    }

    private interface WordVisitor {
        void word(int start, int end);
    }

    private static void forEachWord(String text, WordVisitor visitor) {
        int start = -1;
        for (int index = 0; index < text.length(); ) {
            char c = text.charAt(index);
            // ASCII, most of the text, decided without looking up the character's Unicode category
            int codePoint = c < 0x80 ? c : text.codePointAt(index);
            boolean inWord = c < 0x80
                    ? c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c >= 'A' && c <= 'Z'
                    : isLetterOrNumber(codePoint);
            if (inWord && start < 0) {
                start = index;
            } else if (!inWord && start >= 0) {
                visitor.word(start, index);
                start = -1;
            }
            index += Character.charCount(codePoint);
        }
        if (start >= 0) {
            visitor.word(start, text.length());
        }
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

    /** FNV-1a over the word's UTF-16 code units. */
    private static long hash(String text, int start, int end) {
        long hash = 0xcbf29ce484222325L;
        for (int index = start; index < end; index++) {
            hash ^= text.charAt(index);
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
