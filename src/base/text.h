// UTF-8 text helpers: Unicode normalisation of what Japanese users type, display width for
// terminals (CJK characters take two columns), and small string utilities.
// All functions take and return UTF-8. They are pure and thread-safe.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace chosa {

// NFKC normalisation (full-width ASCII and spaces become half-width, half-width katakana
// becomes full-width, ① becomes 1). Invalid UTF-8 sequences become U+FFFD.
std::string Nfkc(std::string_view text);

// What every answer field goes through: NFKC, minus-like signs (U+2212, U+2010..U+2015 when
// followed by a digit) become '-', CR LF becomes LF, and leading/trailing white space is removed.
std::string NormalizeAnswerText(std::string_view text);

// Removes ASCII white space and U+3000 (ideographic space) from both ends.
std::string_view Trim(std::string_view text);

// True if `text` is well-formed UTF-8. On failure, *bad_offset is the first bad byte.
bool IsValidUtf8(std::string_view text, size_t* bad_offset = nullptr);

// Number of terminal columns `text` occupies: East Asian Wide and Fullwidth characters count 2,
// combining marks 0, everything else 1.
int DisplayWidth(std::string_view text);

// `text` followed by spaces up to `width` display columns (no truncation).
std::string PadRight(std::string_view text, int width);
// Spaces up to `width` display columns, then `text`.
std::string PadLeft(std::string_view text, int width);

// Splits on `sep`, keeping empty pieces.
std::vector<std::string_view> Split(std::string_view text, char sep);

// Number of Unicode code points in valid UTF-8 text.
size_t CodePointCount(std::string_view text);

// 1-based line and byte column of `offset` within `text`.
struct LineColumn {
  int line = 1;
  int column = 1;
};
LineColumn LineColumnAt(std::string_view text, size_t offset);

}  // namespace chosa
