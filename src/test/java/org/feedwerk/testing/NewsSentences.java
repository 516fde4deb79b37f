package org.feedwerk.testing;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;

/**
 * Team-written news sentences for comparing translation programs: templates of news length with places and
 * people (invented), numbers, money, dates and quotations, filled from a seed.
 */
public final class NewsSentences {
    private static final List<String> PLACES = List.of(
            "Lindholm", "Port Aven", "Kestrel Bay", "Marrow", "Upper Tessel", "Greywick", "Saltmere", "Oakhaven");
    private static final List<String> PEOPLE = List.of(
            "Mayor Ilse Brandt",
            "Councillor Tomas Reyes",
            "Dr. Amara Okafor",
            "Police chief Jonas Vidal",
            "Minister Lena Hart",
            "coach Pieter Maas",
            "union leader Sara Lind",
            "harbour master Ole Berg");
    private static final List<String> DAYS =
            List.of("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday");
    private static final List<String> MONTHS = List.of("January", "March", "June", "October", "November", "December");
    private static final List<String> TEMPLATES = List.of(
            "The council of {place} approved a budget of {money} on {day}, {person} said.",
            "\"We will not accept this,\" {person} told reporters in {place} on {day}.",
            "Prices rose by {percent} percent in {month}, the statistics office of {place} reported.",
            "{person} said the new ferry terminal in {place} would open in {year}.",
            "About {count} people attended the protest outside the town hall of {place} on {day}.",
            "The storm cut power to {count} homes in {place}; repairs could take {small} days.",
            "{place} won the match {small}-{other} after a late goal, {person} said.",
            "The hospital in {place} has treated {count} patients since {month}, up {percent} percent on last year.",
            "\"It is too early to say,\" {person} said when asked about the {year} election.",
            "Workers at the {place} harbour went on strike on {day} over pay, the union said.",
            "The bridge between {place} and {other place} will be closed for {small} weeks from {month}.",
            "Police in {place} said {small} people were injured when a train left the tracks on {day}.",
            "{person} (who has led the project since {year}) said costs had risen to {money}.",
            "Energy prices fell by {percent} percent in {month}, the lowest level since {year}.",
            "The museum of {place} reopens on {day} after a renovation that cost {money}.",
            "\"The water is safe to drink again,\" {person} said on {day}, {small} days after the flood.",
            "Voters in {place} will choose a new mayor on {month} {small}, {person} announced.",
            "The club from {place} signed {small} new players before the season, spending {money}.",
            "Schools in {place} and {other place} stay closed on {day} because of the storm warning.",
            "{person} said the road to {place} had been cleared, but warned of more rain on {day}.");

    private NewsSentences() {}

    /** {@code count} distinct sentences; the same seed gives the same sentences. */
    public static List<String> generate(int count, long seed) {
        Random random = new Random(seed);
        Set<String> sentences = new LinkedHashSet<>();
        while (sentences.size() < count) {
            String sentence = TEMPLATES.get(random.nextInt(TEMPLATES.size()));
            String place = pick(random, PLACES);
            sentence = sentence.replace(
                            "{other place}",
                            pick(
                                    random,
                                    PLACES.stream()
                                            .filter(p -> !p.equals(place))
                                            .toList()))
                    .replace("{place}", place);
            String person = pick(random, PEOPLE);
            if (sentence.startsWith("{person}")) {
                person = Character.toUpperCase(person.charAt(0)) + person.substring(1);
            }
            sentence = sentence.replace("{person}", person)
                    .replace("{day}", pick(random, DAYS))
                    .replace("{month}", pick(random, MONTHS))
                    .replace("{year}", String.valueOf(2019 + random.nextInt(10)))
                    .replace("{percent}", (1 + random.nextInt(12)) + "." + random.nextInt(10))
                    .replace("{count}", String.format(Locale.ROOT, "%,d", 40 + random.nextInt(20_000)))
                    .replace("{money}", moneys(random))
                    .replace("{small}", String.valueOf(2 + random.nextInt(9)))
                    .replace("{other}", String.valueOf(random.nextInt(4)));
            sentences.add(sentence);
        }
        return new ArrayList<>(sentences);
    }

    private static String moneys(Random random) {
        return switch (random.nextInt(3)) {
            case 0 -> (1 + random.nextInt(90)) + " million euros";
            case 1 -> "$" + (2 + random.nextInt(40)) + "." + random.nextInt(10) + " million";
            default -> "€" + String.format(Locale.ROOT, "%,d", 10_000 + random.nextInt(900_000));
        };
    }

    private static <T> T pick(Random random, List<T> values) {
        return values.get(random.nextInt(values.size()));
    }
}
