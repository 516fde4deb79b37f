package org.feedwerk.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The one sentence splitter, on the cases that held real translations as false alarms. */
class SentencesTest {
    @ParameterizedTest(name = "{0}: {2}")
    @CsvSource(
            delimiter = '|',
            value = {
                "en | 2 | He will meet officials of the U.S. State Department. The talks last two days.",
                "en | 1 | U.S. Special Envoy Gen. Smith met U.K. and U.N. staff.",
                "en | 1 | E.U. ministers met at 10 a.m. Friday in St. Louis.",
                "en | 2 | The vote was at 5 p.m. on Friday. It passed.",
                "en | 1 | No. 10 said Sgt. Brown and Mt. Everest climbers met Jan. 5 and Dec. 24.",
                "en | 1 | The book by J. R. R. Tolkien sold.",
                "en | 1 | Dr. Jones and Mr. Smith arrived.",
                "en | 3 | The port opened. It cost 3.5 billion! Was it worth it?",
                "en | 2 | It ended in 2020. 15 people were hurt.",
                "en | 1 | \"Stop!\" she said.",
                "en | 2 | \"We are ready.\" The minister left.",
                "de | 1 | Am 24. März sagte Dr. Berg, z. B. Nr. 5 komme.",
                "de | 2 | Die Gespräche dauern 2,5 Tage. Sie beginnen am 3. Mai.",
                "de | 2 | Er traf Vertreter des US-Außenministeriums. Die Gespräche laufen.",
            })
    void countsSentences(String language, int expected, String text) {
        assertThat(Sentences.count(text, language)).isEqualTo(expected);
        assertThat(String.join(" ", Sentences.split(text, language))).isEqualTo(text);
    }
}
