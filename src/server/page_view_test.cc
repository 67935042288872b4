#include "server/page_view.h"

#include <gtest/gtest.h>

#include <deque>

#include "engine/answer_engine.h"
#include "engine/raw_from_answers.h"
#include "questionnaire/builtin.h"
#include "questionnaire/loader.h"

namespace chosa::web {
namespace {

std::unique_ptr<TemplateSet> Templates() {
  Result<std::unique_ptr<TemplateSet>> t =
      TemplateSet::Load(std::string(CHOSA_SOURCE_DIR) + "/data/templates");
  EXPECT_TRUE(t.ok()) << t.status().ToString();
  return std::move(t).value();
}

// The cached page and the template-rendered page must be the same bytes for every page.
void ExpectSamePages(const Questionnaire& qn, const Answers& answers) {
  std::unique_ptr<TemplateSet> templates = Templates();
  PageCache cache = PageCache::Build(*templates, qn);
  std::deque<std::string> strings;
  RawAnswers shown;
  RawFromAnswers(qn, answers, &strings, &shown);
  int pages = static_cast<int>(qn.sections.size());
  for (int p = 1; p <= pages; ++p) {
    PageInput in{&qn, p - 1, &answers, &shown, {}};
    EXPECT_EQ(cache.Render(p, answers, "0123abcd"),
              RenderAnswerPage(*templates, in, p, pages, "0123abcd"))
        << "page " << p;
  }
}

TEST(PageCacheTest, SameHtmlAsTheTemplatesForSeed000) {
  Result<Questionnaire> qn = LoadQuestionnaire(*ResolveQuestionnairePath("ipa-it-vendor-role"));
  ASSERT_TRUE(qn.ok());
  std::deque<std::string> keep;
  RawAnswers raw(qn->questions.size());
  auto set = [&](const char* id, std::vector<std::string> values) {
    for (std::string& v : values)
      raw[qn->FindQuestion(id)].values.push_back(keep.emplace_back(std::move(v)));
  };
  set("company", {"<b>株式会社</b> & \"引用\""});
  set("Q1", {"14"});
  raw[qn->FindQuestion("Q1")].other_texts.emplace_back(14, keep.emplace_back("'その他' <i>"));
  set("Q7", {"13"});
  set("Q8", {"1", "2"});
  set("Q13", {"3"});
  set("Q15", {"4"});
  set("Q35", {"一行目\n二行目 </textarea>"});
  Evaluation e = EvaluateAnswers(
      *qn, raw, EngineOptions{.incomplete_is_error = false, .drop_inapplicable = true});
  ExpectSamePages(*qn, e.answers);
  ExpectSamePages(*qn, Answers(qn->questions.size()));  // nothing answered yet
}

TEST(PageCacheTest, SameHtmlForEveryQuestionType) {
  Result<Questionnaire> qn = ParseQuestionnaire(R"(survey: {id: t, title: "<全種類>"}
sections:
  - id: a
    title: A
    questions:
      - {id: N, type: number, text: 人数, unit: 人, decimals: 1}
      - {id: P, type: prefecture, text: 所在地}
      - {id: G, type: grid, text: 脅威, items: [{id: x, label: X}, {id: y, label: Y}], options: [大, 小]}
      - {id: T, type: text, text: 名前, format: email}
  - id: b
    title: B
    questions:
      - {id: M, type: multi, text: 選択, when: "N > 2 and G.x == 1", options: [a, {code: 5, label: "b<>", other: true}]}
      - {id: S, type: single, text: 単一, when: "answered(T) or M includes 5", options: [x, y]}
)",
                                                "t.yaml");
  ASSERT_TRUE(qn.ok()) << qn.status().ToString();
  Answers a(qn->questions.size());
  a[0] = Answer{AnswerState::kAnswered, {}, {}, 3.5, ""};
  a[1] = Answer{AnswerState::kAnswered, {47}, {}, 0, ""};
  a[2] = Answer{AnswerState::kAnswered, {1, 0}, {}, 0, ""};
  a[3] = Answer{AnswerState::kAnswered, {}, {}, 0, "a\"b'<c>@example.jp"};
  a[4] = Answer{AnswerState::kAnswered, {1, 5}, {{5, "&amp; <x>"}}, 0, ""};
  ExpectSamePages(*qn, a);
}

TEST(PageViewTest, KnownAnswersForConditionsOnThePage) {
  Result<Questionnaire> qn = LoadQuestionnaire(*ResolveQuestionnairePath("ipa-it-vendor-role"));
  Answers answers(qn->questions.size());
  // Page 4 (Q12-Q16): its conditions only read questions of the same page.
  EXPECT_EQ(KnownJson(*qn, 3, answers), "{}");
}

TEST(PageViewTest, FollowUpsOnTheSamePageAreShown) {
  Result<Questionnaire> qn = LoadQuestionnaire(*ResolveQuestionnairePath("ipa-it-vendor-role"));
  ASSERT_TRUE(qn.ok());
  Answers answers(qn->questions.size());
  EXPECT_TRUE(ShownOnPage(*qn, qn->FindQuestion("Q14"), answers));  // depends on Q13, same page
  EXPECT_TRUE(ShownOnPage(*qn, qn->FindQuestion("Q11"), answers));  // depends on Q8, same page
}

TEST(PageViewTest, AnswerTextForReview) {
  Result<Questionnaire> qn = LoadQuestionnaire(*ResolveQuestionnairePath("ipa-it-vendor-role"));
  const Question& q1 = qn->questions[qn->FindQuestion("Q1")];
  EXPECT_EQ(AnswerText(q1, Answer{AnswerState::kAnswered, {14}, {{14, "専業"}}, 0, ""}),
            "その他（具体的に）（専業）");
  EXPECT_EQ(AnswerText(q1, Answer{}), "");
  const Question& q7 = qn->questions[qn->FindQuestion("Q7")];
  EXPECT_EQ(AnswerText(q7, Answer{AnswerState::kAnswered, {27}, {}, 0, ""}), "大阪府");
}

}  // namespace
}  // namespace chosa::web
