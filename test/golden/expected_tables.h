// Reads expected-table files (test/golden/*/expected.txt) and compares them with tallies.
#pragma once

#include <string>
#include <vector>

#include "base/result.h"
#include "tabulation/table.h"

namespace chosa::testing {

struct ExpectedRow {
  std::string label;
  std::string n;                      // "-" = not compared
  std::vector<std::string> percents;  // one per base; "-" = not compared
  int line = 0;
};

struct ExpectedTable {
  std::string question_id;
  bool texts = false;             // a "[id texts]" block
  std::vector<ExpectedRow> rows;  // or, for texts blocks, labels only
  int line = 0;
};

Result<std::vector<ExpectedTable>> ReadExpectedTables(const std::string& path);

// Every difference between `expected` and `report`, one line each ("" = identical).
std::string CompareTables(const std::vector<ExpectedTable>& expected, const TallyReport& report);

}  // namespace chosa::testing
