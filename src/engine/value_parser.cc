#include "engine/value_parser.h"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <cmath>

#include "base/text.h"
#include "questionnaire/prefectures.h"

namespace chosa {
namespace {

// Normalises only when needed: plain ASCII digits skip ICU entirely.
std::string Normalize(std::string_view raw) {
  bool simple = !raw.empty();
  for (char c : raw) {
    if (!((c >= '0' && c <= '9') || c == '-' || c == '.')) {
      simple = false;
      break;
    }
  }
  return simple ? std::string(raw) : NormalizeAnswerText(raw);
}

}  // namespace

std::optional<int> ParseCode(std::string_view raw) {
  std::string s = Normalize(raw);
  int value = 0;
  auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), value);
  if (ec != std::errc() || p != s.data() + s.size()) {
    // Excel sometimes stores codes as "3.0".
    double d = 0;
    auto [p2, ec2] = std::from_chars(s.data(), s.data() + s.size(), d);
    if (ec2 != std::errc() || p2 != s.data() + s.size() || d != std::floor(d)) return std::nullopt;
    if (d < 1 || d > 32767) return std::nullopt;
    return static_cast<int>(d);
  }
  if (value < 1 || value > 32767) return std::nullopt;
  return value;
}

std::optional<int> ParsePrefecture(std::string_view raw) {
  if (auto code = ParseCode(raw)) {
    if (*code <= kPrefectureCount) return code;
    return std::nullopt;
  }
  int code = PrefectureCode(NormalizeAnswerText(raw));
  if (code == 0) return std::nullopt;
  return code;
}

std::optional<double> ParseNumber(std::string_view raw, std::string_view unit) {
  std::string s = Normalize(raw);
  if (!unit.empty() && s.size() > unit.size() && s.ends_with(unit)) {
    s.resize(s.size() - unit.size());
    s = std::string(Trim(s));
  }
  std::string digits;
  digits.reserve(s.size());
  for (size_t i = 0; i < s.size(); ++i) {
    char c = s[i];
    // A comma between digits is a thousands separator.
    if (c == ',' && i > 0 && i + 1 < s.size() &&
        std::isdigit(static_cast<unsigned char>(s[i - 1])) &&
        std::isdigit(static_cast<unsigned char>(s[i + 1]))) {
      continue;
    }
    digits += c;
  }
  if (digits.empty()) return std::nullopt;
  double value = 0;
  const char* first = digits.data();
  if (*first == '+') ++first;
  auto [p, ec] = std::from_chars(first, digits.data() + digits.size(), value);
  if (ec != std::errc() || p != digits.data() + digits.size() || !std::isfinite(value)) {
    return std::nullopt;
  }
  return value;
}

int DecimalDigits(std::string_view raw) {
  std::string s = Normalize(raw);
  size_t dot = s.find('.');
  if (dot == std::string::npos) return 0;
  int n = 0;
  for (size_t i = dot + 1; i < s.size() && std::isdigit(static_cast<unsigned char>(s[i])); ++i) ++n;
  // Trailing zeros ("3.50") do not add precision.
  while (n > 0 && s[dot + n] == '0') --n;
  return n;
}

std::string FormatAnswerNumber(double value) {
  if (value == std::floor(value) && std::fabs(value) < 1e15) {
    return std::to_string(static_cast<long long>(value));
  }
  char buf[32];
  auto [end, ec] = std::to_chars(buf, buf + sizeof(buf), value);  // shortest round-trip form
  return ec == std::errc() ? std::string(buf, end) : std::string("0");
}

bool IsEmailAddress(std::string_view text) {
  if (text.size() > 254) return false;
  size_t at = text.find('@');
  if (at == std::string_view::npos || at == 0 || text.find('@', at + 1) != std::string_view::npos) {
    return false;
  }
  std::string_view domain = text.substr(at + 1);
  size_t dot = domain.find('.');
  if (domain.empty() || dot == std::string_view::npos || dot == 0 || domain.back() == '.') {
    return false;
  }
  for (unsigned char c : text) {
    if (c <= ' ' || c >= 0x7F || c == ',' || c == ';' || c == '<' || c == '>' || c == '"') {
      return false;
    }
  }
  return true;
}

bool IsPhoneNumber(std::string_view text) {
  int digits = 0;
  for (size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (c >= '0' && c <= '9') {
      ++digits;
    } else if (c == '+' && i == 0) {
      continue;
    } else if (c != '-' && c != '(' && c != ')' && c != ' ') {
      return false;
    }
  }
  return digits >= 10 && digits <= 15;
}

bool IsPostalCode(std::string_view text) {
  if (text.size() == 7) {
    return std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; });
  }
  if (text.size() != 8 || text[3] != '-') return false;
  for (size_t i = 0; i < 8; ++i) {
    if (i != 3 && !(text[i] >= '0' && text[i] <= '9')) return false;
  }
  return true;
}

}  // namespace chosa
