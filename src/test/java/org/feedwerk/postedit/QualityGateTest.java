package org.feedwerk.postedit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.feedwerk.translate.Glossary;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The defect corpus: a source, a translation with one known defect (or none), and the checks that must fail.
 * Sentences are written by the team. The detector is a stand-in that recognizes a marker word as English.
 */
class QualityGateTest {
    private static final Glossary GLOSSARY = new Glossary(
            Map.of("sovereign wealth fund", "Staatsfonds", "Kirill Dmitriev", "Kirill Dmitrijew"),
            List.of("CNN", "Reuters", "X"));
    private final QualityGate gate =
            new QualityGate(text -> text.contains("harbour") ? Optional.of("en") : Optional.empty());

    private static final String SOURCE = "The harbour authority approved the new ferry terminal on Sunday, ending a "
            + "dispute that had lasted almost four years.";
    private static final String GOOD = "Die Hafenbehörde hat am Sonntag das neue Fährterminal genehmigt und damit "
            + "einen fast vier Jahre dauernden Streit beendet.";

    static Stream<Arguments> corpus() {
        return Stream.of(
                row("a good translation passes", List.of(SOURCE), List.of(GOOD), List.of()),
                row(
                        "changed number",
                        List.of("The terminal cost 84.5 million euros and opens in 2028."),
                        List.of("Das Terminal kostete 85,4 Millionen Euro und öffnet 2028."),
                        List.of("numbers")),
                row(
                        "dropped year",
                        List.of("The terminal opens in 2028 and serves 1,200 passengers an hour."),
                        List.of("Das Terminal öffnet bald und fertigt 1.200 Fahrgäste pro Stunde ab."),
                        List.of("numbers")),
                row(
                        "number formats, clock times and words are the same numbers",
                        List.of("At 3:30 p.m. 1,200.5 tonnes and 2 ferries arrived, 40% more than in 2025."),
                        List.of("Um 15:30 Uhr kamen 1.200,5 Tonnen und zwei Fähren an, 40\u00a0% mehr als 2025."),
                        List.of()),
                row(
                        "glossary term translated literally",
                        List.of("The sovereign wealth fund led by Kirill Dmitriev invested in the port."),
                        List.of("Der Souverän-Wealth-Fonds unter Kirill Dmitrijew investierte in den Hafen."),
                        List.of("terms")),
                row(
                        "glossary and names kept",
                        List.of("CNN said the sovereign wealth fund will invest, Reuters wrote."),
                        List.of("CNN sagte, der Staatsfonds werde investieren, schrieb Reuters."),
                        List.of()),
                row(
                        "name translated",
                        List.of("According to CNN, the ferry was late."),
                        List.of("Laut dem Sender war die Fähre verspätet."),
                        List.of("terms")),
                row(
                        "sentence left in English",
                        List.of(SOURCE, "The ferry arrived late."),
                        List.of(SOURCE, "Die Fähre kam verspätet an."),
                        List.of("untranslated")),
                row(
                        "segment copied unchanged",
                        List.of("Ferry services may be cancelled at short notice today."),
                        List.of("Ferry services may be cancelled at short notice today."),
                        List.of("untranslated")),
                row(
                        "segment cut short",
                        List.of(SOURCE),
                        List.of("Die Hafenbehörde genehmigte es."),
                        List.of("segments", "length-ratio")),
                row(
                        "translation ends after an ordinal",
                        List.of("The terminal was approved on November 26 after almost four years of dispute."),
                        List.of(
                                "Das neue Terminal wurde nach fast vier Jahren Streit um den Hafen genehmigt, und zwar am 26."),
                        List.of("segments")),
                row(
                        "translation ends after a title",
                        List.of("The decision was announced by the port's spokeswoman, Dr. Anna Berg."),
                        List.of("Die Entscheidung über das Terminal gab die Sprecherin des Hafens bekannt, Dr."),
                        List.of("segments")),
                row(
                        "abbreviations and ordinals are not sentence ends",
                        List.of("On May 3 Dr. Berg said the ferry would sail. It sailed."),
                        List.of("Am 3. Mai sagte Dr. Berg, die Fähre werde auslaufen. Sie lief aus."),
                        List.of()),
                row(
                        "fewer sentences than the source",
                        List.of("The ferry sailed at noon. Nobody was on board. " + "The port was closed."),
                        List.of("Die Fähre lief am Mittag aus. Niemand war an Bord und der "
                                + "Hafen war geschlossen."),
                        List.of("segments")),
                row(
                        "sentence duplicated",
                        List.of(SOURCE + " Residents welcomed the decision."),
                        List.of(GOOD
                                + " Die Anwohner begrüßten die Entscheidung. Die Anwohner begrüßten die Entscheidung."),
                        List.of("segments")),
                // False alarms seen on real MT output (WMT22): each must pass.
                row(
                        "U.S. inside a sentence",
                        List.of("He will meet officials of the U.S. State Department on "
                                + "Monday. The talks are expected to last two days."),
                        List.of("Er wird am Montag Vertreter des US-Außenministeriums treffen. Die Gespräche sollen "
                                + "zwei Tage dauern."),
                        List.of()),
                row(
                        "dotted acronyms, titles and months",
                        List.of("U.S. Special Envoy Gen. Smith met U.N. and E.U. "
                                + "officials on Jan. 5 at 10 a.m. in St. Louis. Sgt. Brown and No. 10 were not there."),
                        List.of("Der US-Sondergesandte General Smith traf am 5. Januar um 10 Uhr in St. Louis "
                                + "Vertreter von UN und EU. Feldwebel Brown und Nummer 10 waren nicht dabei."),
                        List.of()),
                row(
                        "initials",
                        List.of("The book by J. R. R. Tolkien sold well. It was reprinted."),
                        List.of("Das Buch von J. R. R. Tolkien verkaufte sich gut. Es wurde nachgedruckt."),
                        List.of()),
                row(
                        "ordinal written as a word inside a compound",
                        List.of("It is the 12th biggest port in Europe."),
                        List.of("Es ist der zwölftgrößte Hafen Europas."),
                        List.of()),
                row(
                        "12-hour time converted",
                        List.of("The ferry leaves at 5.30pm and returns at 11 a.m."),
                        List.of("Die Fähre legt um 17.30 Uhr ab und kehrt um 11:00 Uhr zurück."),
                        List.of()),
                row(
                        "thousands with a narrow space",
                        List.of("About 2 600 people attended."),
                        List.of("Rund 2600 Menschen nahmen teil."),
                        List.of()),
                row(
                        "date reformatted",
                        List.of("The contract was signed on 10/25/21."),
                        List.of("Der Vertrag wurde am 25.10.21 unterzeichnet."),
                        List.of()),
                row(
                        "ambiguous date in either order",
                        List.of("The deal was signed on 10/12/21 in Oslo."),
                        List.of("Der Vertrag wurde am 12.10.21 in Oslo unterzeichnet."),
                        List.of()),
                row(
                        "date written out",
                        List.of("Elections are due on 10/25/2026."),
                        List.of("Die Wahlen finden am 25. Oktober 2026 statt."),
                        List.of()),
                row(
                        "round the clock",
                        List.of("Our chat is open 24/7 and agents help 24 hours a day."),
                        List.of("Unser Chat ist rund um die Uhr geöffnet und hilft rund um die Uhr."),
                        List.of()),
                row(
                        "evening hour in words",
                        List.of("Warnings apply from 9pm on Sunday."),
                        List.of("Die Warnungen gelten ab Sonntag 9 Uhr abends."),
                        List.of()),
                row(
                        "an article's sentence that starts like chatter",
                        List.of("Here, military service is compulsory for all men."),
                        List.of("Hier ist der Militärdienst für alle Männer Pflicht."),
                        List.of()),
                row(
                        "German full of English loanwords",
                        List.of("The VP-730 is a 9-input scaler and switcher for "
                                + "analog video and computer graphics."),
                        List.of(
                                "Der VP-730 ist ein 9-Input-Scaler und Switcher für analoge Video- und Computergrafik."),
                        List.of()),
                row(
                        "a list of names is the same in German",
                        List.of("Angela Merkel, Olaf Scholz, Emmanuel Macron"),
                        List.of("Angela Merkel, Olaf Scholz, Emmanuel Macron"),
                        List.of()),
                row(
                        "a segment the source repeats may be repeated",
                        List.of("Go to your Home screen now please.", "1.-Go to your Home screen now please."),
                        List.of(
                                "Gehen Sie jetzt bitte zum Startbildschirm.",
                                "1. Gehen Sie jetzt bitte zum Startbildschirm."),
                        List.of()),
                row(
                        "a bare number at the end",
                        List.of("He looked confused and said maybe they are on 8."),
                        List.of("Er sah verwirrt aus und sagte, vielleicht seien sie am 8."),
                        List.of()),
                row(
                        "a compact but whole translation of a long sentence",
                        List.of("The harbour authority said on "
                                + "Sunday that the new ferry terminal would open in spring, weeks later than planned."),
                        List.of("Die Hafenbehörde sagte am Sonntag, das neue Fährterminal öffne Wochen später als "
                                + "geplant im Frühjahr."),
                        List.of()),
                row(
                        "an ellipsis the source has",
                        List.of("The ferry waited, and waited, and waited..."),
                        List.of("Die Fähre wartete und wartete und wartete ..."),
                        List.of()),
                row(
                        "placeholders and hashtags in another form",
                        List.of("Write to #ORG_NAME# about #harbourfees " + "or to @portauthority."),
                        List.of("Schreiben Sie an #ORG_NAME # zu # harbourfees oder an " + "Portauthority."),
                        List.of()),
                // Defects that used to pass: each must be caught.
                row(
                        "second half of a long sentence lost after a split",
                        List.of(
                                SOURCE,
                                "The harbour authority approved "
                                        + "the new ferry terminal on Sunday, and the first ships are expected to dock there early next "
                                        + "spring."),
                        List.of(GOOD, "Die Hafenbehörde hat am Sonntag das neue Fährterminal genehmigt."),
                        List.of("segments")),
                row(
                        "translation trails off",
                        List.of("The harbour was closed (nobody knew why) and the ferry " + "turned back."),
                        List.of("Der Hafen war geschlossen (niemand wusste, warum ..."),
                        List.of("segments")),
                row(
                        "placeholder lost with its clause",
                        List.of(
                                SOURCE,
                                "Thanks for calling the harbour office, you " + "are speaking to #AGENT_NAME#."),
                        List.of(GOOD, "Danke für Ihren Anruf beim Hafenamt."),
                        List.of("terms")),
                row(
                        "hashtag lost",
                        List.of("Residents protested under #saveourharbour on Sunday."),
                        List.of("Die Anwohner protestierten am Sonntag."),
                        List.of("terms")),
                row(
                        "evening time given as morning",
                        List.of("Warnings apply from 9pm on Sunday."),
                        List.of("Die Warnungen gelten ab 9 Uhr am Sonntag."),
                        List.of("numbers")),
                row(
                        "one of two equal numbers changed",
                        List.of("Cancel within 60 days, renew within 60 days."),
                        List.of("Kündigen Sie innerhalb von 61 Tagen, verlängern Sie innerhalb von 60 Tagen."),
                        List.of("numbers")),
                row(
                        "ordinal cut off after a date",
                        List.of("The replacement is scheduled to dispatch on December 7."),
                        List.of("Der Ersatz soll voraussichtlich am 7."),
                        List.of("segments")),
                row(
                        "web address dropped",
                        List.of("Details are at https://harbour.example.org/fees today."),
                        List.of("Einzelheiten gibt es heute auf der Website."),
                        List.of("terms")),
                row(
                        "wrong clock time",
                        List.of("The ferry leaves at 5.30pm."),
                        List.of("Die Fähre legt um 5.30 Uhr ab."),
                        List.of("numbers")),
                row(
                        "day and month swapped",
                        List.of("The contract was signed on 10/25/21."),
                        List.of("Der Vertrag wurde am 10.25.21 unterzeichnet."),
                        List.of("numbers")),
                row(
                        "model token in place of quotes",
                        List.of("She called it \"historic\" on Sunday."),
                        List.of("Sie nannte es am Sonntag <unk>historisch<unk>."),
                        List.of("artifacts")),
                row(
                        "escaped model token",
                        List.of(SOURCE),
                        List.of(GOOD.replace("Streit", "&lt;unk&gt;")),
                        List.of("artifacts")),
                row(
                        "subword markers",
                        List.of(SOURCE),
                        List.of(GOOD.replace("Fährterminal", "Fähr@@ terminal")),
                        List.of("artifacts")),
                row(
                        "sentencepiece marker",
                        List.of(SOURCE),
                        List.of(GOOD.replace(" das ", " ▁das ")),
                        List.of("artifacts")),
                row(
                        "decoder loop",
                        List.of(SOURCE),
                        List.of(GOOD.replace("beendet.", "beendet beendet beendet.")),
                        List.of("artifacts")),
                row(
                        "quotation opened and never closed",
                        List.of("She called the decision historic."),
                        List.of("Sie nannte die Entscheidung „historisch."),
                        List.of("artifacts")),
                row(
                        "engine chatter",
                        List.of(SOURCE),
                        List.of("Hier ist die Übersetzung: " + GOOD),
                        List.of("chatter")),
                row(
                        "English chatter",
                        List.of(SOURCE),
                        List.of("Here is the translation: " + GOOD),
                        List.of("chatter")));
    }

    private static Arguments row(String name, List<String> source, List<String> target, List<String> failing) {
        return Arguments.of(name, source, target, failing);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    void findsTheDefect(String name, List<String> source, List<String> target, List<String> failing) {
        QaReport report = gate.check(new QaInput("en", "de", source, target, null, null, GLOSSARY), List.of());

        assertThat(report.failedChecks()).containsExactlyInAnyOrderElementsOf(failing);
        assertThat(report.isBlocking()).isEqualTo(!failing.isEmpty());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("markup")
    void comparesStructureAndLinks(String name, String sourceHtml, String targetHtml, boolean passes) {
        QaReport report = gate.check(
                new QaInput("en", "de", List.of("x"), List.of("y"), sourceHtml, targetHtml, Glossary.EMPTY), List.of());

        assertThat(report.failedChecks().contains("markup")).isEqualTo(!passes);
    }

    static Stream<Arguments> markup() {
        return Stream.of(
                Arguments.of(
                        "same structure",
                        "<p>A <a href=\"https://a.example/\">b</a></p><ul><li>c</li></ul>",
                        "<p>X <a href=\"https://a.example/\">Y</a></p><ul><li>Z</li></ul>",
                        true),
                Arguments.of(
                        "link changed",
                        "<p><a href=\"https://a.example/\">b</a></p>",
                        "<p><a href=\"https://evil.example/\">b</a></p>",
                        false),
                Arguments.of("paragraph lost", "<p>a</p><p>b</p>", "<p>a b</p>", false));
    }
}
