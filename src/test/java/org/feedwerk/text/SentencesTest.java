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
                "zh | 2 | 船票将于3月开售，价格与去年相同。该公司预计将有约12万名乘客！",
                "zh | 1 | 运营商表示：“渡轮将恢复运营。”",
                "ja | 3 | 乗船券は3月に発売される。料金は同じ？「はい」と社長は答えた。",
                "ja | 2 | 料金は「往復42ユーロ」。同社は乗客を見込んでいる。",
                "ko | 2 | 가격은 작년과 같은 왕복 42유로다. 회사는 승객을 예상하고 있다.",
                "ko | 1 | 운영사 대표 J. 김은 운항을 재개한다고 밝혔다.",
                "en | 1 | The ferry ... 東京 is far.",
            })
    void countsSentences(String language, int expected, String text) {
        assertThat(Sentences.count(text, language)).isEqualTo(expected);
        // Chinese and Japanese put no space between sentences.
        String between = language.equals("zh") || language.equals("ja") ? "" : " ";
        assertThat(String.join(between, Sentences.split(text, language))).isEqualTo(text);
    }
}
