#include "analysis/output/text_writer.h"

#include <fmt/format.h>

#include <algorithm>

#include "base/text.h"
#include "tabulation/output/text_writer.h"
#include "tabulation/simple_tally.h"

namespace chosa {
namespace {

std::string Heading(const std::string& number, const std::string& title, const std::string& id) {
  return number == title || number == id || number.empty() ? title
                                                           : fmt::format("{}　{}", number, title);
}

std::string Fixed(double x, int decimals) { return fmt::format("{:.{}f}", x, decimals); }

void RenderCross(const CrossTable& t, const AnalysisSettings& s, int decimals, std::string* out) {
  *out += fmt::format("■ {} × {}［{}］\n", Heading(t.number, t.title, t.question_id), t.by_title,
                      t.type == QuestionType::kMulti ? "複数回答・回答者に対する%" : "単一回答・%");
  std::vector<const CrossRow*> rows = {&t.total};
  for (const CrossRow& g : t.groups) rows.push_back(&g);
  int label_width = 8;
  for (const CrossRow* r : rows) label_width = std::max(label_width, DisplayWidth(r->label));
  label_width = std::min(label_width, 30);
  const int n_width = 10, pct_width = 9;
  std::string line = "    " + PadRight("", label_width) + PadLeft("n", n_width);
  for (int code : t.codes) line += PadLeft(fmt::format("[{}]", code), pct_width);
  *out += line + "\n";
  for (const CrossRow* r : rows) {
    std::string n = std::to_string(r->base);  // unweighted n; percents weighted when weighted
    if (r->small) n = s.small_base_mark + n;
    line = "    " + PadRight(r->label, label_width) + PadLeft(n, n_width);
    for (size_t i = 0; i < t.codes.size(); ++i)
      line += PadLeft(CrossCellText(*r, i, decimals), pct_width);
    *out += line + "\n";
  }
  for (size_t i = 0; i < t.codes.size(); ++i)
    *out += fmt::format("      [{}] {}\n", t.codes[i], t.labels[i]);
  if (t.chi_square) *out += "    " + ChiSquareText(*t.chi_square) + "\n";
  *out += "\n";
}

void RenderNumbers(const NumberBreakdown& nb, std::string* out) {
  *out += fmt::format("■ {} × {}［数値{}］\n", Heading(nb.number, nb.title, nb.question_id),
                      nb.by_title, nb.unit.empty() ? "" : "・" + nb.unit);
  int label_width = 8;
  for (const auto& c : nb.cells) label_width = std::max(label_width, DisplayWidth(c.label));
  label_width = std::min(label_width, 30);
  std::string line = "    " + PadRight("", label_width);
  for (const char* h : {"n", "平均", "中央値", "最小", "最大", "標準偏差"}) line += PadLeft(h, 11);
  *out += line + "\n";
  for (const auto& c : nb.cells) {
    line = "    " + PadRight(c.label, label_width) + PadLeft(std::to_string(c.summary.n), 11);
    for (double v :
         {c.summary.mean, c.summary.median, c.summary.min, c.summary.max, c.summary.sd}) {
      line += PadLeft(c.suppressed ? "x" : c.summary.n > 0 ? Fixed(v, 2) : "-", 11);
    }
    *out += line + "\n";
  }
  *out += "\n";
}

void RenderWave(const WaveComparison& w, int decimals, std::string* out) {
  *out += fmt::format("■ {}［前回調査との比較{}］\n", Heading(w.number, w.title, w.question_id),
                      w.type == QuestionType::kMulti ? "・複数回答" : "");
  int label_width = 8;
  for (const WaveRow& r : w.rows) label_width = std::max(label_width, DisplayWidth(r.label));
  label_width = std::min(label_width, 40);
  std::string prev = fmt::format("{}(n={})", w.previous_label, w.previous_n);
  std::string cur = fmt::format("{}(n={})", w.current_label, w.current_n);
  int pw = std::max(10, DisplayWidth(prev) + 2), cw = std::max(10, DisplayWidth(cur) + 2);
  *out += "    " + PadRight("", label_width) + PadLeft(prev, pw) + PadLeft(cur, cw) +
          PadLeft("差(ポイント)", 14) + "\n";
  for (const WaveRow& r : w.rows) {
    if (r.suppressed) {
      *out += "    " + PadRight(r.label, label_width) + PadLeft("x", pw) + PadLeft("x", cw) +
              PadLeft("x", 14) + "\n";
      continue;
    }
    std::string diff = r.previous && r.current ? fmt::format("{:+.{}f}{}", *r.current - *r.previous,
                                                             decimals, MarkText(r.mark))
                                               : "-";
    *out += "    " + PadRight(r.label, label_width) +
            PadLeft(r.previous ? Fixed(*r.previous, decimals) : "-", pw) +
            PadLeft(r.current ? Fixed(*r.current, decimals) : "-", cw) + PadLeft(diff, 14) + "\n";
  }
  *out += "\n";
}

}  // namespace

std::string_view MarkText(CellMark mark) {
  switch (mark) {
    case CellMark::kMuchHigher:
      return "▲";
    case CellMark::kMuchLower:
      return "▼";
    case CellMark::kHigher:
      return "△";
    case CellMark::kLower:
      return "▽";
    case CellMark::kNone:
      break;
  }
  return "";
}

std::string CrossCellText(const CrossRow& row, size_t i, int decimals) {
  if (!row.suppressed.empty() && row.suppressed[i]) return "x";
  std::optional<double> p = row.Percent(i);
  if (!p) return "-";
  return FormatPercent(*p, decimals) + std::string(row.marks.empty() ? "" : MarkText(row.marks[i]));
}

std::string ChiSquareText(const ChiSquareTest& test) {
  return fmt::format("カイ二乗検定: χ² = {:.3f}、自由度 {}、p = {:.4g}", test.statistic, test.df,
                     test.p);
}

std::string CrossLegend(const AnalysisSettings& s) {
  return fmt::format(
      "{}: n が {} 未満（参考値）。▲▼: 全体との差が {:g}% 水準で有意、△▽: {:g}% 水準で有意",
      s.small_base_mark, s.small_base, 100 * (1 - s.strict_level), 100 * (1 - s.loose_level));
}

std::string RenderAnalysisText(const AnalysisReport& report) {
  std::string out;
  if (const std::optional<WeightingSummary>& w = report.weighting) {
    out += fmt::format(
        "ウエイト「{}」（{}）: 回答者 {}、ウエイト合計 {:.1f}、有効標本サイズ {:.1f}（デザイン効果 "
        "{:.2f}）、ウエイト {:.3g}～{:.3g}{}{}\n",
        report.spec.weighting.id, w->method, w->respondents, w->sum_weights, w->effective_n,
        w->design_effect, w->min_weight, w->max_weight,
        w->unknown > 0 ? fmt::format("、層が不明な回答者 {}", w->unknown) : "",
        w->iterations > 0 ? fmt::format("、反復 {} 回", w->iterations) : "");
    for (const std::string& note : w->notes) out += "  注: " + note + "\n";
    out += "％はウエイト付き、n はウエイトなしの回答者数です。\n\n";
  }
  if (int below = report.spec.settings.suppress_below; below > 1) {
    out += fmt::format(
        "秘匿処理: 1～{} 人の件数と、引き算で求められる件数を x で示しています（一次秘匿 {}、"
        "二次秘匿 {}）。\n\n",
        below - 1, report.suppressed_primary, report.suppressed_complementary);
  }
  out += RenderTallyText(report.tally);
  int decimals = report.tally.tables.empty() ? 1 : report.tally.tables.front().decimals;
  if (!report.waves.empty()) {
    out +=
        "\n＝＝ 前回調査との比較 ＝＝\n差の ▲▼: 1% 水準、△▽: 5% "
        "水準で有意（独立な2標本の比率の差の検定）\n\n";
    for (const WaveComparison& w : report.waves) RenderWave(w, decimals, &out);
  }
  if (report.cross_tables.empty() && report.numbers.empty()) return out;
  const AnalysisSettings& s = report.spec.settings;
  out += "\n＝＝ クロス集計 ＝＝\n" + CrossLegend(s) + "\n\n";
  for (const CrossTable& t : report.cross_tables) RenderCross(t, s, decimals, &out);
  for (const NumberBreakdown& nb : report.numbers) RenderNumbers(nb, &out);
  return out;
}

}  // namespace chosa
