#include "questionnaire/variables.h"

#include <fmt/format.h>

namespace chosa {

std::vector<Variable> LayoutVariables(const Questionnaire& qn, bool include_personal) {
  std::vector<Variable> vars;
  for (size_t qi = 0; qi < qn.questions.size(); ++qi) {
    const Question& q = qn.questions[qi];
    if (q.personal && !include_personal) continue;
    int index = static_cast<int>(qi);
    std::string title = q.title.empty() ? q.text : q.title;
    auto add = [&](std::string name, VariableKind kind, int code, int item, std::string label) {
      vars.push_back(Variable{std::move(name), index, kind, code, item, std::move(label)});
    };
    switch (q.type) {
      case QuestionType::kSingle:
      case QuestionType::kPrefecture:
        add(q.id, VariableKind::kCode, 0, -1, title);
        break;
      case QuestionType::kMulti:
        for (const Option& o : q.options) {
          add(fmt::format("{}_{}", q.id, o.code), VariableKind::kDichotomy, o.code, -1,
              fmt::format("{}: {}", title, o.label));
        }
        break;
      case QuestionType::kGrid:
        for (size_t i = 0; i < q.items.size(); ++i) {
          add(fmt::format("{}_{}", q.id, q.items[i].id), VariableKind::kItemCode, 0,
              static_cast<int>(i), fmt::format("{}: {}", title, q.items[i].label));
        }
        break;
      case QuestionType::kNumber:
        add(q.id, VariableKind::kNumber, 0, -1, title);
        break;
      case QuestionType::kText:
      case QuestionType::kTextArea:
        add(q.id, VariableKind::kText, 0, -1, title);
        break;
    }
    for (const Option& o : q.options) {
      if (o.other && q.type != QuestionType::kGrid) {
        add(fmt::format("{}_{}_text", q.id, o.code), VariableKind::kOtherText, o.code, -1,
            fmt::format("{}: {}（記述）", title, o.label));
      }
    }
  }
  return vars;
}

}  // namespace chosa
