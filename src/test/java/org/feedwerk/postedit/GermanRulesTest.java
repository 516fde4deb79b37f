package org.feedwerk.postedit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** One row per rule case: what a rule fixes, and text it must leave alone. */
class GermanRulesTest {
    private static final String NBSP = "\u00a0";
    private static final String NARROW = "\u202f";

    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of(
                        "quotes: straight pair",
                        GermanRules.all().get(0),
                        "Er sagte: \"Gut so.\"",
                        "",
                        "Er sagte: „Gut so.“"),
                Arguments.of(
                        "quotes: English curly pair",
                        QuotesRule.german(),
                        "Sie nannte es “historisch”.",
                        "",
                        "Sie nannte es „historisch“."),
                Arguments.of(
                        "quotes: reversed curly pair",
                        QuotesRule.german(),
                        "das ”neue“ Terminal",
                        "",
                        "das „neue“ Terminal"),
                Arguments.of(
                        "quotes: single pair",
                        QuotesRule.german(),
                        "der sogenannte 'Hafendeal' gilt",
                        "",
                        "der sogenannte ‚Hafendeal‘ gilt"),
                Arguments.of(
                        "quotes: already German",
                        QuotesRule.german(),
                        "Er sagte: „Gut so.“",
                        "",
                        "Er sagte: „Gut so.“"),
                Arguments.of(
                        "quotes: unpaired left alone",
                        QuotesRule.german(),
                        "Er sagte: \"Gut so.",
                        "",
                        "Er sagte: \"Gut so."),
                Arguments.of(
                        "quotes: inch marks left alone",
                        QuotesRule.german(),
                        "Fotos 20x16\" und 24x20\"",
                        "",
                        "Fotos 20x16\" und 24x20\""),
                Arguments.of(
                        "quotes: apostrophe left alone",
                        QuotesRule.german(),
                        "Peter's Boot und 's Haus",
                        "",
                        "Peter's Boot und 's Haus"),
                Arguments.of(
                        "hyphen: torn compound",
                        GermanRules.compoundHyphen(),
                        "das US -Außenministerium",
                        "",
                        "das US-Außenministerium"),
                Arguments.of(
                        "hyphen: chain",
                        GermanRules.compoundHyphen(),
                        "Souverän -Wealth -Fonds",
                        "",
                        "Souverän-Wealth-Fonds"),
                Arguments.of(
                        "hyphen: minus number left alone",
                        GermanRules.compoundHyphen(),
                        "bei -5 Grad",
                        "",
                        "bei -5 Grad"),
                Arguments.of(
                        "punctuation: space before comma",
                        GermanRules.spaceBeforePunctuation(),
                        "Hafen , Stadt ; Land : gut !",
                        "",
                        "Hafen, Stadt; Land: gut!"),
                Arguments.of(
                        "punctuation: decimal left alone",
                        GermanRules.spaceBeforePunctuation(),
                        "nur .5 Prozent",
                        "",
                        "nur .5 Prozent"),
                Arguments.of(
                        "abbreviation spaces",
                        GermanRules.abbreviationSpaces(),
                        "z.B. Busse, d. h. mehr",
                        "",
                        "z." + NARROW + "B. Busse, d." + NARROW + "h. mehr"),
                Arguments.of(
                        "percent",
                        GermanRules.numberUnitSpaces(),
                        "um 5% und 40 %",
                        "",
                        "um 5" + NBSP + "% und 40" + NBSP + "%"),
                Arguments.of(
                        "units",
                        GermanRules.numberUnitSpaces(),
                        "mit 110 km/h um 9 Uhr",
                        "",
                        "mit 110" + NBSP + "km/h um 9" + NBSP + "Uhr"),
                Arguments.of(
                        "units: word starting like a unit",
                        GermanRules.numberUnitSpaces(),
                        "3 kmh 2 Eurostars",
                        "",
                        "3 kmh 2 Eurostars"),
                Arguments.of(
                        "numbers: thousands from the source",
                        new NumberFormatRule(),
                        "1,200 Fahrgäste",
                        "1,200 passengers",
                        "1.200 Fahrgäste"),
                Arguments.of(
                        "numbers: thousands and decimal",
                        new NumberFormatRule(),
                        "1,200.5 Tonnen",
                        "1,200.5 tonnes",
                        "1.200,5 Tonnen"),
                Arguments.of(
                        "numbers: decimal with scale",
                        new NumberFormatRule(),
                        "84.5 Millionen Euro",
                        "84.5 million euros",
                        "84,5 Millionen Euro"),
                Arguments.of(
                        "numbers: version left alone",
                        new NumberFormatRule(),
                        "Web 2.0 kommt",
                        "Web 2.0 is here",
                        "Web 2.0 kommt"),
                Arguments.of(
                        "numbers: not in the source left alone",
                        new NumberFormatRule(),
                        "1,200 Fahrgäste",
                        "1.2 thousand passengers",
                        "1,200 Fahrgäste"),
                Arguments.of(
                        "numbers: German already",
                        new NumberFormatRule(),
                        "1.200 Fahrgäste",
                        "1,200 passengers",
                        "1.200 Fahrgäste"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void ruleFixesWhatItCanAndLeavesTheRest(
            String name, PostEditRule rule, String text, String source, String expected) {
        assertThat(rule.apply(List.of(text), source)).containsExactly(expected);
    }

    /** Correct German that every rule must leave exactly as it is (seen in real MT output, WMT22). */
    static Stream<Arguments> correctForms() {
        return Stream.of(
                        "Logos und -Schriftzügen",
                        "Ein- und Ausfuhr",
                        "Haupt-, Neben- und Ausgangstüren",
                        "Bus- oder -bahnlinien",
                        "Vor- sowie -nachteile",
                        "Er sagte: „Gut so.“",
                        "Sie zitierte ‚Hafendeal‘ aus dem Bericht.",
                        "Der Hafen – so der Plan – wächst.",
                        "Seiten 10–12 und 2020–2022",
                        "bei -5 Grad und −3 Grad",
                        "Und dann …",
                        "Und dann ... kam nichts.",
                        "z.\u202fB. und d.\u202fh.",
                        "um 5\u00a0% und 110\u00a0km/h",
                        "1.200,5 Tonnen und 84,5\u00a0Millionen",
                        "Web 2.0 und Windows 3.11",
                        "am 24. März um 17.30\u00a0Uhr",
                        "Peter's Boot",
                        "„Wir sind bereit“, sagte sie.",
                        "die E-Mail-Adresse und das US-Außenministerium",
                        "Die Fähre (neu) fährt; sie ist schnell!")
                .map(text -> Arguments.of(text.replace("\\u202f", NARROW).replace("\\u00a0", NBSP)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("correctForms")
    void everyRuleLeavesCorrectGermanAlone(String correct) {
        for (PostEditRule rule : GermanRules.all()) {
            assertThat(rule.apply(List.of(correct), "")).as(rule.name()).containsExactly(correct);
            assertThat(rule.apply(List.of(correct), correct))
                    .as(rule.name() + " with the text as its source")
                    .containsExactly(correct);
        }
    }

    @Test
    void quotesSpanningInlineMarkupPairUp() {
        assertThat(QuotesRule.german().apply(List.of("Er nannte es \"", "historisch", "\"."), ""))
                .containsExactly("Er nannte es „", "historisch", "“.");
    }
}
