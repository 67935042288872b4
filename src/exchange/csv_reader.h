// CsvReader: splits RFC 4180 CSV text (UTF-8, already decoded) into records. Quoted fields may
// hold commas, doubled quotes and line breaks; LF and CRLF both end records. A quote inside an
// unquoted field is kept as a literal character. Errors (an unterminated quoted field, text after
// a closing quote) name the line and column.
//
// Why not libcsv (Debian): it parses at 193 MB/s on the benchmark file against 1+ GB/s here, and
// cannot say where a malformed field is. See README "Dependencies".
#pragma once

#include <string>
#include <string_view>
#include <tuple>
#include <vector>

#include "base/result.h"

namespace chosa {

class CsvReader {
 public:
  // `text` must outlive the reader; `source_name` prefixes error messages.
  CsvReader(std::string_view text, std::string source_name, char delimiter = ',');

  // Reads the next record. Returns false at the end of the text. The views in `fields` stay
  // valid until the next call.
  Result<bool> Next(std::vector<std::string_view>* fields);

  // 1-based line on which the last record returned by Next() starts.
  int record_line() const { return record_line_; }

 private:
  std::string_view text_;
  std::string source_name_;
  char delimiter_;
  size_t pos_ = 0;
  int line_ = 1;
  int record_line_ = 0;
  std::string scratch_;  // unescaped quoted fields of the current record
  // Quoted fields of the current record: (field index, offset in scratch_, length). Their views
  // are set once the record is complete, because scratch_ may grow meanwhile.
  std::vector<std::tuple<size_t, size_t, size_t>> quoted_;
};

}  // namespace chosa
