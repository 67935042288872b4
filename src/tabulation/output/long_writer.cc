#include "tabulation/output/long_writer.h"

#include <fmt/format.h>

namespace chosa {
namespace {

std::string Value(double x) { return fmt::format("{}", x); }
std::string Ratio(double part, double whole) {
  return whole > 0 ? Value(100.0 * part / whole) : "NA";
}

void Line(std::string* out, std::string_view section, const std::string& var, std::string_view row,
          std::string_view stat, const std::string& value) {
  *out += fmt::format("{},{},,{},,{},{}\n", section, var, row, stat, value);
}

// A row's value, or "x" when disclosure control withheld the row.
std::string Shown(const TableRow& r, const std::string& value) {
  return r.suppressed ? "x" : value;
}

}  // namespace

std::string RenderTallyLong(const TallyReport& report) {
  std::string out = "section,var,by,row,col,stat,value\n";
  for (const Table& t : report.tables) {
    bool single = t.type == QuestionType::kSingle || t.type == QuestionType::kPrefecture ||
                  t.type == QuestionType::kGrid;
    if (single) {
      for (const TableRow& r : t.rows) {
        if (r.kind != RowKind::kOption) continue;
        std::string code = std::to_string(r.code);
        Line(&out, "gt_sa", t.question_id, code, "n", Shown(r, Value(static_cast<double>(r.n))));
        Line(&out, "gt_sa", t.question_id, code, "pct",
             Shown(r, Ratio(static_cast<double>(r.n), static_cast<double>(t.answered))));
      }
      Line(&out, "gt_sa", t.question_id, "NA", "n",
           Value(static_cast<double>(t.no_answer + t.not_applicable)));
      Line(&out, "gt_sa", t.question_id, "base", "n", Value(static_cast<double>(t.answered)));
      if (!report.weight_variable.empty()) {
        for (const TableRow& r : t.rows) {
          if (r.kind != RowKind::kOption) continue;
          std::string code = std::to_string(r.code);
          Line(&out, "gtw_sa", t.question_id, code, "wn", Shown(r, Value(r.weighted)));
          Line(&out, "gtw_sa", t.question_id, code, "pct",
               Shown(r, Ratio(r.weighted, t.answered_w)));
        }
        Line(&out, "gtw_sa", t.question_id, "NA", "wn", Value(t.no_answer_w + t.not_applicable_w));
        Line(&out, "gtw_sa", t.question_id, "base", "wn", Value(t.answered_w));
      }
    } else if (t.type == QuestionType::kMulti) {
      for (const TableRow& r : t.rows) {
        if (r.kind != RowKind::kOption) continue;
        std::string code = std::to_string(r.code);
        double n = static_cast<double>(r.n);
        Line(&out, "gt_ma", t.question_id, code, "n", Shown(r, Value(n)));
        Line(&out, "gt_ma", t.question_id, code, "pct_cases",
             Shown(r, Ratio(n, static_cast<double>(t.answered))));
        Line(&out, "gt_ma", t.question_id, code, "pct_resp",
             Shown(r, Ratio(n, static_cast<double>(t.mentions))));
      }
      Line(&out, "gt_ma", t.question_id, "NA", "n",
           Value(static_cast<double>(t.no_answer + t.not_applicable)));
      Line(&out, "gt_ma", t.question_id, "base", "n", Value(static_cast<double>(t.answered)));
      Line(&out, "gt_ma", t.question_id, "mentions", "n", Value(static_cast<double>(t.mentions)));
    }
  }
  return out;
}

}  // namespace chosa
