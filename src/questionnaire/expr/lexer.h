// Tokens of the expression language. Internal to questionnaire/expr.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace chosa::internal {

enum class TokenKind {
  kEnd,
  kIdent,
  kNumber,
  kString,
  kLParen,
  kRParen,
  kLBracket,
  kRBracket,
  kComma,
  kDotDot,
  kDot,
  kEq,
  kNe,
  kLt,
  kLe,
  kGt,
  kGe,
  kAnd,
  kOr,
  kNot,
  kIn,
  kIncludes,
  kAny,
  kAll,
  kTrue,
  kFalse,
  kError,
};

struct Token {
  TokenKind kind = TokenKind::kEnd;
  std::string_view text;  // the source characters
  double number = 0;      // kNumber
  std::string value;      // kString (unescaped), kError (message)
  size_t offset = 0;      // byte offset in the source
};

// Splits `source` into tokens, ending with kEnd, or stopping at the first kError.
std::vector<Token> Tokenize(std::string_view source);

std::string_view TokenKindName(TokenKind kind);

}  // namespace chosa::internal
