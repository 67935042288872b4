#include "tabulation/output/csv_writer.h"

#include <fmt/format.h>

#include "base/encoding.h"
#include "exchange/csv_writer.h"
#include "tabulation/output/display.h"

namespace chosa {

std::string RenderTallyCsv(const TallyReport& report) {
  std::string out(kUtf8Bom);
  AppendCsvRecord(&out, std::vector<std::string>{"question", "number", "title", "type", "base",
                                                 "base_n", "row_kind", "code", "label", "n",
                                                 "weighted_n", "percent", "percent_display"});
  for (const Table& t : report.tables) {
    for (size_t b = 0; b < t.bases.size(); ++b) {
      const TallyBase& base = t.bases[b];
      for (const TableRow& r : t.rows) {
        std::string kind = r.kind == RowKind::kOption     ? "option"
                           : r.kind == RowKind::kNoAnswer ? "no_answer"
                                                          : "not_applicable";
        std::vector<std::string> f = {t.question_id,
                                      t.number,
                                      t.title,
                                      std::string(QuestionTypeName(t.type)),
                                      BaseKey(base.kind),
                                      std::to_string(base.n),
                                      kind,
                                      r.kind == RowKind::kOption ? std::to_string(r.code) : "",
                                      r.label,
                                      r.suppressed ? "x" : std::to_string(r.n),
                                      r.suppressed ? "x" : fmt::format("{}", r.weighted),
                                      r.percents[b] ? fmt::format("{}", *r.percents[b]) : "",
                                      DisplayPercent(t, r, b)};
        for (std::string& x : f) x = GuardFormula(x);
        AppendCsvRecord(&out, f);
      }
    }
  }
  return out;
}

}  // namespace chosa
