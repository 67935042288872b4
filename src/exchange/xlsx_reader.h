// Reads one worksheet of an .xlsx workbook (Office Open XML) into rows of text cells, as Excel
// shows them: shared and inline strings (without furigana), numbers in their shortest exact form
// (integers without ".0"), booleans as 0/1, formula results as cached. Uses libzip to open the
// container and pugixml for the XML parts. Entries larger than 1 GiB uncompressed are refused.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "base/result.h"

namespace chosa {

struct SheetRow {
  int number = 0;                  // the worksheet's 1-based row number
  std::vector<std::string> cells;  // column A at index 0; missing cells are ""
};

struct Sheet {
  std::string name;
  std::vector<SheetRow> rows;  // rows that contain at least one cell, in order
};

// `sheet_name` empty selects the first sheet. Errors name the file and the part that failed.
Result<Sheet> ReadXlsxSheet(std::string_view bytes, std::string_view sheet_name,
                            const std::string& source_name);

// "A" -> 0, "Z" -> 25, "AA" -> 26; -1 if `letters` is not a column name.
int ColumnIndexFromLetters(std::string_view letters);
// 0 -> "A", 26 -> "AA".
std::string ColumnLetters(int index);

}  // namespace chosa
