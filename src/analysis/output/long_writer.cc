#include "analysis/output/long_writer.h"

#include <fmt/format.h>

#include "tabulation/output/long_writer.h"

namespace chosa {
namespace {

std::string Value(double x) { return fmt::format("{}", x); }

void Line(std::string* out, std::string_view section, const std::string& var, const std::string& by,
          std::string_view row, std::string_view col, std::string_view stat,
          const std::string& value) {
  *out += fmt::format("{},{},{},{},{},{},{}\n", section, var, by, row, col, stat, value);
}

void CrossLines(const CrossTable& t, std::string* out) {
  std::string_view section = t.type == QuestionType::kMulti ? "xt_ma" : "xt_sa";
  for (size_t i = 0; i < t.codes.size(); ++i) {
    std::string row = std::to_string(t.codes[i]);
    for (const CrossRow& g : t.groups) {
      std::string col = std::to_string(g.code);
      double n = static_cast<double>(g.n[i]);
      bool withheld = !g.suppressed.empty() && g.suppressed[i];
      Line(out, section, t.question_id, t.by_id, row, col, "n", withheld ? "x" : Value(n));
      Line(out, section, t.question_id, t.by_id, row, col, "colpct",
           withheld     ? "x"
           : g.base > 0 ? Value(100.0 * n / static_cast<double>(g.base))
                        : "NA");
    }
  }
  for (const CrossRow& g : t.groups) {
    Line(out, section, t.question_id, t.by_id, "base", std::to_string(g.code), "n",
         Value(static_cast<double>(g.base)));
  }
  if (t.weighted) {  // weighted counts and percents
    std::string_view wsection = t.type == QuestionType::kMulti ? "xtw_ma" : "xtw_sa";
    for (size_t i = 0; i < t.codes.size(); ++i) {
      std::string row = std::to_string(t.codes[i]);
      for (const CrossRow& g : t.groups) {
        std::string col = std::to_string(g.code);
        std::optional<double> pct = g.Percent(i);
        bool withheld = !g.suppressed.empty() && g.suppressed[i];
        Line(out, wsection, t.question_id, t.by_id, row, col, "wn",
             withheld ? "x" : Value(g.weighted[i]));
        Line(out, wsection, t.question_id, t.by_id, row, col, "colpct",
             withheld ? "x"
             : pct    ? Value(*pct)
                      : "NA");
      }
    }
    for (const CrossRow& g : t.groups) {
      Line(out, wsection, t.question_id, t.by_id, "base", std::to_string(g.code), "wn",
           Value(g.base_weighted));
    }
  }
  for (size_t i = 0; i < t.codes.size(); ++i) {
    std::string row = std::to_string(t.codes[i]);
    for (const CrossRow& g : t.groups) {
      const std::optional<ProportionTest>& test = g.tests[i];
      std::string col = std::to_string(g.code);
      Line(out, "xt_test", t.question_id, t.by_id, row, col, "z", test ? Value(test->z) : "NA");
      Line(out, "xt_test", t.question_id, t.by_id, row, col, "p", test ? Value(test->p) : "NA");
    }
  }
  if (t.chi_square) {
    Line(out, "chisq", t.question_id, t.by_id, "", "", "X2", Value(t.chi_square->statistic));
    Line(out, "chisq", t.question_id, t.by_id, "", "", "df", Value(t.chi_square->df));
    Line(out, "chisq", t.question_id, t.by_id, "", "", "p", Value(t.chi_square->p));
  }
}

void NumberLines(const NumberBreakdown& nb, std::string* out) {
  for (size_t i = 1; i < nb.cells.size(); ++i) {  // groups only, as the workload
    const NumberBreakdown::Cell& c = nb.cells[i];
    std::string col = std::to_string(c.code);
    bool any = c.summary.n > 0 && !c.suppressed;
    Line(out, "num", nb.question_id, nb.by_id, "", col, "n",
         Value(static_cast<double>(c.summary.n)));
    Line(out, "num", nb.question_id, nb.by_id, "", col, "mean", any ? Value(c.summary.mean) : "NA");
    Line(out, "num", nb.question_id, nb.by_id, "", col, "median",
         any ? Value(c.summary.median) : "NA");
    Line(out, "num", nb.question_id, nb.by_id, "", col, "max", any ? Value(c.summary.max) : "NA");
  }
}

}  // namespace

std::string RenderAnalysisLong(const AnalysisReport& report) {
  std::string out = RenderTallyLong(report.tally);
  if (const std::optional<WeightingSummary>& w = report.weighting) {
    const std::string& id = report.spec.weighting.id;
    Line(&out, "weighting", id, "", "", "", "n", Value(static_cast<double>(w->respondents)));
    Line(&out, "weighting", id, "", "", "", "sum", Value(w->sum_weights));
    Line(&out, "weighting", id, "", "", "", "neff", Value(w->effective_n));
    Line(&out, "weighting", id, "", "", "", "unknown", Value(static_cast<double>(w->unknown)));
  }
  for (const CrossTable& t : report.cross_tables) CrossLines(t, &out);
  for (const NumberBreakdown& nb : report.numbers) NumberLines(nb, &out);
  for (const WaveComparison& w : report.waves) {
    auto pct = [](const std::optional<double>& v) { return v ? Value(*v) : std::string("NA"); };
    auto shown = [](const WaveRow& r, std::string v) { return r.suppressed ? "x" : v; };
    Line(&out, "wave", w.question_id, "", "base", "previous", "n",
         Value(static_cast<double>(w.previous_n)));
    Line(&out, "wave", w.question_id, "", "base", "current", "n",
         Value(static_cast<double>(w.current_n)));
    for (const WaveRow& r : w.rows) {
      std::string row = std::to_string(r.code);
      Line(&out, "wave", w.question_id, "", row, "previous", "pct", shown(r, pct(r.previous)));
      Line(&out, "wave", w.question_id, "", row, "current", "pct", shown(r, pct(r.current)));
      Line(&out, "wave", w.question_id, "", row, "diff", "z", r.test ? Value(r.test->z) : "NA");
      Line(&out, "wave", w.question_id, "", row, "diff", "p", r.test ? Value(r.test->p) : "NA");
    }
  }
  return out;
}

}  // namespace chosa
