// The skip-logic expression language (`when:` in questionnaire files; docs/expressions.md).
// An expression is compiled once against the questions it may refer to, then evaluated against a
// respondent's answers many times; evaluation does not allocate.
//
//   Q13 in [1..7]                 Q27 includes any [1, 3]          answered(Q9) and not Q2 == 3
//   count(Q8) >= 2                Q5.virus <= 2                    Q3 != "なし"
//
// A comparison whose operand is unanswered or not applicable is false.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/result.h"
#include "questionnaire/answer.h"

namespace chosa {

// What a reference evaluates to.
enum class ExprValueType { kCode, kCodeSet, kNumber, kText };

// A question (or grid item) an expression may refer to.
struct ExprSymbol {
  int question_index = -1;
  int item_index = -1;  // grid item, or -1
  ExprValueType type = ExprValueType::kCode;
  std::vector<int> codes;  // valid codes for kCode/kCodeSet; empty = not checked
  std::string display;     // "Q13" or "Q5.virus", for messages
};

// Resolves names while compiling. Fails with a Japanese message (unknown question, a later
// question, personal data, ...).
class ExprScope {
 public:
  virtual ~ExprScope() = default;
  virtual Result<ExprSymbol> Resolve(std::string_view question_id, std::string_view item) const = 0;
};

struct ExprNode;

// A compiled expression: a flat tree of nodes, root last. Copyable value.
class Expression {
 public:
  Expression();
  ~Expression();
  Expression(const Expression&);
  Expression& operator=(const Expression&);
  Expression(Expression&&) noexcept;
  Expression& operator=(Expression&&) noexcept;

  // True when `answers` (indexed like the questionnaire's questions) satisfy the expression.
  bool Evaluate(const Answers& answers) const;
  // The expression as JSON for the answering page's script (data/static/chosa.js evaluates it).
  // Each question reference becomes whatever `ref_json(question, item)` returns: a reference the
  // script reads from the page ({"q":"Q13","t":"code"}) or a value the server already knows
  // ({"v":3}, {"v":[1,4]}, {"v":null}). Nodes: {"c":bool}, {"and":[a,b]}, {"or":[a,b]},
  // {"not":a}, {"answered":ref}, {"cmp":"==","a":x,"b":y}, {"in":x,"r":[[lo,hi]],"neg":bool},
  // {"any"|"all":ref,"r":[[lo,hi]]}; operands {"n":number}, {"s":"text"}, {"count":ref} or refs.
  std::string ToJson(const std::function<std::string(int question, int item)>& ref_json) const;

  // Indices of the questions the expression reads, ascending, without duplicates.
  const std::vector<int>& Dependencies() const { return dependencies_; }
  const std::string& source() const { return source_; }

 private:
  friend class ExprParser;
  bool Eval(int node, const Answers& answers) const;
  std::string NodeJson(int node, const std::function<std::string(int, int)>& ref_json) const;
  std::vector<ExprNode> nodes_;
  std::vector<int> dependencies_;
  std::string source_;
};

struct ExprError {
  size_t offset = 0;  // byte offset in the source text where the problem is
  std::string message;
};

struct CompiledExpression {
  std::optional<Expression> expression;
  std::optional<ExprError> error;
};

// Parses and type-checks `text`. Never throws; on failure `error` says what and where.
CompiledExpression CompileExpression(std::string_view text, const ExprScope& scope);

}  // namespace chosa
