#include "diagnosis/diagnosis.h"

#include <gtest/gtest.h>

#include <cmath>

#include "diagnosis/companies.h"
#include "diagnosis/peers.h"
#include "diagnosis/portfolio.h"
#include "diagnosis/scoring.h"
#include "questionnaire/builtin.h"
#include "questionnaire/loader.h"

namespace chosa {
namespace {

const Diagnosis& BuiltIn() {
  static const Diagnosis d = [] {
    DiagnosisLoad load = LoadDiagnosisFile(ResolveDiagnosisPath("self-check-25"));
    EXPECT_TRUE(load.diagnosis) << (load.diagnostics.empty() ? "" : load.diagnostics[0].ToString());
    return load.diagnosis ? *load.diagnosis : Diagnosis{};
  }();
  return d;
}

// Every item answered `code`, then the exceptions.
std::map<std::string, int> All(int code, std::map<std::string, int> except = {}) {
  std::map<std::string, int> answers;
  for (int i = 1; i <= 25; ++i) answers[fmt::format("D{:02}", i)] = code;
  for (const auto& [id, c] : except) answers[id] = c;
  return answers;
}

TEST(Diagnosis, TheBuiltInDiagnosisMatchesItsQuestionnaire) {
  const Diagnosis& d = BuiltIn();
  ASSERT_EQ(d.parts.size(), 3u);
  EXPECT_EQ(d.parts[0].items.size(), 5u);
  EXPECT_EQ(d.parts[1].items.size(), 13u);
  EXPECT_EQ(d.parts[2].items.size(), 7u);
  EXPECT_EQ(d.ItemCount(), 25);
  Result<Questionnaire> qn = LoadQuestionnaire(*ResolveQuestionnairePath(d.questionnaire));
  ASSERT_TRUE(qn.ok()) << qn.status().ToString();
  std::string problems;
  for (const Diagnostic& p : CheckDiagnosis(d, *qn)) problems += p.ToString() + "\n";
  EXPECT_EQ(problems, "");
  for (const DiagnosisPart& p : d.parts) {
    for (const DiagnosisItem& item : p.items) {
      EXPECT_EQ(qn->questions[qn->FindQuestion(item.id)].text, item.question) << item.id;
      EXPECT_FALSE(item.steps.empty()) << item.id;
      EXPECT_FALSE(item.support.empty()) << item.id;
    }
  }
  // The vendor/customer split covers every item exactly once (the loader refuses repeats).
  int covered = 0;
  for (const ResponsibilityArea& a : d.responsibilities.areas) {
    covered += static_cast<int>(a.items.size());
    EXPECT_FALSE(a.vendor.empty() || a.customer.empty()) << a.id;
  }
  EXPECT_EQ(covered, d.ItemCount());
}

TEST(Diagnosis, PointsPerAnswerAndTheBands) {
  const Diagnosis& d = BuiltIn();
  DiagnosisResult full = ScoreDiagnosis(d, All(1));
  EXPECT_EQ(full.total, 100);
  EXPECT_EQ(full.max, 100);
  EXPECT_EQ(full.band->id, "full");
  EXPECT_TRUE(full.priorities.empty());
  EXPECT_EQ(ScoreDiagnosis(d, All(2)).total, 50);   // 一部実施している: 2 each
  EXPECT_EQ(ScoreDiagnosis(d, All(3)).total, 0);    // 実施していない: 0
  EXPECT_EQ(ScoreDiagnosis(d, All(4)).total, -25);  // わからない: -1 each
  EXPECT_EQ(ScoreDiagnosis(d, All(4)).band->id, "weak");
  // Band edges through answers: six わからない (-5 each against 4) give 70, five and one each
  // of 一部 / 実施していない give 69, ten give 50, nine and one each 49.
  auto with = [&](int unknown, int partly, int not_done) {
    std::map<std::string, int> a = All(1);
    int item = 1;
    for (int i = 0; i < unknown; ++i) a[fmt::format("D{:02}", item++)] = 4;
    for (int i = 0; i < partly; ++i) a[fmt::format("D{:02}", item++)] = 2;
    for (int i = 0; i < not_done; ++i) a[fmt::format("D{:02}", item++)] = 3;
    return ScoreDiagnosis(d, a);
  };
  EXPECT_EQ(with(6, 0, 0).total, 70);
  EXPECT_EQ(with(6, 0, 0).band->id, "good");
  EXPECT_EQ(with(5, 1, 1).total, 69);
  EXPECT_EQ(with(5, 1, 1).band->id, "fair");
  EXPECT_EQ(with(10, 0, 0).total, 50);
  EXPECT_EQ(with(10, 0, 0).band->id, "fair");
  EXPECT_EQ(with(9, 1, 1).total, 49);
  EXPECT_EQ(with(9, 1, 1).band->id, "weak");
  EXPECT_EQ(with(0, 1, 0).total, 98);
  EXPECT_EQ(with(0, 1, 0).band->id, "good");
  EXPECT_EQ(d.BandFor(99).id, "good");
  EXPECT_EQ(d.BandFor(70).id, "good");
  EXPECT_EQ(d.BandFor(69).id, "fair");
  EXPECT_EQ(d.BandFor(50).id, "fair");
  EXPECT_EQ(d.BandFor(49).id, "weak");
  EXPECT_EQ(d.BandFor(100).id, "full");
}

TEST(Diagnosis, NotApplicableCountsAsImplementedOnlyWhereAnItemMayNotApply) {
  const Diagnosis& d = BuiltIn();
  // D09 (wireless LAN) may not apply: 該当しない scores 4 and is marked.
  DiagnosisResult r = ScoreDiagnosis(d, All(1, {{"D09", 9}}));
  EXPECT_EQ(r.total, 100);
  EXPECT_EQ(r.not_applicable, 1);
  const ItemScore& d09 = r.items[8];
  EXPECT_EQ(d09.item->id, "D09");
  EXPECT_TRUE(d09.not_applicable);
  EXPECT_TRUE(d09.implemented());
  // D01 (updates) always applies: 該当しない is no answer there, 0 points.
  DiagnosisResult wrong = ScoreDiagnosis(d, All(1, {{"D01", 9}}));
  EXPECT_EQ(wrong.total, 96);
  EXPECT_EQ(wrong.unanswered, 1);
  EXPECT_EQ(wrong.not_applicable, 0);
  // A missing item is unanswered and worth nothing.
  std::map<std::string, int> missing = All(1);
  missing.erase("D25");
  EXPECT_EQ(ScoreDiagnosis(d, missing).total, 96);
  EXPECT_EQ(ScoreDiagnosis(d, missing).unanswered, 1);
}

TEST(Diagnosis, PartOneGapsComeFirstThenTheFewestPoints) {
  const Diagnosis& d = BuiltIn();
  DiagnosisResult r =
      ScoreDiagnosis(d, All(1, {{"D20", 4}, {"D11", 3}, {"D03", 2}, {"D05", 3}, {"D14", 2}}));
  std::vector<std::string> order;
  for (size_t i : r.priorities) order.push_back(r.items[i].item->id);
  EXPECT_EQ(order, (std::vector<std::string>{"D05", "D03", "D11", "D14", "D20"}));
  EXPECT_EQ(r.parts[0].points, 3 * 4 + 2 + 0);
  EXPECT_EQ(r.parts[0].max, 20);
  EXPECT_EQ(r.parts[1].points, 11 * 4 + 0 + 2);
  EXPECT_EQ(r.parts[2].points, 6 * 4 - 1);
}

TEST(Diagnosis, SecurityActionStars) {
  const Diagnosis& d = BuiltIn();
  DiagnosisResult basics =
      ScoreDiagnosis(d, All(3, {{"D01", 1}, {"D02", 1}, {"D03", 1}, {"D04", 1}, {"D05", 1}}));
  EXPECT_TRUE(basics.security_action.one_star);
  EXPECT_FALSE(basics.security_action.two_star);
  EXPECT_TRUE(basics.security_action.policy_missing);
  DiagnosisResult gap = ScoreDiagnosis(d, All(1, {{"D02", 2}}));
  EXPECT_FALSE(gap.security_action.one_star);
  ASSERT_EQ(gap.security_action.one_star_missing.size(), 1u);
  EXPECT_EQ(gap.security_action.one_star_missing[0]->id, "D02");
  EXPECT_TRUE(gap.security_action.two_star);  // diagnosis done, written policy known to staff
}

TEST(Peers, PercentileAndStandardScoreAgainstAHandComputation) {
  // Scores 40, 60, 60, 80, 100 (n 5): mean 68, population sd sqrt((28^2 + 8^2 x 2 + 12^2 + 32^2) /
  // 5) = sqrt(2080 / 5) = 20.396...; a company with 60: below 1, ties 2 -> (1 + 1) / 5 = 40%.
  std::vector<PeerScore> peers;
  for (double s : {40.0, 60.0, 60.0, 80.0, 100.0}) peers.push_back({1, 1, s});
  PeerComparison c = ComparePeers(60, 1, 1, peers, /*min_n=*/5);
  EXPECT_EQ(c.scope, PeerScope::kIndustryAndSize);
  EXPECT_EQ(c.n, 5);
  EXPECT_DOUBLE_EQ(c.mean, 68);
  EXPECT_NEAR(c.sd, std::sqrt(2080.0 / 5), 1e-12);
  EXPECT_DOUBLE_EQ(c.percentile, 40);
  EXPECT_NEAR(c.standard_score, (60 - 68) / std::sqrt(2080.0 / 5) * 10 + 50, 1e-12);
  EXPECT_TRUE(c.enough);
}

TEST(Peers, SmallGroupsFallBackToBroaderOnes) {
  std::vector<PeerScore> peers;
  for (int i = 0; i < 10; ++i) peers.push_back({1, 1, 50.0 + i});       // industry 1, small: 10
  for (int i = 0; i < 25; ++i) peers.push_back({1, 2, 60.0 + i});       // industry 1, SME: 25
  for (int i = 0; i < 40; ++i) peers.push_back({2, 1, 70.0 + i % 30});  // industry 2, small
  PeerComparison a = ComparePeers(55, 1, 1, peers);  // 10 < 30: industry 1 has 35
  EXPECT_EQ(a.scope, PeerScope::kIndustry);
  EXPECT_EQ(a.n, 35);
  PeerComparison b = ComparePeers(55, 3, 2, peers);  // industry 3: none; size 2: 25; all: 75
  EXPECT_EQ(b.scope, PeerScope::kAll);
  EXPECT_EQ(b.n, 75);
  PeerComparison c = ComparePeers(55, 0, 1, peers);  // industry unknown: size 1 has 50
  EXPECT_EQ(c.scope, PeerScope::kSize);
  EXPECT_EQ(c.n, 50);
  PeerComparison few = ComparePeers(55, 1, 1, {{1, 1, 50}, {1, 1, 60}});
  EXPECT_EQ(few.scope, PeerScope::kAll);
  EXPECT_FALSE(few.enough);
  EXPECT_EQ(few.n, 2);
}

TEST(Diagnosis, TotalsFromColumnsEqualFullScoringAndPeersCarryTheProfile) {
  const Diagnosis& d = BuiltIn();
  Result<Questionnaire> qn = LoadQuestionnaire(*ResolveQuestionnairePath(d.questionnaire));
  ASSERT_TRUE(qn.ok()) << qn.status().ToString();
  // Companies: item answers (absent = unanswered), industry code, employees.
  struct Company {
    std::map<std::string, int> items;
    int industry;
    double employees;
  };
  std::vector<Company> companies = {
      {All(1), 1, 12},                           // 100, a small manufacturer
      {All(2, {{"D09", 9}, {"D11", 4}}), 6, 8},  // 該当しない where allowed, わからない
      {All(3, {{"D01", 9}}), 8, 40},             // 該当しない where not allowed: incomplete
      {All(4), 5, 3},                            // -25
      {[] {
         auto a = All(1);
         a.erase("D25");
         return a;
       }(),
       1, 5},  // one item unanswered: incomplete
  };
  Dataset data(*qn);
  for (const Company& c : companies) {
    Answers a(qn->questions.size());
    for (const auto& [id, code] : c.items)
      a[qn->FindQuestion(id)] = Answer{AnswerState::kAnswered, {code}, {}, 0, ""};
    a[qn->FindQuestion("industry")] = Answer{AnswerState::kAnswered, {c.industry}, {}, 0, ""};
    a[qn->FindQuestion("employees")] = Answer{AnswerState::kAnswered, {}, {}, c.employees, ""};
    data.Add(a);
  }
  std::vector<std::optional<int>> totals = DiagnosisTotals(d, data);
  ASSERT_EQ(totals.size(), companies.size());
  for (size_t i = 0; i < companies.size(); ++i) {
    DiagnosisResult full = ScoreDiagnosis(d, companies[i].items);
    EXPECT_EQ(totals[i].has_value(), full.unanswered == 0) << i;
    if (totals[i]) {
      EXPECT_EQ(*totals[i], full.total) << i;
    }
  }
  EXPECT_EQ(totals[0], 100);
  EXPECT_EQ(totals[1], 23 * 2 + 4 - 1);
  EXPECT_EQ(totals[3], -25);
  std::vector<PeerScore> peers = PeerScoresOf(d, data);
  ASSERT_EQ(peers.size(), 3u);  // the complete ones
  EXPECT_EQ(peers[0].industry, 1);
  EXPECT_EQ(peers[0].size, 1);  // 12 staff in manufacturing: 小規模企業者 (20 or fewer)
  EXPECT_EQ(peers[1].size, 2);  // 8 staff in retail: more than 5, so not small
  EXPECT_EQ(peers[2].score, -25);
}

TEST(Portfolio, TheWeakestItemsAreTheLeastImplementedThenTheFewestPoints) {
  const Diagnosis& d = BuiltIn();
  DiagnosisResult a = ScoreDiagnosis(d, All(1, {{"D11", 3}, {"D24", 2}, {"D01", 4}, {"D05", 2}}));
  DiagnosisResult b = ScoreDiagnosis(d, All(1, {{"D11", 3}, {"D24", 3}, {"D09", 9}}));
  DiagnosisResult c = ScoreDiagnosis(d, All(1, {{"D11", 2}}));
  std::vector<ItemShare> shares = ItemShares(d, {&a, &b, &c});
  ASSERT_EQ(shares.size(), 25u);
  const ItemShare& d11 = shares[10];
  EXPECT_EQ(d11.item->id, "D11");
  EXPECT_EQ(d11.n, 3u);
  EXPECT_EQ(d11.implemented, 0u);
  EXPECT_EQ(d11.points, 0 + 0 + 2);
  EXPECT_EQ(shares[8].implemented, 3u);  // D09: 該当しない counts as implemented
  std::vector<std::string> weakest;
  for (size_t i : WeakestItems(shares)) weakest.push_back(shares[i].item->id);
  // D11: none of 3 implement it; D24: one; D01 and D05: two each, and D01 has fewer points
  // (わからない -1 against 一部 2), so it comes first.
  EXPECT_EQ(weakest, (std::vector<std::string>{"D11", "D24", "D01", "D05"}));
}

TEST(Diagnosis, ProblemsInTheFileAreLocated) {
  DiagnosisLoad load = LoadDiagnosisText(R"(diagnosis: {id: x, title: X, questionnaire: q}
profile: {industry: i, employees: e, industry_map: {1: mining}}
scale:
  - {code: 1, label: 実施している, points: 4}
bands:
  - {id: low, min: null, label: 低, meaning: m, next: n}
  - {id: high, min: 70, label: 高, meaning: m, next: n}
support: []
parts:
  - id: p
    number: 1
    title: P
    items:
      - {id: D01, title: t, question: q, explain: e, steps: [s], support: [nowhere]}
responsibilities:
  note: n
  areas:
    - {id: a, area: 更新, items: [D01, D99], vendor: v, customer: c}
    - {id: b, area: 監視, items: [D01], vendor: v, customer: c}
)",
                                         "bad.yaml");
  EXPECT_FALSE(load.diagnosis);
  std::string all;
  for (const Diagnostic& d : load.diagnostics) all += d.ToString() + "\n";
  EXPECT_NE(all.find("bad.yaml:2:56: エラー: 業種「mining」はありません"), std::string::npos)
      << all;
  EXPECT_NE(all.find("項目「D01」の support「nowhere」は support にありません"), std::string::npos)
      << all;
  EXPECT_NE(all.find("bands は点の高い順に"), std::string::npos) << all;
  EXPECT_NE(all.find("responsibilities の「更新」の項目「D99」は parts にありません"),
            std::string::npos)
      << all;
  EXPECT_NE(all.find("項目「D01」が responsibilities の二つの分野にあります"), std::string::npos)
      << all;
}

}  // namespace
}  // namespace chosa
