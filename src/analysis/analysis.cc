#include "analysis/analysis.h"

#include <algorithm>

namespace chosa {
namespace {

bool Listed(const Breakdown& b, const Question& q) {
  return b.questions.empty() ||
         std::find(b.questions.begin(), b.questions.end(), q.id) != b.questions.end();
}

bool Tabulated(const Question& q, const TallyOverrides& o) {
  if (q.personal) return false;
  if (!o.only.empty() && std::find(o.only.begin(), o.only.end(), q.id) == o.only.end())
    return false;
  return std::find(o.skip.begin(), o.skip.end(), q.id) == o.skip.end();
}

}  // namespace

AnalysisReport Analyze(const Dataset& data, const AnalysisSpec& spec,
                       const TallyOverrides& overrides) {
  const Questionnaire& qn = data.questionnaire();
  AnalysisReport report;
  report.spec = spec;
  report.tally = SimpleTally(data, overrides);
  for (const Breakdown& b : spec.breakdowns) {
    int by = qn.FindQuestion(b.by);
    std::vector<int16_t> groups = GroupsOf(data, by);
    for (int qi = 0; qi < static_cast<int>(qn.questions.size()); ++qi) {
      const Question& q = qn.questions[qi];
      if (qi == by || !Listed(b, q) || !Tabulated(q, overrides)) continue;
      switch (q.type) {
        case QuestionType::kSingle:
        case QuestionType::kPrefecture:
        case QuestionType::kMulti:
          report.cross_tables.push_back(
              CrossTabulate(data, qi, -1, by, groups, spec.settings, b.chi_square));
          break;
        case QuestionType::kGrid:
          for (int item = 0; item < static_cast<int>(q.items.size()); ++item) {
            report.cross_tables.push_back(
                CrossTabulate(data, qi, item, by, groups, spec.settings, b.chi_square));
          }
          break;
        case QuestionType::kNumber:
          if (b.numbers) report.numbers.push_back(SummarizeNumbers(data, qi, by, groups));
          break;
        case QuestionType::kText:
        case QuestionType::kTextArea:
          break;
      }
    }
  }
  return report;
}

}  // namespace chosa
