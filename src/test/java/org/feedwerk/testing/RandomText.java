package org.feedwerk.testing;

import java.util.Random;

/** Random strings over a small alphabet of awkward characters, for comparing two ways of doing the same thing. */
public final class RandomText {
    private RandomText() {}

    /** Up to {@code bound - 1} characters drawn from {@code alphabet}. */
    public static String of(Random random, String alphabet, int bound) {
        StringBuilder text = new StringBuilder();
        for (int length = random.nextInt(bound); length > 0; length--) {
            text.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return text.toString();
    }
}
