// Fuzzes the skip-logic expression parser and evaluator against a fixed set of questions.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "questionnaire/expr/expression.h"

namespace {

class Scope final : public chosa::ExprScope {
 public:
  chosa::Result<chosa::ExprSymbol> Resolve(std::string_view id,
                                           std::string_view item) const override {
    chosa::ExprSymbol s;
    s.display = std::string(id);
    if (id == "A") {
      s.question_index = 0;
      s.type = chosa::ExprValueType::kCode;
      s.codes = {1, 2, 3};
      return s;
    }
    if (id == "B") {
      s.question_index = 1;
      s.type = chosa::ExprValueType::kCodeSet;
      s.codes = {1, 2, 3, 4};
      return s;
    }
    if (id == "C") {
      s.question_index = 2;
      s.type = chosa::ExprValueType::kNumber;
      return s;
    }
    if (id == "D") {
      s.question_index = 3;
      s.type = chosa::ExprValueType::kText;
      return s;
    }
    if (id == "G" && !item.empty()) {
      s.question_index = 4;
      s.item_index = item == "x" ? 0 : 1;
      s.type = chosa::ExprValueType::kCode;
      return s;
    }
    return chosa::Status::NotFound("no such question");
  }
};

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static const Scope scope;
  std::string_view text(reinterpret_cast<const char*>(data), size);
  chosa::CompiledExpression c = chosa::CompileExpression(text, scope);
  if (!c.expression) return 0;
  chosa::Answers none(5), some(5);
  some[0] = {chosa::AnswerState::kAnswered, {2}, {}, 0, ""};
  some[1] = {chosa::AnswerState::kAnswered, {1, 4}, {}, 0, ""};
  some[2] = {chosa::AnswerState::kAnswered, {}, {}, 3.5, ""};
  some[3] = {chosa::AnswerState::kAnswered, {}, {}, 0, "x"};
  some[4] = {chosa::AnswerState::kAnswered, {1}, {}, 0, ""};  // grid with a missing second item
  (void)c.expression->Evaluate(none);
  (void)c.expression->Evaluate(some);
  return 0;
}
