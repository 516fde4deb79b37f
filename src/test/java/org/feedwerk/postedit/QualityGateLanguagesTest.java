package org.feedwerk.postedit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.feedwerk.translate.Glossary;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Translations into languages written far more densely than English (Chinese, Japanese, Korean): a correct one
 * passes the gate, and the defects the gate exists for are still found. Sentences written by the team.
 */
class QualityGateLanguagesTest {
    private final QualityGate gate = new QualityGate(text -> Optional.empty());

    private static final List<String> SOURCE = List.of(
            "Night ferry to the islands returns in spring",
            "The night ferry to the islands returns on 1 April, the operator said on Monday.",
            "Tickets go on sale in March and cost the same as last year, 42 euros for a return trip. The company "
                    + "expects about 120,000 passengers in the first season.");

    static Stream<Arguments> translations() {
        return Stream.of(
                Arguments.of(
                        "zh",
                        List.of(
                                "前往群岛的夜间渡轮将于春季恢复",
                                "运营商周一表示，前往群岛的夜间渡轮将于4月1日恢复运营。",
                                "船票将于3月开售，价格与去年相同，往返42欧元。该公司预计第一季将有约12万名乘客。")),
                Arguments.of(
                        "ja",
                        List.of(
                                "島への夜行フェリー、春に運航再開",
                                "運航会社は月曜日、島への夜行フェリーが４月１日に運航を再開すると発表した。",
                                "乗船券は3月に発売され、料金は昨年と同じ往復42ユーロ。同社は初年度に約12万人の乗客を見込んでいる。")),
                Arguments.of(
                        "ko",
                        List.of(
                                "섬으로 가는 야간 페리, 봄에 운항 재개",
                                "운영사는 월요일 섬으로 가는 야간 페리가 4월 1일 운항을 재개한다고 밝혔다.",
                                "승선권은 3월에 판매가 시작되며 가격은 작년과 같은 왕복 42유로다. 회사는 첫 시즌에 약 12만 명의 승객을 " + "예상하고 있다.")));
    }

    private QaReport check(String language, List<String> target) {
        return gate.check(new QaInput("en", language, SOURCE, target, null, null, Glossary.EMPTY), List.of());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("translations")
    void aCorrectTranslationPasses(String language, List<String> target) {
        assertThat(check(language, target).failedChecks()).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("translations")
    void aChangedNumberIsFound(String language, List<String> target) {
        List<String> changed =
                List.of(target.get(0), target.get(1), target.get(2).replace("12", "13"));

        assertThat(check(language, changed).failedChecks()).containsExactly("numbers");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("translations")
    void aDroppedSentenceIsFound(String language, List<String> target) {
        String last = target.get(2);
        int secondSentence = Math.max(last.indexOf('。') + 1, last.indexOf(". ") + 2);
        List<String> cut = List.of(
                target.get(0), target.get(1), last.substring(0, secondSentence).strip());

        assertThat(check(language, cut).failedChecks()).contains("segments");
    }
}
