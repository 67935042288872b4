#include "exchange/csv_reader.h"

#include <fmt/format.h>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace chosa {
namespace {

// Index of the first byte at or after `i` that is the delimiter, a quote, CR or LF.
size_t FindSpecial(std::string_view s, size_t i, char delimiter) {
  const char* p = s.data();
  size_t n = s.size();
#if defined(__SSE2__)
  const __m128i d = _mm_set1_epi8(delimiter);
  const __m128i q = _mm_set1_epi8('"');
  const __m128i cr = _mm_set1_epi8('\r');
  const __m128i lf = _mm_set1_epi8('\n');
  while (i + 16 <= n) {
    __m128i chunk = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p + i));
    __m128i hit = _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(chunk, d), _mm_cmpeq_epi8(chunk, q)),
                               _mm_or_si128(_mm_cmpeq_epi8(chunk, cr), _mm_cmpeq_epi8(chunk, lf)));
    int mask = _mm_movemask_epi8(hit);
    if (mask != 0) return i + static_cast<size_t>(__builtin_ctz(static_cast<unsigned>(mask)));
    i += 16;
  }
#endif
  for (; i < n; ++i) {
    char c = p[i];
    if (c == delimiter || c == '"' || c == '\r' || c == '\n') return i;
  }
  return n;
}

}  // namespace

CsvReader::CsvReader(std::string_view text, std::string source_name, char delimiter)
    : text_(text), source_name_(std::move(source_name)), delimiter_(delimiter) {}

Result<bool> CsvReader::Next(std::vector<std::string_view>* fields) {
  fields->clear();
  scratch_.clear();
  quoted_.clear();
  const std::string_view s = text_;
  const size_t n = s.size();
  if (pos_ >= n) return false;
  record_line_ = line_;
  size_t line_start = pos_;  // for column numbers in errors
  size_t i = pos_;
  while (true) {
    // One field starts at i.
    if (i < n && s[i] == '"') {
      size_t open = i;
      int open_line = line_;
      size_t open_line_start = line_start;
      size_t begin = scratch_.size();
      ++i;
      while (true) {
        size_t q = s.find('"', i);
        if (q == std::string_view::npos) {
          return Status::InvalidArgument(
              fmt::format("{}:{}:{}: 引用符 \" で始まる項目が閉じられていません", source_name_,
                          open_line, open - open_line_start + 1));
        }
        for (size_t k = i; k < q; ++k) {
          if (s[k] == '\n') {
            ++line_;
            line_start = k + 1;
          }
        }
        scratch_.append(s.data() + i, q - i);
        if (q + 1 < n && s[q + 1] == '"') {  // "" is one quote
          scratch_ += '"';
          i = q + 2;
          continue;
        }
        i = q + 1;
        break;
      }
      quoted_.emplace_back(fields->size(), begin, scratch_.size() - begin);
      fields->emplace_back();
      if (i < n && s[i] != delimiter_ && s[i] != '\n' && s[i] != '\r') {
        return Status::InvalidArgument(
            fmt::format("{}:{}:{}: 引用符で囲んだ項目の後に区切り文字以外の文字があります",
                        source_name_, line_, i - line_start + 1));
      }
    } else {
      size_t begin = i;
      while (true) {
        i = FindSpecial(s, i, delimiter_);
        if (i < n && s[i] == '"') {  // a literal quote inside an unquoted field
          ++i;
          continue;
        }
        break;
      }
      fields->emplace_back(s.data() + begin, i - begin);
    }
    // i is at a delimiter, a line end, or the end of the text.
    if (i >= n) {
      pos_ = n;
      break;
    }
    if (s[i] == delimiter_) {
      ++i;
      continue;
    }
    if (s[i] == '\r') ++i;
    if (i < n && s[i] == '\n') ++i;
    ++line_;
    pos_ = i;
    break;
  }
  for (const auto& [index, offset, length] : quoted_) {
    (*fields)[index] = std::string_view(scratch_.data() + offset, length);
  }
  return true;
}

}  // namespace chosa
