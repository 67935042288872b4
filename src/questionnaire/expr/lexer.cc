#include "questionnaire/expr/lexer.h"

#include <fmt/format.h>

#include <charconv>

namespace chosa::internal {
namespace {

bool IsIdentStart(char c) { return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == '_'; }
bool IsIdentChar(char c) { return IsIdentStart(c) || (c >= '0' && c <= '9'); }
bool IsDigit(char c) { return c >= '0' && c <= '9'; }

TokenKind KeywordKind(std::string_view word) {
  if (word == "and") return TokenKind::kAnd;
  if (word == "or") return TokenKind::kOr;
  if (word == "not") return TokenKind::kNot;
  if (word == "in") return TokenKind::kIn;
  if (word == "includes") return TokenKind::kIncludes;
  if (word == "any") return TokenKind::kAny;
  if (word == "all") return TokenKind::kAll;
  if (word == "true") return TokenKind::kTrue;
  if (word == "false") return TokenKind::kFalse;
  return TokenKind::kIdent;
}

}  // namespace

std::vector<Token> Tokenize(std::string_view s) {
  std::vector<Token> out;
  size_t i = 0;
  auto push = [&](TokenKind kind, size_t start, size_t len) {
    Token t;
    t.kind = kind;
    t.offset = start;
    t.text = s.substr(start, len);
    out.push_back(std::move(t));
  };
  auto error = [&](size_t at, std::string message) {
    Token t;
    t.kind = TokenKind::kError;
    t.offset = at;
    t.value = std::move(message);
    out.push_back(std::move(t));
    return out;
  };
  while (i < s.size()) {
    char c = s[i];
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
      ++i;
      continue;
    }
    size_t start = i;
    if (IsIdentStart(c)) {
      while (i < s.size() && IsIdentChar(s[i])) ++i;
      push(KeywordKind(s.substr(start, i - start)), start, i - start);
      continue;
    }
    bool negative_number = c == '-' && i + 1 < s.size() && IsDigit(s[i + 1]);
    if (IsDigit(c) || negative_number) {
      if (negative_number) ++i;
      while (i < s.size() && IsDigit(s[i])) ++i;
      // A '.' followed by a digit is a decimal point; ".." is a range.
      if (i + 1 < s.size() && s[i] == '.' && IsDigit(s[i + 1])) {
        ++i;
        while (i < s.size() && IsDigit(s[i])) ++i;
      }
      Token t;
      t.kind = TokenKind::kNumber;
      t.offset = start;
      t.text = s.substr(start, i - start);
      auto [p, ec] = std::from_chars(t.text.data(), t.text.data() + t.text.size(), t.number);
      if (ec != std::errc() || p != t.text.data() + t.text.size()) {
        return error(start, fmt::format("数値 \"{}\" を読めません", t.text));
      }
      out.push_back(std::move(t));
      continue;
    }
    if (c == '"' || c == '\'') {
      std::string value;
      ++i;
      while (i < s.size() && s[i] != c) {
        if (s[i] == '\\' && i + 1 < s.size()) ++i;
        value += s[i++];
      }
      if (i >= s.size()) return error(start, "文字列の終わりの引用符がありません");
      ++i;
      Token t;
      t.kind = TokenKind::kString;
      t.offset = start;
      t.text = s.substr(start, i - start);
      t.value = std::move(value);
      out.push_back(std::move(t));
      continue;
    }
    auto two = s.substr(i, 2);
    if (two == "..") {
      push(TokenKind::kDotDot, start, 2);
      i += 2;
      continue;
    }
    if (two == "==") {
      push(TokenKind::kEq, start, 2);
      i += 2;
      continue;
    }
    if (two == "!=") {
      push(TokenKind::kNe, start, 2);
      i += 2;
      continue;
    }
    if (two == "<=") {
      push(TokenKind::kLe, start, 2);
      i += 2;
      continue;
    }
    if (two == ">=") {
      push(TokenKind::kGe, start, 2);
      i += 2;
      continue;
    }
    if (two == "&&" || two == "||") {
      return error(start, fmt::format("\"{}\" ではなく {} と書いてください", two,
                                      two == "&&" ? "and" : "or"));
    }
    switch (c) {
      case '(':
        push(TokenKind::kLParen, start, 1);
        ++i;
        continue;
      case ')':
        push(TokenKind::kRParen, start, 1);
        ++i;
        continue;
      case '[':
        push(TokenKind::kLBracket, start, 1);
        ++i;
        continue;
      case ']':
        push(TokenKind::kRBracket, start, 1);
        ++i;
        continue;
      case ',':
        push(TokenKind::kComma, start, 1);
        ++i;
        continue;
      case '.':
        push(TokenKind::kDot, start, 1);
        ++i;
        continue;
      case '=':
        push(TokenKind::kEq, start, 1);
        ++i;
        continue;
      case '<':
        push(TokenKind::kLt, start, 1);
        ++i;
        continue;
      case '>':
        push(TokenKind::kGt, start, 1);
        ++i;
        continue;
      case '!':
        return error(start, "否定は \"not\" と書いてください");
      default:
        break;
    }
    // Name the offending character (a whole UTF-8 sequence).
    size_t len = 1;
    unsigned char u = static_cast<unsigned char>(c);
    if (u >= 0xF0)
      len = 4;
    else if (u >= 0xE0)
      len = 3;
    else if (u >= 0xC0)
      len = 2;
    return error(start, fmt::format("式に使えない文字 \"{}\" があります（全角文字は半角で書いて"
                                    "ください）",
                                    s.substr(start, len)));
  }
  push(TokenKind::kEnd, s.size(), 0);
  return out;
}

std::string_view TokenKindName(TokenKind kind) {
  switch (kind) {
    case TokenKind::kEnd:
      return "式の終わり";
    case TokenKind::kIdent:
      return "名前";
    case TokenKind::kNumber:
      return "数値";
    case TokenKind::kString:
      return "文字列";
    case TokenKind::kLParen:
      return "\"(\"";
    case TokenKind::kRParen:
      return "\")\"";
    case TokenKind::kLBracket:
      return "\"[\"";
    case TokenKind::kRBracket:
      return "\"]\"";
    case TokenKind::kComma:
      return "\",\"";
    case TokenKind::kDotDot:
      return "\"..\"";
    case TokenKind::kDot:
      return "\".\"";
    case TokenKind::kEq:
      return "\"==\"";
    case TokenKind::kNe:
      return "\"!=\"";
    case TokenKind::kLt:
      return "\"<\"";
    case TokenKind::kLe:
      return "\"<=\"";
    case TokenKind::kGt:
      return "\">\"";
    case TokenKind::kGe:
      return "\">=\"";
    case TokenKind::kAnd:
      return "and";
    case TokenKind::kOr:
      return "or";
    case TokenKind::kNot:
      return "not";
    case TokenKind::kIn:
      return "in";
    case TokenKind::kIncludes:
      return "includes";
    case TokenKind::kAny:
      return "any";
    case TokenKind::kAll:
      return "all";
    case TokenKind::kTrue:
      return "true";
    case TokenKind::kFalse:
      return "false";
    case TokenKind::kError:
      return "エラー";
  }
  return "?";
}

}  // namespace chosa::internal
