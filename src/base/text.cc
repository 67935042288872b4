#include "base/text.h"

#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/utf8.h>

#include <cassert>

namespace chosa {

std::string Nfkc(std::string_view text) {
  // Fast path: ASCII without control characters is already NFKC.
  bool ascii = true;
  for (unsigned char c : text) {
    if (c >= 0x80) {
      ascii = false;
      break;
    }
  }
  if (ascii) return std::string(text);
  UErrorCode err = U_ZERO_ERROR;
  const icu::Normalizer2* nfkc = icu::Normalizer2::getNFKCInstance(err);
  assert(U_SUCCESS(err));
  icu::UnicodeString in = icu::UnicodeString::fromUTF8(
      icu::StringPiece(text.data(), static_cast<int32_t>(text.size())));
  icu::UnicodeString out = nfkc->normalize(in, err);
  std::string result;
  if (U_FAILURE(err)) return std::string(text);
  out.toUTF8String(result);
  return result;
}

std::string_view Trim(std::string_view text) {
  auto is_space_at_front = [](std::string_view s) -> size_t {
    if (s.empty()) return 0;
    unsigned char c = s[0];
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f') return 1;
    if (s.size() >= 3 && s.substr(0, 3) == "\xE3\x80\x80") return 3;  // U+3000
    return 0;
  };
  auto is_space_at_back = [](std::string_view s) -> size_t {
    if (s.empty()) return 0;
    unsigned char c = s.back();
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f') return 1;
    if (s.size() >= 3 && s.substr(s.size() - 3) == "\xE3\x80\x80") return 3;
    return 0;
  };
  while (size_t n = is_space_at_front(text)) text.remove_prefix(n);
  while (size_t n = is_space_at_back(text)) text.remove_suffix(n);
  return text;
}

std::string NormalizeAnswerText(std::string_view text) {
  std::string s = Nfkc(text);
  std::string out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size(); ++i) {
    // U+2212 MINUS SIGN, U+2010..U+2015 hyphens/dashes: '-' when a digit follows.
    if (static_cast<unsigned char>(s[i]) == 0xE2 && i + 2 < s.size()) {
      unsigned char b1 = s[i + 1], b2 = s[i + 2];
      bool minus = (b1 == 0x88 && b2 == 0x92) || (b1 == 0x80 && b2 >= 0x90 && b2 <= 0x95);
      if (minus && i + 3 < s.size() && s[i + 3] >= '0' && s[i + 3] <= '9') {
        out += '-';
        i += 2;
        continue;
      }
    }
    if (s[i] == '\r') {
      if (i + 1 < s.size() && s[i + 1] == '\n') continue;
      out += '\n';
      continue;
    }
    out += s[i];
  }
  return std::string(Trim(out));
}

bool IsValidUtf8(std::string_view text, size_t* bad_offset) {
  const auto* p = reinterpret_cast<const unsigned char*>(text.data());
  size_t n = text.size();
  size_t i = 0;
  while (i < n) {
    // Skip ASCII eight bytes at a time.
    while (i + 8 <= n) {
      uint64_t w;
      __builtin_memcpy(&w, p + i, 8);
      if (w & 0x8080808080808080ULL) break;
      i += 8;
    }
    if (i >= n) break;
    unsigned char c = p[i];
    if (c < 0x80) {
      ++i;
      continue;
    }
    UChar32 cp;
    int32_t j = static_cast<int32_t>(i);
    U8_NEXT(p, j, static_cast<int32_t>(n), cp);
    if (cp < 0) {
      if (bad_offset) *bad_offset = i;
      return false;
    }
    i = static_cast<size_t>(j);
  }
  return true;
}

namespace {

int CodePointWidth(UChar32 cp) {
  if (cp == 0) return 0;
  if (u_getCombiningClass(cp) != 0) return 0;
  int8_t type = u_charType(cp);
  if (type == U_NON_SPACING_MARK || type == U_ENCLOSING_MARK || type == U_FORMAT_CHAR) return 0;
  int eaw = u_getIntPropertyValue(cp, UCHAR_EAST_ASIAN_WIDTH);
  return (eaw == U_EA_WIDE || eaw == U_EA_FULLWIDTH) ? 2 : 1;
}

}  // namespace

int DisplayWidth(std::string_view text) {
  const auto* p = reinterpret_cast<const uint8_t*>(text.data());
  int32_t n = static_cast<int32_t>(text.size());
  int32_t i = 0;
  int width = 0;
  while (i < n) {
    UChar32 cp;
    U8_NEXT(p, i, n, cp);
    width += cp < 0 ? 1 : CodePointWidth(cp);
  }
  return width;
}

std::string PadRight(std::string_view text, int width) {
  std::string out(text);
  int w = DisplayWidth(text);
  if (w < width) out.append(static_cast<size_t>(width - w), ' ');
  return out;
}

std::string PadLeft(std::string_view text, int width) {
  int w = DisplayWidth(text);
  std::string out;
  if (w < width) out.append(static_cast<size_t>(width - w), ' ');
  out += text;
  return out;
}

std::vector<std::string_view> Split(std::string_view text, char sep) {
  std::vector<std::string_view> parts;
  size_t start = 0;
  while (true) {
    size_t pos = text.find(sep, start);
    if (pos == std::string_view::npos) {
      parts.push_back(text.substr(start));
      return parts;
    }
    parts.push_back(text.substr(start, pos - start));
    start = pos + 1;
  }
}

size_t CodePointCount(std::string_view text) {
  size_t count = 0;
  for (unsigned char c : text) {
    if ((c & 0xC0) != 0x80) ++count;
  }
  return count;
}

LineColumn LineColumnAt(std::string_view text, size_t offset) {
  LineColumn lc;
  if (offset > text.size()) offset = text.size();
  for (size_t i = 0; i < offset; ++i) {
    if (text[i] == '\n') {
      ++lc.line;
      lc.column = 1;
    } else {
      ++lc.column;
    }
  }
  return lc;
}

}  // namespace chosa
