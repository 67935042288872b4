#include "golden/expected_tables.h"

#include <fmt/format.h>

#include <sstream>

#include "base/file.h"
#include "base/text.h"
#include "tabulation/output/display.h"

namespace chosa::testing {

Result<std::vector<ExpectedTable>> ReadExpectedTables(const std::string& path) {
  CHOSA_ASSIGN_OR_RETURN(std::string text, ReadFile(path));
  std::vector<ExpectedTable> tables;
  std::istringstream in(text);
  std::string line;
  int number = 0;
  while (std::getline(in, line)) {
    ++number;
    if (line.empty() || line[0] == '#') continue;
    if (line[0] == '[') {
      ExpectedTable t;
      std::string head = line.substr(1, line.find(']') - 1);
      if (head.ends_with(" texts")) {
        t.texts = true;
        head.resize(head.size() - 6);
      }
      t.question_id = head;
      t.line = number;
      tables.push_back(std::move(t));
      continue;
    }
    if (tables.empty())
      return Status::InvalidArgument(
          fmt::format("{}:{}: 表の見出しの前に行があります", path, number));
    std::vector<std::string_view> cells = Split(line, '\t');
    ExpectedRow row;
    row.label = std::string(cells[0]);
    row.line = number;
    if (!tables.back().texts) {
      if (cells.size() < 3)
        return Status::InvalidArgument(fmt::format("{}:{}: 列が足りません", path, number));
      row.n = std::string(cells[1]);
      for (size_t i = 2; i < cells.size(); ++i) row.percents.emplace_back(cells[i]);
    }
    tables.back().rows.push_back(std::move(row));
  }
  return tables;
}

std::string CompareTables(const std::vector<ExpectedTable>& expected, const TallyReport& report) {
  std::string diff;
  auto fail = [&](int line, const std::string& what) {
    diff += fmt::format("expected.txt:{}: {}\n", line, what);
  };
  for (const ExpectedTable& e : expected) {
    const Table* t = nullptr;
    for (const Table& candidate : report.tables) {
      if (candidate.question_id == e.question_id) t = &candidate;
    }
    if (t == nullptr) {
      fail(e.line, "no table " + e.question_id);
      continue;
    }
    if (e.texts) {
      std::vector<std::string> got;
      for (const auto& [code, text] : t->texts) got.push_back(text);
      std::vector<std::string> want;
      for (const ExpectedRow& r : e.rows) want.push_back(Nfkc(r.label));  // chosa stores NFKC text
      if (got != want)
        fail(e.line, fmt::format("{} texts differ: got {} texts", e.question_id, got.size()));
      continue;
    }
    std::vector<std::string> order;
    for (const ExpectedRow& r : e.rows) {
      if (r.label == "合計" || r.label == "回答者数") {
        const TallyBase& base = t->bases.front();
        if (r.n != std::to_string(base.n))
          fail(r.line, fmt::format("{} {}: n {} != {}", e.question_id, r.label, base.n, r.n));
        for (size_t i = 0; i < r.percents.size(); ++i) {
          std::string want = r.percents[i];
          std::string got = r.label == "合計" ? (t->bases[i].n > 0 ? "100" : "-") : "―";
          if (want != "-" && got != want)
            fail(r.line, fmt::format("{} {}: % {} != {}", e.question_id, r.label, got, want));
        }
        continue;
      }
      order.push_back(r.label);
      const TableRow* row = nullptr;
      for (const TableRow& candidate : t->rows) {
        if (candidate.label == r.label && candidate.kind != RowKind::kNotApplicable)
          row = &candidate;
      }
      if (row == nullptr) {
        fail(r.line, fmt::format("{}: no row \"{}\"", e.question_id, r.label));
        continue;
      }
      if (r.n != "-" && r.n != std::to_string(row->n)) {
        fail(r.line, fmt::format("{} \"{}\": n {} != {}", e.question_id, r.label, row->n, r.n));
      }
      if (r.percents.size() != t->bases.size()) {
        fail(r.line, fmt::format("{}: {} percent columns, table has {} bases", e.question_id,
                                 r.percents.size(), t->bases.size()));
        continue;
      }
      for (size_t i = 0; i < r.percents.size(); ++i) {
        std::string got = DisplayPercent(*t, *row, i);
        if (r.percents[i] != "-" && got != r.percents[i]) {
          fail(r.line,
               fmt::format("{} \"{}\": % {} != {}", e.question_id, r.label, got, r.percents[i]));
        }
      }
    }
    std::vector<std::string> got_order;
    for (const TableRow& row : t->rows) {
      if (row.kind != RowKind::kNotApplicable) got_order.push_back(row.label);
    }
    if (got_order != order) fail(e.line, e.question_id + ": rows are not in the published order");
  }
  return diff;
}

}  // namespace chosa::testing
