#include "questionnaire/expr/expression.h"

#include <gtest/gtest.h>

namespace chosa {
namespace {

// Q0 single (codes 1..8), Q1 multi (1..5), Q2 number, Q3 text, Q4 grid with items a, b (1..4).
class TestScope final : public ExprScope {
 public:
  Result<ExprSymbol> Resolve(std::string_view id, std::string_view item) const override {
    ExprSymbol s;
    s.display = std::string(id);
    if (id == "Q0") return Sym(0, ExprValueType::kCode, {1, 2, 3, 4, 5, 6, 7, 8});
    if (id == "Q1") return Sym(1, ExprValueType::kCodeSet, {1, 2, 3, 4, 5});
    if (id == "Q2") return Sym(2, ExprValueType::kNumber, {});
    if (id == "Q3") return Sym(3, ExprValueType::kText, {});
    if (id == "Q4") {
      ExprSymbol g = Sym(4, ExprValueType::kCode, {1, 2, 3, 4});
      g.item_index = item == "b" ? 1 : 0;
      return g;
    }
    return Status::NotFound("質問 " + std::string(id) + " はありません");
  }

 private:
  static ExprSymbol Sym(int index, ExprValueType type, std::vector<int> codes) {
    ExprSymbol s;
    s.question_index = index;
    s.type = type;
    s.codes = std::move(codes);
    s.display = "Q" + std::to_string(index);
    return s;
  }
};

Answers Make(int q0, std::vector<int> q1, std::optional<double> q2, std::string q3 = "",
             std::vector<int> q4 = {}) {
  Answers a(5);
  if (q0 > 0) a[0] = Answer{AnswerState::kAnswered, {q0}, {}, 0, ""};
  if (!q1.empty()) a[1] = Answer{AnswerState::kAnswered, q1, {}, 0, ""};
  if (q2) a[2] = Answer{AnswerState::kAnswered, {}, {}, *q2, ""};
  if (!q3.empty()) a[3] = Answer{AnswerState::kAnswered, {}, {}, 0, q3};
  if (!q4.empty()) a[4] = Answer{AnswerState::kAnswered, q4, {}, 0, ""};
  return a;
}

bool Eval(const std::string& text, const Answers& a) {
  TestScope scope;
  CompiledExpression c = CompileExpression(text, scope);
  EXPECT_TRUE(c.expression) << text << ": " << (c.error ? c.error->message : "");
  return c.expression && c.expression->Evaluate(a);
}

ExprError Error(const std::string& text) {
  TestScope scope;
  CompiledExpression c = CompileExpression(text, scope);
  EXPECT_FALSE(c.expression) << text;
  return c.error.value_or(ExprError{});
}

TEST(ExpressionTest, RangesAndMembership) {
  EXPECT_TRUE(Eval("Q0 in [1..7]", Make(7, {}, {})));
  EXPECT_FALSE(Eval("Q0 in [1..7]", Make(8, {}, {})));
  EXPECT_TRUE(Eval("Q0 in [1, 3..4, 8]", Make(8, {}, {})));
  EXPECT_TRUE(Eval("Q0 not in [1..7]", Make(8, {}, {})));
}

TEST(ExpressionTest, IncludesForMultiAnswers) {
  EXPECT_TRUE(Eval("Q1 includes 3", Make(0, {1, 3}, {})));
  EXPECT_TRUE(Eval("Q1 includes any [2, 3]", Make(0, {3}, {})));
  EXPECT_FALSE(Eval("Q1 includes any [2, 4]", Make(0, {3}, {})));
  EXPECT_TRUE(Eval("Q1 includes all [1, 3]", Make(0, {1, 3, 5}, {})));
  EXPECT_FALSE(Eval("Q1 includes all [1..3]", Make(0, {1, 3}, {})));
  EXPECT_TRUE(Eval("count(Q1) >= 2", Make(0, {1, 3}, {})));
}

TEST(ExpressionTest, UnansweredComparisonsAreFalse) {
  Answers none = Make(0, {}, {});
  EXPECT_FALSE(Eval("Q0 == 1", none));
  EXPECT_FALSE(Eval("Q0 != 1", none));
  EXPECT_TRUE(Eval("not Q0 == 1", none));
  EXPECT_FALSE(Eval("Q1 includes 1", none));
  EXPECT_FALSE(Eval("answered(Q0)", none));
  EXPECT_TRUE(Eval("answered(Q0)", Make(2, {}, {})));
  Answers skipped = none;
  skipped[0].state = AnswerState::kNotApplicable;
  EXPECT_FALSE(Eval("Q0 in [1..8]", skipped));
}

TEST(ExpressionTest, LogicAndPrecedence) {
  Answers a = Make(2, {4}, 30, "なし", {3, 1});
  EXPECT_TRUE(Eval("Q0 == 1 or Q0 == 2 and Q2 > 10", a));  // and binds tighter
  EXPECT_FALSE(Eval("(Q0 == 1 or Q0 == 2) and Q2 > 100", a));
  EXPECT_TRUE(Eval("Q3 == \"なし\" and Q2 >= 30 and Q2 < 30.5", a));
  EXPECT_TRUE(Eval("Q4.a == 3 and Q4.b <= 1", a));
  EXPECT_TRUE(Eval("Q0 = 2", a));  // '=' is accepted for equality
  EXPECT_TRUE(Eval("true", a));
}

TEST(ExpressionTest, ErrorsSayWhatAndWhere) {
  ExprError e = Error("Q0 == 9");
  EXPECT_EQ(e.offset, 6u);
  EXPECT_NE(e.message.find("Q0 に選択肢コード 9 はありません"), std::string::npos);
  e = Error("Q0 includes 1");
  EXPECT_NE(e.message.find("includes は複数回答"), std::string::npos) << e.message;
  e = Error("Q1 == 1");
  EXPECT_NE(e.message.find("includes any"), std::string::npos) << e.message;
  e = Error("Q9 == 1");
  EXPECT_EQ(e.offset, 0u);
  EXPECT_NE(e.message.find("Q9 はありません"), std::string::npos);
  e = Error("Q0 in [1..7");
  EXPECT_NE(e.message.find("\"]\" が必要"), std::string::npos) << e.message;
  e = Error("Q0 == 1 && Q2 > 3");
  EXPECT_EQ(e.offset, 8u);
  EXPECT_NE(e.message.find("and"), std::string::npos);
  e = Error("Ｑ0 == 1");
  EXPECT_NE(e.message.find("全角"), std::string::npos) << e.message;
  e = Error("Q0 in [5..2]");
  EXPECT_NE(e.message.find("上限が下限より小さい"), std::string::npos) << e.message;
  e = Error("Q3 < \"a\"");
  EXPECT_NE(e.message.find("== か !="), std::string::npos) << e.message;
  e = Error("Q0");
  EXPECT_NE(e.message.find("比較"), std::string::npos) << e.message;
  EXPECT_EQ(Error("").message, "式が空です");
}

TEST(ExpressionTest, DependenciesAreListedOnce) {
  TestScope scope;
  CompiledExpression c = CompileExpression("Q2 > 1 and (Q0 == 1 or Q2 < 5)", scope);
  ASSERT_TRUE(c.expression);
  EXPECT_EQ(c.expression->Dependencies(), (std::vector<int>{0, 2}));
}

}  // namespace
}  // namespace chosa

namespace chosa {
namespace {

TEST(ExpressionJsonTest, NodesAndReferencesForThePageScript) {
  TestScope scope;
  CompiledExpression c =
      CompileExpression("not Q0 in [1..3, 8] or Q1 includes any [2] and Q3 == \"<a & b>\"", scope);
  ASSERT_TRUE(c.expression);
  std::string json = c.expression->ToJson([](int q, int) {
    return q == 0 ? std::string("{\"v\":2}") : "{\"q\":\"Q" + std::to_string(q) + "\"}";
  });
  EXPECT_EQ(
      json,
      "{\"or\":[{\"not\":{\"in\":{\"v\":2},\"r\":[[1,3],[8,8]],\"neg\":false}},"
      "{\"and\":[{\"any\":{\"q\":\"Q1\"},\"r\":[[2,2]]},"
      "{\"cmp\":\"==\",\"a\":{\"q\":\"Q3\"},\"b\":{\"s\":\"\\u003ca \\u0026 b\\u003e\"}}]}]}");
}

}  // namespace
}  // namespace chosa
