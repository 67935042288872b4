#include "analysis/derived.h"

#include <gtest/gtest.h>

#include "analysis/analysis.h"
#include "questionnaire/builtin.h"
#include "questionnaire/loader.h"

namespace chosa {
namespace {

constexpr const char* kYaml = R"(survey: {id: d, title: 派生}
sections:
  - id: s
    questions:
      - {id: ind, type: single, text: 業種, options: [製造業, 小売業, サービス業, その他]}
      - {id: emp, type: single, text: 従業員, options: [5人以下, 6～20人, 21～100人, 101人以上]}
      - {id: cap, type: number, text: 資本金（円）}
      - {id: pref, type: prefecture, text: 所在地}
      - {id: threat, type: single, text: 脅威, options: [非常に大きい, やや大きい, 小さい, ない]}
)";

constexpr const char* kAnalysis = R"(analysis: d
derived:
  - id: size
    label: 企業規模
    sme_size:
      industry: {question: ind, map: {1: manufacturing, 2: retail, 3: service}}
      employees: {question: emp, bands: {1: [0, 5], 2: [6, 20], 3: [21, 100], 4: [101, null]}}
      capital: {question: cap}
  - id: top2
    label: 脅威（計）
    recode:
      from: threat
      groups:
        - {code: 1, label: 脅威である（計）, from: [1, 2]}
        - {code: 2, label: 脅威でない（計）, from: [3, 4]}
  - id: block
    region: {from: pref, blocks: nine}
breakdowns:
  - by: size
    questions: [top2]
)";

Answers Company(int ind, int emp, std::optional<double> cap, int pref, int threat) {
  Answers a(5);
  auto single = [](int code) { return Answer{AnswerState::kAnswered, {code}, {}, 0, ""}; };
  if (ind) a[0] = single(ind);
  if (emp) a[1] = single(emp);
  if (cap) a[2] = Answer{AnswerState::kAnswered, {}, {}, *cap, ""};
  if (pref) a[3] = single(pref);
  if (threat) a[4] = single(threat);
  return a;
}

TEST(Derived, SizeClassRecodesAndRegionsBecomeColumns) {
  Result<Questionnaire> qn = ParseQuestionnaire(kYaml, "d.yaml");
  ASSERT_TRUE(qn.ok()) << qn.status().ToString();
  AnalysisLoad spec = LoadAnalysisText(kAnalysis, "d.analysis.yaml");
  ASSERT_TRUE(spec.spec) << (spec.diagnostics.empty() ? "" : spec.diagnostics[0].ToString());
  EXPECT_TRUE(CheckAnalysis(*spec.spec, *qn).empty());
  Dataset data(*qn);
  data.Add(Company(1, 2, 5e8, 13, 1));          // manufacturing, 6-20: small
  data.Add(Company(3, 3, 1e9, 27, 2));          // service, 21-100: SME
  data.Add(Company(2, 4, 1e8, 47, 3));          // retail, 101+, capital 1億 > 5,000万: large
  data.Add(Company(2, 4, std::nullopt, 1, 4));  // retail, 101+, capital unknown: undecided
  data.Add(Company(4, 1, 1e6, 15, 0));  // その他 is not mapped: undecided; threat no answer
  data.Add(Company(1, 0, 1e6, 0, 1));   // employees not answered: no answer
  std::unique_ptr<Questionnaire> extended = AddDerived(spec.spec->derived, &data);
  ASSERT_EQ(data.questionnaire().questions.size(), 8u);
  const QuestionColumn& size = data.column(5);
  EXPECT_EQ(size.codes, (std::vector<int16_t>{kSizeSmall, kSizeSme, kSizeLarge, kSizeUnknown,
                                              kSizeUnknown, 0}));
  EXPECT_EQ(size.states[5], AnswerState::kNoAnswer);
  const QuestionColumn& top2 = data.column(6);
  EXPECT_EQ(top2.codes, (std::vector<int16_t>{1, 1, 2, 2, 0, 1}));
  EXPECT_EQ(top2.states[4], AnswerState::kNoAnswer);
  const QuestionColumn& block = data.column(7);
  // Tokyo 関東, Osaka 近畿, Okinawa 沖縄, Hokkaido, Niigata in 中部 (nine blocks).
  EXPECT_EQ(block.codes, (std::vector<int16_t>{3, 5, 9, 1, 4, 0}));

  AnalysisReport report = Analyze(data, *spec.spec);
  ASSERT_EQ(report.cross_tables.size(), 1u);
  const CrossTable& t = report.cross_tables[0];
  EXPECT_EQ(t.question_id, "top2");
  EXPECT_EQ(t.by_title, "企業規模");
  ASSERT_EQ(t.groups.size(), 4u);
  EXPECT_EQ(t.groups[0].label, "小規模企業者");
  EXPECT_EQ(t.groups[0].n, (std::vector<int64_t>{1, 0}));
  EXPECT_EQ(t.groups[3].n, (std::vector<int64_t>{0, 1}));  // 判定できない: one answered
  EXPECT_EQ(t.total.base, 5);
}

TEST(Derived, SplitAtDividesSmesByEmployeesAsSeed002Does) {
  Result<Questionnaire> qn = ParseQuestionnaire(kYaml, "d.yaml");
  ASSERT_TRUE(qn.ok());
  AnalysisLoad spec = LoadAnalysisText(R"(analysis: d
derived:
  - id: size
    sme_size:
      industry: {question: ind, map: {1: manufacturing, 3: service}}
      employees: {question: emp, bands: {1: [0, 5], 2: [6, 20], 3: [21, 100], 4: [101, 300]}}
      split_at: 100
)",
                                       "split.yaml");
  ASSERT_TRUE(spec.spec);
  Dataset data(*qn);
  data.Add(Company(1, 2, std::nullopt, 13, 1));  // manufacturing, 6-20: small
  data.Add(Company(3, 3, std::nullopt, 13, 1));  // service, 21-100: SME up to 100
  data.Add(Company(1, 4, std::nullopt, 13, 1));  // manufacturing, 101-300: SME above 100
  data.Add(Company(3, 4, std::nullopt, 13, 1));  // service, 101-300, capital unknown: undecided
  std::unique_ptr<Questionnaire> extended = AddDerived(spec.spec->derived, &data);
  const Question& size = data.questionnaire().questions[5];
  std::vector<std::string> labels;
  for (const Option& o : size.options) labels.push_back(o.label);
  EXPECT_EQ(labels, (std::vector<std::string>{"小規模企業者", "中小企業（100人以下）",
                                              "中小企業（101人以上）", "大企業", "判定できない"}));
  EXPECT_EQ(data.column(5).codes,
            (std::vector<int16_t>{kSizeSmall, kSizeSme, kSizeSmeUpper, kSizeUnknown}));
}

// Issue 5: a survey embedding the self-diagnosis gets its score band as a variable, so reports
// show per industry the share of companies at 70 points or more.
TEST(Derived, TheDiagnosisScoreBandOfEachRespondent) {
  Result<Questionnaire> qn = LoadQuestionnaire(*ResolveQuestionnairePath("self-check-25"));
  ASSERT_TRUE(qn.ok()) << qn.status().ToString();
  AnalysisLoad spec = LoadAnalysisText(R"(analysis: d
derived:
  - id: band
    diagnosis: self-check-25
  - id: over70
    recode: {from: band, groups: [{code: 1, label: 70点以上, from: [1, 2]},
                                  {code: 2, label: 70点未満, from: [3, 4]}]}
breakdowns:
  - by: industry
    questions: [band, over70]
)",
                                       "d.yaml");
  ASSERT_TRUE(spec.spec) << (spec.diagnostics.empty() ? "" : spec.diagnostics[0].ToString());
  EXPECT_TRUE(CheckAnalysis(*spec.spec, *qn).empty());
  // Respondents: (industry, code for every item, item left blank or -1).
  auto company = [&](int industry, int code, int blank) {
    Answers a(qn->questions.size());
    a[qn->FindQuestion("industry")] = Answer{AnswerState::kAnswered, {industry}, {}, 0, ""};
    for (int i = 1; i <= 25; ++i) {
      if (i == blank) continue;
      a[qn->FindQuestion(fmt::format("D{:02}", i))] =
          Answer{AnswerState::kAnswered, {code}, {}, 0, ""};
    }
    return a;
  };
  Dataset data(*qn);
  data.Add(company(1, 1, -1));  // 100
  data.Add(company(1, 2, -1));  // 50
  data.Add(company(2, 3, -1));  // 0
  data.Add(company(2, 1, 7));   // one item blank: no answer
  std::unique_ptr<Questionnaire> extended = AddDerived(spec.spec->derived, &data);
  int band = data.questionnaire().FindQuestion("band");
  ASSERT_GE(band, 0);
  const Question& q = data.questionnaire().questions[band];
  ASSERT_EQ(q.options.size(), 4u);
  EXPECT_EQ(q.options[0].label, "100点");
  EXPECT_EQ(q.options[1].label, "70～99点");
  EXPECT_EQ(data.column(band).codes, (std::vector<int16_t>{1, 3, 4, 0}));
  EXPECT_EQ(data.column(band).states[3], AnswerState::kNoAnswer);
  // A recode of the band, derived after it.
  int over70 = data.questionnaire().FindQuestion("over70");
  EXPECT_EQ(data.column(over70).codes, (std::vector<int16_t>{1, 2, 2, 0}));
  EXPECT_EQ(data.column(over70).states[3], AnswerState::kNoAnswer);
  AnalysisReport report = Analyze(data, *spec.spec);
  ASSERT_EQ(report.cross_tables.size(), 2u);
  EXPECT_EQ(report.cross_tables[0].groups[0].n, (std::vector<int64_t>{1, 0, 1, 0}));  // 製造業
}

TEST(Derived, CheckNamesTheVariableAndWhatIsWrong) {
  Result<Questionnaire> qn = ParseQuestionnaire(kYaml, "d.yaml");
  ASSERT_TRUE(qn.ok());
  AnalysisLoad spec = LoadAnalysisText(R"(analysis: d
derived:
  - id: size
    sme_size:
      industry: {question: ind, map: {1: manufacturing, 7: retail}}
      employees: {question: pref}
  - id: r
    recode: {from: threat, groups: [{code: 1, label: a, from: [1, 2]}, {code: 1, label: b, from: [2]}]}
  - id: block
    region: {from: emp}
  - id: early
    recode: {from: late, groups: [{code: 1, label: a, from: [1]}]}
  - id: late
    recode: {from: threat, groups: [{code: 1, label: a, from: [1]}]}
breakdowns:
  - by: nothing
)",
                                       "bad.yaml");
  ASSERT_TRUE(spec.spec);
  std::string all;
  for (const Diagnostic& d : CheckAnalysis(*spec.spec, *qn)) all += d.ToString() + "\n";
  EXPECT_NE(
      all.find("bad.yaml:3:5: エラー: 派生変数「size」: 質問「ind」に選択肢コード 7 はありません"),
      std::string::npos)
      << all;
  EXPECT_NE(all.find("派生変数「size」: 質問「pref」は単一回答か数値の質問にしてください"),
            std::string::npos)
      << all;
  EXPECT_NE(all.find("派生変数「r」: コード 1 が重複しています"), std::string::npos) << all;
  EXPECT_NE(all.find("派生変数「r」: 元のコード 2 が複数のグループに入っています"),
            std::string::npos)
      << all;
  EXPECT_NE(all.find("派生変数「block」: region の from「emp」は都道府県の質問にしてください"),
            std::string::npos)
      << all;
  // Only variables derived before may be recoded.
  EXPECT_NE(all.find("派生変数「early」: 質問「late」は調査票「"), std::string::npos) << all;
}

TEST(Derived, BadIndustryAndBandsAreLocatedWhenLoading) {
  AnalysisLoad spec = LoadAnalysisText(R"(analysis: d
derived:
  - id: size
    sme_size:
      industry: {question: ind, map: {1: mining}}
      employees: {question: emp, bands: {1: [10, 5], 2: [a, 3]}}
)",
                                       "bad.yaml");
  EXPECT_FALSE(spec.spec);
  std::string all;
  for (const Diagnostic& d : spec.diagnostics) all += d.ToString() + "\n";
  EXPECT_NE(all.find("bad.yaml:5:42: エラー: 業種「mining」はありません"), std::string::npos)
      << all;
  EXPECT_NE(all.find("上限が下限より小さくなっています"), std::string::npos) << all;
  EXPECT_NE(all.find("「a」は数値ではありません"), std::string::npos) << all;
}

TEST(Derived, TheBuiltInAnalysisOfSeed000Checks) {
  Result<Questionnaire> qn = LoadQuestionnaire(*ResolveQuestionnairePath("ipa-it-vendor-role"));
  ASSERT_TRUE(qn.ok()) << qn.status().ToString();
  AnalysisLoad spec = LoadAnalysisFile(std::string(CHOSA_SOURCE_DIR) +
                                       "/data/analyses/ipa-it-vendor-role.analysis.yaml");
  ASSERT_TRUE(spec.spec) << (spec.diagnostics.empty() ? "" : spec.diagnostics[0].ToString());
  std::string all;
  for (const Diagnostic& d : CheckAnalysis(*spec.spec, *qn)) all += d.ToString() + "\n";
  EXPECT_EQ(all, "");
  EXPECT_EQ(spec.spec->derived.size(), 3u);
}

}  // namespace
}  // namespace chosa
