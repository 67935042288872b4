#include "questionnaire/expr/expression.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>

#include "questionnaire/expr/lexer.h"

namespace chosa {

using internal::Token;
using internal::TokenKind;

enum class CompareOp : uint8_t { kEq, kNe, kLt, kLe, kGt, kGe };

struct ExprOperand {
  enum class Kind : uint8_t { kNumber, kString, kRef, kCount };
  Kind kind = Kind::kNumber;
  ExprValueType type = ExprValueType::kNumber;
  double number = 0;
  std::string text;
  int question = -1;
  int item = -1;
};

enum class ExprOp : uint8_t {
  kConst,
  kAnd,
  kOr,
  kNot,
  kCompare,
  kIn,
  kIncludesAny,
  kIncludesAll,
  kAnswered
};

struct ExprNode {
  ExprOp op = ExprOp::kConst;
  bool constant = false;  // kConst
  bool negate = false;    // kIn: "not in"
  CompareOp cmp = CompareOp::kEq;
  int left = -1;                                  // kAnd, kOr, kNot
  int right = -1;                                 // kAnd, kOr
  ExprOperand a;                                  // kCompare, kIn, kIncludes*, kAnswered
  ExprOperand b;                                  // kCompare
  std::vector<std::pair<double, double>> ranges;  // kIn, kIncludes*: closed intervals
};

Expression::Expression() = default;
Expression::~Expression() = default;
Expression::Expression(const Expression&) = default;
Expression& Expression::operator=(const Expression&) = default;
Expression::Expression(Expression&&) noexcept = default;
Expression& Expression::operator=(Expression&&) noexcept = default;

namespace {

// An operand's value for one respondent; `present` is false when unanswered or not applicable.
struct OperandValue {
  bool present = false;
  double number = 0;
  std::string_view text;
  const std::vector<int>* codes = nullptr;
};

OperandValue ValueOf(const ExprOperand& o, const Answers& answers) {
  OperandValue v;
  switch (o.kind) {
    case ExprOperand::Kind::kNumber:
      v.present = true;
      v.number = o.number;
      return v;
    case ExprOperand::Kind::kString:
      v.present = true;
      v.text = o.text;
      return v;
    case ExprOperand::Kind::kCount: {
      const Answer& a = answers[o.question];
      v.present = true;
      v.number = a.answered() ? static_cast<double>(a.codes.size()) : 0;
      return v;
    }
    case ExprOperand::Kind::kRef:
      break;
  }
  const Answer& a = answers[o.question];
  if (!a.answered()) return v;
  switch (o.type) {
    case ExprValueType::kCode:
      if (o.item >= 0) {
        if (static_cast<size_t>(o.item) >= a.codes.size() || a.codes[o.item] == 0) return v;
        v.number = a.codes[o.item];
      } else {
        if (a.codes.empty()) return v;
        v.number = a.codes[0];
      }
      break;
    case ExprValueType::kCodeSet:
      v.codes = &a.codes;
      break;
    case ExprValueType::kNumber:
      v.number = a.number;
      break;
    case ExprValueType::kText:
      v.text = a.text;
      break;
  }
  v.present = true;
  return v;
}

bool InRanges(double x, const std::vector<std::pair<double, double>>& ranges) {
  for (const auto& [lo, hi] : ranges) {
    if (x >= lo && x <= hi) return true;
  }
  return false;
}

template <typename T>
bool Compare(CompareOp op, const T& x, const T& y) {
  switch (op) {
    case CompareOp::kEq:
      return x == y;
    case CompareOp::kNe:
      return x != y;
    case CompareOp::kLt:
      return x < y;
    case CompareOp::kLe:
      return x <= y;
    case CompareOp::kGt:
      return x > y;
    case CompareOp::kGe:
      return x >= y;
  }
  return false;
}

bool IsNumeric(const ExprOperand& o) {
  return o.type == ExprValueType::kCode || o.type == ExprValueType::kNumber;
}

std::string TypeName(ExprValueType t) {
  switch (t) {
    case ExprValueType::kCode:
      return "単一回答";
    case ExprValueType::kCodeSet:
      return "複数回答";
    case ExprValueType::kNumber:
      return "数値";
    case ExprValueType::kText:
      return "文字列";
  }
  return "?";
}

std::string FormatNumber(double x) {
  if (x == std::floor(x) && std::fabs(x) < 1e15)
    return fmt::format("{}", static_cast<long long>(x));
  return fmt::format("{}", x);
}

}  // namespace

bool Expression::Evaluate(const Answers& answers) const {
  if (nodes_.empty()) return true;
  return Eval(static_cast<int>(nodes_.size()) - 1, answers);
}

bool Expression::Eval(int index, const Answers& answers) const {
  const ExprNode& n = nodes_[index];
  switch (n.op) {
    case ExprOp::kConst:
      return n.constant;
    case ExprOp::kAnd:
      return Eval(n.left, answers) && Eval(n.right, answers);
    case ExprOp::kOr:
      return Eval(n.left, answers) || Eval(n.right, answers);
    case ExprOp::kNot:
      return !Eval(n.left, answers);
    case ExprOp::kAnswered:
      return answers[n.a.question].answered();
    case ExprOp::kCompare: {
      OperandValue x = ValueOf(n.a, answers);
      OperandValue y = ValueOf(n.b, answers);
      if (!x.present || !y.present) return false;
      if (n.a.type == ExprValueType::kText) return Compare(n.cmp, x.text, y.text);
      return Compare(n.cmp, x.number, y.number);
    }
    case ExprOp::kIn: {
      OperandValue x = ValueOf(n.a, answers);
      if (!x.present) return false;
      return InRanges(x.number, n.ranges) != n.negate;
    }
    case ExprOp::kIncludesAny:
    case ExprOp::kIncludesAll: {
      OperandValue x = ValueOf(n.a, answers);
      if (!x.present || x.codes == nullptr) return false;
      if (n.op == ExprOp::kIncludesAny) {
        for (int c : *x.codes) {
          if (InRanges(c, n.ranges)) return true;
        }
        return false;
      }
      for (const auto& [lo, hi] : n.ranges) {
        for (double c = lo; c <= hi; c += 1) {
          if (std::find(x.codes->begin(), x.codes->end(), static_cast<int>(c)) == x.codes->end()) {
            return false;
          }
        }
      }
      return true;
    }
  }
  return false;
}

namespace {

std::string JsonString(std::string_view s) {
  std::string out = "\"";
  for (char c : s) {
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '<': out += "\\u003c"; break;  // safe inside HTML attributes and scripts
      case '>': out += "\\u003e"; break;
      case '&': out += "\\u0026"; break;
      default:
        if (static_cast<unsigned char>(c) < 0x20) {
          out += fmt::format("\\u{:04x}", static_cast<unsigned char>(c));
        } else {
          out += c;
        }
    }
  }
  return out + "\"";
}

std::string RangesJson(const std::vector<std::pair<double, double>>& ranges) {
  std::string out = "[";
  for (size_t i = 0; i < ranges.size(); ++i) {
    out += fmt::format("{}[{},{}]", i ? "," : "", FormatNumber(ranges[i].first), FormatNumber(ranges[i].second));
  }
  return out + "]";
}

std::string OperandJson(const ExprOperand& o, const std::function<std::string(int, int)>& ref_json) {
  switch (o.kind) {
    case ExprOperand::Kind::kNumber: return fmt::format("{{\"n\":{}}}", FormatNumber(o.number));
    case ExprOperand::Kind::kString: return fmt::format("{{\"s\":{}}}", JsonString(o.text));
    case ExprOperand::Kind::kCount: return fmt::format("{{\"count\":{}}}", ref_json(o.question, o.item));
    case ExprOperand::Kind::kRef: return ref_json(o.question, o.item);
  }
  return "null";
}

std::string_view CompareName(CompareOp op) {
  switch (op) {
    case CompareOp::kEq: return "==";
    case CompareOp::kNe: return "!=";
    case CompareOp::kLt: return "<";
    case CompareOp::kLe: return "<=";
    case CompareOp::kGt: return ">";
    case CompareOp::kGe: return ">=";
  }
  return "==";
}

}  // namespace

std::string Expression::ToJson(const std::function<std::string(int, int)>& ref_json) const {
  if (nodes_.empty()) return "{\"c\":true}";
  return NodeJson(static_cast<int>(nodes_.size()) - 1, ref_json);
}

std::string Expression::NodeJson(int index, const std::function<std::string(int, int)>& ref_json) const {
  const ExprNode& n = nodes_[index];
  switch (n.op) {
    case ExprOp::kConst: return n.constant ? "{\"c\":true}" : "{\"c\":false}";
    case ExprOp::kAnd:
    case ExprOp::kOr:
      return fmt::format("{{\"{}\":[{},{}]}}", n.op == ExprOp::kAnd ? "and" : "or", NodeJson(n.left, ref_json),
                         NodeJson(n.right, ref_json));
    case ExprOp::kNot: return fmt::format("{{\"not\":{}}}", NodeJson(n.left, ref_json));
    case ExprOp::kAnswered: return fmt::format("{{\"answered\":{}}}", ref_json(n.a.question, n.a.item));
    case ExprOp::kCompare:
      return fmt::format("{{\"cmp\":\"{}\",\"a\":{},\"b\":{}}}", CompareName(n.cmp), OperandJson(n.a, ref_json),
                         OperandJson(n.b, ref_json));
    case ExprOp::kIn:
      return fmt::format("{{\"in\":{},\"r\":{},\"neg\":{}}}", OperandJson(n.a, ref_json), RangesJson(n.ranges),
                         n.negate ? "true" : "false");
    case ExprOp::kIncludesAny:
    case ExprOp::kIncludesAll:
      return fmt::format("{{\"{}\":{},\"r\":{}}}", n.op == ExprOp::kIncludesAny ? "any" : "all",
                         OperandJson(n.a, ref_json), RangesJson(n.ranges));
  }
  return "{\"c\":true}";
}

// Recursive-descent parser; on the first error it records it and unwinds returning -1.
class ExprParser {
 public:
  ExprParser(std::string_view source, const ExprScope& scope)
      : tokens_(internal::Tokenize(source)), scope_(scope) {
    expr_.source_ = std::string(source);
  }

  CompiledExpression Run() {
    CompiledExpression result;
    if (!tokens_.empty() && tokens_.back().kind == TokenKind::kError) {
      result.error = ExprError{tokens_.back().offset, tokens_.back().value};
      return result;
    }
    if (Peek().kind == TokenKind::kEnd) {
      result.error = ExprError{0, "式が空です"};
      return result;
    }
    int root = ParseOr();
    if (root >= 0 && Peek().kind != TokenKind::kEnd) {
      Fail(Peek(), fmt::format("{} は余分です（and / or でつないでください）", Describe(Peek())));
      root = -1;
    }
    if (root < 0) {
      result.error = error_;
      return result;
    }
    std::sort(deps_.begin(), deps_.end());
    deps_.erase(std::unique(deps_.begin(), deps_.end()), deps_.end());
    expr_.dependencies_ = deps_;
    result.expression = std::move(expr_);
    return result;
  }

 private:
  const Token& Peek(size_t ahead = 0) const {
    size_t i = std::min(pos_ + ahead, tokens_.size() - 1);
    return tokens_[i];
  }
  const Token& Next() {
    const Token& t = Peek();
    if (pos_ < tokens_.size() - 1) ++pos_;
    return t;
  }
  bool Accept(TokenKind kind) {
    if (Peek().kind != kind) return false;
    Next();
    return true;
  }
  int Fail(const Token& at, std::string message) {
    if (!failed_) {
      failed_ = true;
      error_ = ExprError{at.offset, std::move(message)};
    }
    return -1;
  }
  static std::string Describe(const Token& t) {
    if (t.kind == TokenKind::kEnd) return "式の終わり";
    return fmt::format("\"{}\"", t.text);
  }
  bool Expect(TokenKind kind) {
    if (Accept(kind)) return true;
    Fail(Peek(), fmt::format("{} が必要ですが {} があります", internal::TokenKindName(kind),
                             Describe(Peek())));
    return false;
  }
  int Add(ExprNode node) {
    expr_.nodes_.push_back(std::move(node));
    return static_cast<int>(expr_.nodes_.size()) - 1;
  }

  int ParseOr() {
    int left = ParseAnd();
    while (left >= 0 && Accept(TokenKind::kOr)) {
      int right = ParseAnd();
      if (right < 0) return -1;
      ExprNode n;
      n.op = ExprOp::kOr;
      n.left = left;
      n.right = right;
      left = Add(std::move(n));
    }
    return left;
  }

  int ParseAnd() {
    int left = ParseUnary();
    while (left >= 0 && Accept(TokenKind::kAnd)) {
      int right = ParseUnary();
      if (right < 0) return -1;
      ExprNode n;
      n.op = ExprOp::kAnd;
      n.left = left;
      n.right = right;
      left = Add(std::move(n));
    }
    return left;
  }

  int ParseUnary() {
    if (Accept(TokenKind::kNot)) {
      int inner = ParseUnary();
      if (inner < 0) return -1;
      ExprNode n;
      n.op = ExprOp::kNot;
      n.left = inner;
      return Add(std::move(n));
    }
    return ParsePredicate();
  }

  int ParsePredicate() {
    const Token& t = Peek();
    if (t.kind == TokenKind::kLParen) {
      Next();
      int inner = ParseOr();
      if (inner < 0 || !Expect(TokenKind::kRParen)) return -1;
      return inner;
    }
    if (t.kind == TokenKind::kTrue || t.kind == TokenKind::kFalse) {
      Next();
      ExprNode n;
      n.op = ExprOp::kConst;
      n.constant = t.kind == TokenKind::kTrue;
      return Add(std::move(n));
    }
    if (t.kind == TokenKind::kIdent && t.text == "answered" && Peek(1).kind == TokenKind::kLParen) {
      Next();
      Next();
      ExprNode n;
      n.op = ExprOp::kAnswered;
      if (!ParseRef(&n.a) || !Expect(TokenKind::kRParen)) return -1;
      return Add(std::move(n));
    }
    ExprNode n;
    display_a_.clear();
    codes_a_.clear();
    if (!ParseOperand(&n.a)) return -1;
    const Token& op = Peek();
    switch (op.kind) {
      case TokenKind::kEq:
      case TokenKind::kNe:
      case TokenKind::kLt:
      case TokenKind::kLe:
      case TokenKind::kGt:
      case TokenKind::kGe:
        Next();
        n.op = ExprOp::kCompare;
        n.cmp = ToCompareOp(op.kind);
        {
          const Token& b_token = Peek();
          if (!ParseOperand(&n.b)) return -1;
          if (!CheckComparison(op, b_token, n)) return -1;
        }
        return Add(std::move(n));
      case TokenKind::kNot:
        Next();
        if (Peek().kind != TokenKind::kIn) {
          return Fail(Peek(), "\"not\" の後には in が必要です（否定は式の先頭に not を書きます）");
        }
        n.negate = true;
        [[fallthrough]];
      case TokenKind::kIn:
        Next();
        n.op = ExprOp::kIn;
        if (n.a.type == ExprValueType::kCodeSet) {
          return Fail(op, fmt::format("{} は複数回答なので in ではなく includes any [...] を使って"
                                      "ください",
                                      display_a_));
        }
        if (!IsNumeric(n.a)) return Fail(op, "in の左辺は数値か単一回答の質問にしてください");
        if (!ParseSet(&n.ranges, n.a)) return -1;
        return Add(std::move(n));
      case TokenKind::kIncludes: {
        Next();
        if (n.a.type != ExprValueType::kCodeSet || n.a.kind != ExprOperand::Kind::kRef) {
          return Fail(op, fmt::format("includes は複数回答の質問に使います（{} には == か in を"
                                      "使ってください）",
                                      display_a_.empty() ? "左辺" : display_a_));
        }
        n.op = ExprOp::kIncludesAny;
        if (Accept(TokenKind::kAll)) {
          n.op = ExprOp::kIncludesAll;
        } else {
          Accept(TokenKind::kAny);
        }
        if (Peek().kind == TokenKind::kNumber) {
          const Token& num = Next();
          if (!CheckCode(num, num.number, n.a)) return -1;
          n.ranges.emplace_back(num.number, num.number);
        } else if (!ParseSet(&n.ranges, n.a)) {
          return -1;
        }
        return Add(std::move(n));
      }
      default:
        return Fail(op, fmt::format("{} の後に比較（==, !=, <, <=, >, >=, in, includes）が必要"
                                    "ですが {} があります",
                                    display_a_.empty() ? "値" : display_a_, Describe(op)));
    }
  }

  static CompareOp ToCompareOp(TokenKind k) {
    switch (k) {
      case TokenKind::kNe:
        return CompareOp::kNe;
      case TokenKind::kLt:
        return CompareOp::kLt;
      case TokenKind::kLe:
        return CompareOp::kLe;
      case TokenKind::kGt:
        return CompareOp::kGt;
      case TokenKind::kGe:
        return CompareOp::kGe;
      default:
        return CompareOp::kEq;
    }
  }

  bool CheckComparison(const Token& op, const Token& b_token, const ExprNode& n) {
    for (const ExprOperand* o : {&n.a, &n.b}) {
      if (o->type == ExprValueType::kCodeSet) {
        Fail(op, "複数回答の質問は比較できません（includes any [...] を使ってください）");
        return false;
      }
    }
    bool text_a = n.a.type == ExprValueType::kText, text_b = n.b.type == ExprValueType::kText;
    if (text_a != text_b) {
      Fail(op, fmt::format("{} と {} は比較できません", TypeName(n.a.type), TypeName(n.b.type)));
      return false;
    }
    if (text_a && n.cmp != CompareOp::kEq && n.cmp != CompareOp::kNe) {
      Fail(op, "文字列の比較には == か != だけが使えます");
      return false;
    }
    // A code compared for equality with a literal must be one of the question's codes.
    if (n.cmp == CompareOp::kEq || n.cmp == CompareOp::kNe) {
      if (n.a.kind == ExprOperand::Kind::kRef && n.b.kind == ExprOperand::Kind::kNumber) {
        return CheckCode(b_token, n.b.number, n.a);
      }
    }
    return true;
  }

  bool CheckCode(const Token& at, double code, const ExprOperand& ref,
                 const std::vector<int>* codes = nullptr) {
    if (codes == nullptr) codes = &codes_a_;
    if (ref.kind != ExprOperand::Kind::kRef || codes->empty()) return true;
    if (ref.type != ExprValueType::kCode && ref.type != ExprValueType::kCodeSet) return true;
    if (code == std::floor(code) &&
        std::find(codes->begin(), codes->end(), static_cast<int>(code)) != codes->end()) {
      return true;
    }
    Fail(at, fmt::format("{} に選択肢コード {} はありません", display_a_, FormatNumber(code)));
    return false;
  }

  bool ParseSet(std::vector<std::pair<double, double>>* ranges, const ExprOperand& ref) {
    if (!Expect(TokenKind::kLBracket)) return false;
    do {
      const Token& lo = Peek();
      if (lo.kind != TokenKind::kNumber) {
        Fail(lo, fmt::format("[...] の中には数値を書いてください（{} があります）", Describe(lo)));
        return false;
      }
      Next();
      double hi_value = lo.number;
      if (!CheckCode(lo, lo.number, ref)) return false;
      if (Accept(TokenKind::kDotDot)) {
        const Token& hi = Peek();
        if (hi.kind != TokenKind::kNumber) {
          Fail(hi, "\"..\" の後に数値が必要です");
          return false;
        }
        Next();
        if (hi.number < lo.number) {
          Fail(hi, fmt::format("範囲 {}..{} の上限が下限より小さいです", lo.text, hi.text));
          return false;
        }
        if (!CheckCode(hi, hi.number, ref)) return false;
        hi_value = hi.number;
      }
      ranges->emplace_back(lo.number, hi_value);
    } while (Accept(TokenKind::kComma));
    return Expect(TokenKind::kRBracket);
  }

  bool ParseOperand(ExprOperand* o) {
    const Token& t = Peek();
    switch (t.kind) {
      case TokenKind::kNumber:
        Next();
        o->kind = ExprOperand::Kind::kNumber;
        o->type = ExprValueType::kNumber;
        o->number = t.number;
        return true;
      case TokenKind::kString:
        Next();
        o->kind = ExprOperand::Kind::kString;
        o->type = ExprValueType::kText;
        o->text = t.value;
        return true;
      case TokenKind::kIdent:
        if (t.text == "count" && Peek(1).kind == TokenKind::kLParen) {
          Next();
          Next();
          if (!ParseRef(o)) return false;
          if (o->type != ExprValueType::kCodeSet) {
            Fail(t, "count() は複数回答の質問に使います");
            return false;
          }
          o->kind = ExprOperand::Kind::kCount;
          o->type = ExprValueType::kNumber;
          return Expect(TokenKind::kRParen);
        }
        return ParseRef(o);
      default:
        Fail(t, fmt::format("質問ID・数値・文字列のどれかが必要ですが {} があります", Describe(t)));
        return false;
    }
  }

  bool ParseRef(ExprOperand* o) {
    const Token& id = Peek();
    if (id.kind != TokenKind::kIdent) {
      Fail(id, fmt::format("質問ID が必要ですが {} があります", Describe(id)));
      return false;
    }
    Next();
    std::string_view item;
    if (Accept(TokenKind::kDot)) {
      const Token& it = Peek();
      if (it.kind != TokenKind::kIdent && it.kind != TokenKind::kNumber) {
        Fail(it, "\".\" の後に項目ID が必要です");
        return false;
      }
      Next();
      item = it.text;
    }
    Result<ExprSymbol> sym = scope_.Resolve(id.text, item);
    if (!sym.ok()) {
      Fail(id, sym.status().message());
      return false;
    }
    o->kind = ExprOperand::Kind::kRef;
    o->type = sym->type;
    o->question = sym->question_index;
    o->item = sym->item_index;
    deps_.push_back(sym->question_index);
    // The first reference of a predicate names the codes that literals are checked against.
    display_a_ = sym->display;
    codes_a_ = sym->codes;
    return true;
  }

  std::vector<Token> tokens_;
  size_t pos_ = 0;
  const ExprScope& scope_;
  Expression expr_;
  std::vector<int> deps_;
  bool failed_ = false;
  ExprError error_;
  std::string display_a_;
  std::vector<int> codes_a_;
};

CompiledExpression CompileExpression(std::string_view text, const ExprScope& scope) {
  return ExprParser(text, scope).Run();
}

}  // namespace chosa
