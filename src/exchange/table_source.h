// TableSource: rows of text cells read from an answer file (CSV or .xlsx), the first row being the
// header. Sources name cell locations their own way: "answers.csv 12行目 3列目" or
// "answers.xlsx シート「回答」 C12".
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "base/encoding.h"
#include "base/result.h"
#include "exchange/csv_reader.h"
#include "exchange/xlsx_reader.h"

namespace chosa {

class TableSource {
 public:
  virtual ~TableSource() = default;
  // The next row (the header first); false at the end. Views stay valid until the next call.
  virtual Result<bool> Next(std::vector<std::string_view>* cells) = 0;
  // The current row's number as the user sees it (CSV line, worksheet row).
  virtual int RowNumber() const = 0;
  // Where cell `column` (0-based) of the current row is, in Japanese.
  virtual std::string CellName(int column) const = 0;
  // "answers.csv 12行目" or "answers.xlsx シート「回答」 12行目".
  virtual std::string RowName() const = 0;
  virtual Encoding encoding() const { return Encoding::kUtf8; }
};

// Opens `path` by its extension: .xlsx as a workbook (`sheet` empty = first sheet), anything
// else as CSV in `encoding` (kAuto detects UTF-8 or CP932).
Result<std::unique_ptr<TableSource>> OpenTableFile(const std::string& path, Encoding encoding,
                                                   std::string_view sheet);

// A CSV source over text that is already UTF-8 (tests and fuzzers).
std::unique_ptr<TableSource> CsvTableFromText(std::string utf8, std::string source_name);

}  // namespace chosa
