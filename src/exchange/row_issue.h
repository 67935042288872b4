// A problem found in an answer file, located at a cell or a row, in Japanese.
#pragma once

#include <string>

namespace chosa {

struct RowIssue {
  std::string where;  // "answers.csv 12行目 3列目" or "answers.xlsx シート「回答」 C12"
  int row = 0;        // the file's row number (CSV line, worksheet row); 0 = the file
  int column = -1;    // 0-based column; -1 = the whole row
  std::string column_name;  // header of that column
  std::string question_id;
  std::string code;  // stable code, e.g. "invalid-code", "duplicate-id"
  std::string message;
  bool warning = false;

  // "answers.csv 12行目 3列目（Q1）: エラー: 選択肢にない値 "9" です [invalid-code]"
  std::string ToString() const;
};

}  // namespace chosa
