package org.feedwerk.testing;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * The vocabulary of the full-size stand-in model: OPUS-MT en-de's size and special ids ({@code </s>} 0,
 * {@code <unk>} 1, {@code <pad>} last), filled with pieces a unigram SentencePiece model segments real text with:
 * characters, common English and German words (team-written lists), digit pairs, letter pairs and triples, with
 * and without the word-start mark. Scores are distinct multiples of 2<sup>-16</sup>, so that a segmentation's
 * score is exact in float and double and no two segmentations tie.
 */
final class StandInVocabulary {
    static final String WORD_START = "▁";
    private static final String LETTERS = "abcdefghijklmnopqrstuvwxyzäöüß";
    private static final String CHARACTERS =
            LETTERS + "ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÜ0123456789éèàçñ" + ".,;:!?'\"()-–%€$/&+*=@#„“”‘’«»";
    private static final List<String> ENGLISH = List.of(
            "the",
            "of",
            "and",
            "to",
            "in",
            "a",
            "is",
            "that",
            "for",
            "on",
            "was",
            "with",
            "as",
            "by",
            "at",
            "from",
            "said",
            "he",
            "she",
            "it",
            "his",
            "her",
            "they",
            "their",
            "has",
            "have",
            "had",
            "be",
            "been",
            "will",
            "would",
            "not",
            "but",
            "are",
            "were",
            "an",
            "which",
            "who",
            "this",
            "after",
            "before",
            "more",
            "than",
            "year",
            "years",
            "new",
            "first",
            "last",
            "two",
            "three",
            "million",
            "percent",
            "people",
            "government",
            "minister",
            "city",
            "council",
            "police",
            "president",
            "week",
            "day",
            "today",
            "Monday",
            "Tuesday",
            "Wednesday",
            "Thursday",
            "Friday",
            "Saturday",
            "Sunday",
            "January",
            "March",
            "June",
            "October",
            "November",
            "December",
            "report",
            "reported",
            "company",
            "market",
            "prices",
            "price",
            "rose",
            "fell",
            "harbour",
            "ferry",
            "bridge",
            "school",
            "hospital",
            "election",
            "vote",
            "party",
            "court",
            "law",
            "plan",
            "plans",
            "project",
            "station",
            "train",
            "road",
            "water",
            "energy",
            "storm",
            "weather",
            "rain",
            "wind",
            "museum",
            "mayor",
            "team",
            "match",
            "season",
            "won",
            "lost",
            "game",
            "players",
            "club",
            "workers",
            "strike",
            "union",
            "budget",
            "euros",
            "dollars",
            "about",
            "over",
            "under",
            "into",
            "also",
            "could",
            "should",
            "may",
            "up",
            "out",
            "no",
            "all",
            "some");
    private static final List<String> GERMAN = List.of(
            "der",
            "die",
            "das",
            "und",
            "in",
            "zu",
            "den",
            "von",
            "mit",
            "ist",
            "im",
            "für",
            "auf",
            "dem",
            "nicht",
            "ein",
            "eine",
            "als",
            "auch",
            "es",
            "an",
            "werden",
            "aus",
            "er",
            "hat",
            "dass",
            "sie",
            "nach",
            "wird",
            "bei",
            "einer",
            "um",
            "am",
            "sind",
            "noch",
            "wie",
            "einem",
            "über",
            "einen",
            "so",
            "zum",
            "war",
            "haben",
            "nur",
            "oder",
            "aber",
            "vor",
            "zur",
            "bis",
            "mehr",
            "durch",
            "man",
            "sein",
            "wurde",
            "sei",
            "Jahr",
            "Jahre",
            "Jahren",
            "Prozent",
            "Millionen",
            "Menschen",
            "Regierung",
            "Minister",
            "Stadt",
            "Rat",
            "Polizei",
            "Präsident",
            "Woche",
            "Tag",
            "heute",
            "Montag",
            "Dienstag",
            "Mittwoch",
            "Donnerstag",
            "Freitag",
            "Samstag",
            "Sonntag",
            "Januar",
            "März",
            "Juni",
            "Oktober",
            "November",
            "Dezember",
            "Bericht",
            "Unternehmen",
            "Markt",
            "Preise",
            "stiegen",
            "fielen",
            "Hafen",
            "Fähre",
            "Brücke",
            "Schule",
            "Krankenhaus",
            "Wahl",
            "Partei",
            "Gericht",
            "Gesetz",
            "Plan",
            "Projekt",
            "Bahnhof",
            "Zug",
            "Straße",
            "Wasser",
            "Energie",
            "Sturm",
            "Wetter",
            "Regen",
            "Wind",
            "Museum",
            "Bürgermeister",
            "Mannschaft",
            "Spiel",
            "Saison",
            "gewann",
            "verlor",
            "Spieler",
            "Verein",
            "Arbeiter",
            "Streik",
            "Gewerkschaft",
            "Haushalt",
            "Euro",
            "Dollar",
            "sagte",
            "neue",
            "neuen",
            "ersten",
            "letzten",
            "zwei",
            "drei",
            "seit",
            "gegen",
            "unter",
            "sollen",
            "könnte",
            "kann",
            "muss",
            "soll");

    final List<String> pieces;
    final Map<String, Float> sourceScores;
    final Map<String, Float> targetScores;

    private StandInVocabulary(List<String> pieces, Map<String, Float> sourceScores, Map<String, Float> targetScores) {
        this.pieces = pieces;
        this.sourceScores = sourceScores;
        this.targetScores = targetScores;
    }

    /** {@code size} pieces in id order, the three special ones included. */
    static StandInVocabulary of(int size) {
        Set<String> shared = new LinkedHashSet<>();
        shared.add(WORD_START);
        for (char c : CHARACTERS.toCharArray()) {
            shared.add(String.valueOf(c));
            shared.add(WORD_START + c);
        }
        for (int number = 0; number < 100; number++) {
            shared.add(String.format("%02d", number));
            shared.add(WORD_START + number);
        }
        List<String> pairs = new ArrayList<>();
        List<String> triples = new ArrayList<>();
        for (char a : LETTERS.toCharArray()) {
            for (char b : LETTERS.toCharArray()) {
                pairs.add("" + a + b);
                pairs.add(WORD_START + a + b);
                pairs.add(WORD_START + Character.toUpperCase(a) + b);
                for (char c : LETTERS.toCharArray()) {
                    triples.add("" + a + b + c);
                    triples.add(WORD_START + a + b + c);
                    triples.add(WORD_START + Character.toUpperCase(a) + b + c);
                }
            }
        }
        shared.addAll(pairs);
        Collections.shuffle(triples, new Random(0)); // a fixed mix, whatever the model's seed
        List<String> english = words(ENGLISH);
        List<String> german = words(GERMAN);
        Set<String> all = new LinkedHashSet<>(shared);
        all.addAll(english);
        all.addAll(german);
        for (int index = 0; all.size() < size - 3 && index < triples.size(); index++) {
            all.add(triples.get(index));
        }
        if (all.size() != size - 3) {
            throw new IllegalArgumentException("a vocabulary of " + size + " does not fit the stand-in's pieces");
        }
        List<String> pieces = new ArrayList<>();
        pieces.add("</s>");
        pieces.add("<unk>");
        pieces.addAll(all);
        pieces.add("<pad>");
        Random scores = new Random(1);
        Map<String, Float> source = new LinkedHashMap<>();
        Map<String, Float> target = new LinkedHashMap<>();
        for (String piece : pieces.subList(2, pieces.size() - 1)) {
            float score = baseScore(piece) - scores.nextInt(1 << 15) / 65536f;
            if (!german.contains(piece) || english.contains(piece)) {
                source.put(piece, score);
            }
            if (!english.contains(piece) || german.contains(piece)) {
                target.put(piece, score);
            }
        }
        return new StandInVocabulary(List.copyOf(pieces), source, target);
    }

    /** Longer pieces score better per character, so that words are read in few pieces. */
    private static float baseScore(String piece) {
        int letters = piece.replace(WORD_START, "").length();
        return switch (letters) {
            case 0, 1 -> -12;
            case 2 -> -9;
            case 3 -> -8;
            default -> -5;
        };
    }

    private static List<String> words(List<String> words) {
        List<String> pieces = new ArrayList<>();
        for (String word : words) {
            pieces.add(WORD_START + word);
            pieces.add(WORD_START + Character.toUpperCase(word.charAt(0)) + word.substring(1));
        }
        return List.copyOf(new LinkedHashSet<>(pieces));
    }
}
