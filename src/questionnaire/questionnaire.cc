#include "questionnaire/questionnaire.h"

#include <algorithm>

namespace chosa {

std::string_view QuestionTypeName(QuestionType type) {
  switch (type) {
    case QuestionType::kSingle:
      return "single";
    case QuestionType::kMulti:
      return "multi";
    case QuestionType::kText:
      return "text";
    case QuestionType::kTextArea:
      return "textarea";
    case QuestionType::kNumber:
      return "number";
    case QuestionType::kPrefecture:
      return "prefecture";
    case QuestionType::kGrid:
      return "grid";
  }
  return "?";
}

bool HasOptions(QuestionType type) {
  return type == QuestionType::kSingle || type == QuestionType::kMulti ||
         type == QuestionType::kGrid;
}

void Question::IndexOptions() {
  int max_code = 0;
  for (const Option& o : options) max_code = std::max(max_code, o.code);
  option_positions.assign(static_cast<size_t>(max_code) + 1, -1);
  for (size_t i = 0; i < options.size(); ++i) {
    int code = options[i].code;
    if (code >= 0 && option_positions[code] < 0) option_positions[code] = static_cast<int>(i);
  }
}

int Question::OptionPositionSlow(int code) const {
  for (size_t i = 0; i < options.size(); ++i) {
    if (options[i].code == code) return static_cast<int>(i);
  }
  return -1;
}

int Question::FindItem(std::string_view item_id) const {
  for (size_t i = 0; i < items.size(); ++i) {
    if (items[i].id == item_id) return static_cast<int>(i);
  }
  return -1;
}

int Question::EffectiveMaxLength() const {
  if (max_length > 0) return max_length;
  return type == QuestionType::kTextArea ? 4000 : 200;
}

bool Question::HasOtherOption() const {
  return std::any_of(options.begin(), options.end(), [](const Option& o) { return o.other; });
}

int Questionnaire::FindQuestion(std::string_view question_id) const {
  auto it = index_.find(std::string(question_id));
  return it == index_.end() ? -1 : it->second;
}

void Questionnaire::IndexQuestions() {
  index_.clear();
  for (size_t i = 0; i < questions.size(); ++i) {
    index_.emplace(questions[i].id, static_cast<int>(i));
    questions[i].IndexOptions();
  }
}

TabulationSettings EffectiveTabulation(const Questionnaire& qn, const Question& q) {
  TabulationSettings s = qn.tabulation;
  if (q.tabulation.decimals) s.decimals = *q.tabulation.decimals;
  if (q.tabulation.bases) s.bases = *q.tabulation.bases;
  if (q.tabulation.percent_of) s.percent_of = *q.tabulation.percent_of;
  if (q.tabulation.order) s.order = *q.tabulation.order;
  return s;
}

}  // namespace chosa
