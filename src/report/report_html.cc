#include "report/report_html.h"

#include <fmt/format.h>

#include <filesystem>
#include <kainjow/mustache.hpp>

#include "analysis/output/text_writer.h"
#include "base/file.h"
#include "report/charts.h"
#include "report/findings.h"

namespace chosa {
namespace {

using kainjow::mustache::data;
using kainjow::mustache::list;
using kainjow::mustache::mustache;

std::string Heading(const std::string& number, const std::string& title, const std::string& id) {
  return number.empty() || number == id || number == title ? title : number + "　" + title;
}

// Chart JSON safe inside <script type="application/json">: no "<" at all (\u003c in strings).
std::string ChartJson(const nlohmann::json& option) {
  std::string out;
  for (char c : option.dump()) {
    if (c == '<') {
      out += "\\u003c";
    } else {
      out += c;
    }
  }
  return out;
}

data Chart(const nlohmann::json& option) {
  data d;
  d.set("json", ChartJson(option));
  d.set("height", std::to_string(option.value("height_px", 200)));
  return d;
}

data TallyBlock(const Table& t) {
  data b;
  b.set("id", t.question_id);
  b.set("heading", Heading(t.number, t.title, t.question_id));
  std::string finding = TallyFinding(t);
  if (!finding.empty()) b.set("finding", "▪ " + finding);
  bool choice = t.type == QuestionType::kSingle || t.type == QuestionType::kMulti ||
                t.type == QuestionType::kPrefecture || t.type == QuestionType::kGrid;
  if (choice) b.set("chart", Chart(TallyChart(t)));
  list rows;
  for (const TableRow& r : t.rows) {
    data row;
    row.set("label", r.label);
    row.set("n", r.suppressed ? std::string("x") : std::to_string(r.n));
    row.set("pct", r.suppressed                             ? std::string("x")
                   : (!r.percents.empty() && r.percents[0]) ? ReportPercent(*r.percents[0])
                                                            : std::string("―"));
    rows.push_back(row);
  }
  b.set("rows", rows);
  int64_t n = t.bases.empty() ? t.answered : t.bases[0].n;
  b.set("n", std::to_string(n));
  b.set("kind", t.type == QuestionType::kMulti ? "複数回答" : "単一回答");
  if (t.summary) {
    const NumberSummary& s = *t.summary;
    b.set("summary", fmt::format("回答者 {}、平均 {:.2f}、中央値 {:g}、最小 {:g}、最大 {:g}", s.n,
                                 s.mean, s.median, s.min, s.max));
  }
  list texts;
  for (const auto& [code, text] : t.texts) {
    data x;
    x.set("text", text);
    texts.push_back(x);
  }
  if (!t.texts.empty()) {
    b.set("texts", texts);
    b.set("has_texts", true);
  }
  return b;
}

data CrossBlock(const CrossTable& t, const AnalysisSettings& s) {
  data b;
  b.set("heading", Heading(t.number, t.title, t.question_id) + " × " + t.by_title);
  b.set("chart", Chart(CrossChart(t)));
  list head;
  for (const std::string& l : t.labels) head.push_back(data("label", l));
  b.set("head", head);
  list rows;
  std::vector<const CrossRow*> all = {&t.total};
  for (const CrossRow& g : t.groups) all.push_back(&g);
  for (const CrossRow* r : all) {
    data row;
    row.set("label", r->label);
    row.set("n", (r->small ? s.small_base_mark : "") + std::to_string(r->base));
    list cells;
    for (size_t i = 0; i < t.codes.size(); ++i)
      cells.push_back(data("pct", CrossCellText(*r, i, 1)));
    row.set("cells", cells);
    rows.push_back(row);
  }
  b.set("rows", rows);
  if (t.chi_square) b.set("chi", ChiSquareText(*t.chi_square));
  return b;
}

data WaveBlock(const WaveComparison& w) {
  data b;
  b.set("heading", Heading(w.number, w.title, w.question_id));
  std::string finding = WaveFinding(w);
  if (!finding.empty()) b.set("finding", "▪ " + finding);
  b.set("chart", Chart(WaveChart(w)));
  b.set("previous", fmt::format("{}(n={})", w.previous_label, w.previous_n));
  b.set("current", fmt::format("{}(n={})", w.current_label, w.current_n));
  list rows;
  for (const WaveRow& r : w.rows) {
    data row;
    row.set("label", r.label);
    auto pct = [&](const std::optional<double>& v) {
      return r.suppressed ? std::string("x") : v ? ReportPercent(*v) : std::string("-");
    };
    row.set("previous", pct(r.previous));
    row.set("current", pct(r.current));
    row.set("diff", r.suppressed || !r.previous || !r.current
                        ? std::string(r.suppressed ? "x" : "-")
                        : fmt::format("{:+.1f}{}", *r.current - *r.previous, MarkText(r.mark)));
    rows.push_back(row);
  }
  b.set("rows", rows);
  return b;
}

}  // namespace

Result<std::string> RenderReportHtml(const ReportInput& input, const std::string& data_dir) {
  const AnalysisReport& report = *input.report;
  CHOSA_ASSIGN_OR_RETURN(std::string templ, ReadFile(data_dir + "/report/report.mustache"));
  CHOSA_ASSIGN_OR_RETURN(std::string echarts,
                         ReadFile(data_dir + "/vendor/node_modules/echarts/dist/echarts.min.js"));
  mustache page(templ);
  if (!page.is_valid()) return Status::Internal("report.mustache: " + page.error_message());
  data d;
  d.set("title", report.spec.title.empty() ? input.survey_title : report.spec.title);
  d.set("survey_title", input.survey_title);
  d.set("survey", fmt::format("{}（版 {}）", input.survey_id, input.survey_version));
  d.set("respondents", std::to_string(report.tally.respondents));
  d.set("generated_at", input.generated_at);
  const ReportOutline& outline = report.spec.outline;
  list items, outline_tables;
  for (const ReportOutline::Item& i : outline.items) {
    data item;
    item.set("label", i.label);
    item.set("text", i.text);
    items.push_back(item);
  }
  for (const ReportOutline::Table& t : outline.tables) {
    data table;
    table.set("title", t.title);
    list head, rows;
    for (const std::string& h : t.header) head.push_back(data("label", h));
    for (const std::vector<std::string>& r : t.rows) {
      list cells;
      for (const std::string& c : r) cells.push_back(data("text", c));
      rows.push_back(data("cells", cells));
    }
    table.set("head", head);
    table.set("rows", rows);
    outline_tables.push_back(table);
  }
  d.set("outline_items", items);
  d.set("outline_tables", outline_tables);
  if (report.weighting) {
    const WeightingSummary& w = *report.weighting;
    d.set("weighting",
          fmt::format("ウエイト「{}」（{}）: 有効標本サイズ {:.1f}、デザイン効果 {:.2f}。"
                      "％はウエイト付き、n はウエイトなしの回答者数",
                      report.spec.weighting.id, w.method, w.effective_n, w.design_effect));
  }
  if (report.spec.settings.suppress_below > 1) {
    d.set("disclosure",
          fmt::format("秘匿処理: 1～{} 人の件数と、引き算で求められる件数を x で示しています",
                      report.spec.settings.suppress_below - 1));
  }
  const AnalysisSettings& s = report.spec.settings;
  d.set("legend", CrossLegend(s));
  list tallies, crosses, waves;
  for (const Table& t : report.tally.tables) tallies.push_back(TallyBlock(t));
  for (const CrossTable& t : report.cross_tables) crosses.push_back(CrossBlock(t, s));
  for (const WaveComparison& w : report.waves) waves.push_back(WaveBlock(w));
  d.set("tallies", tallies);
  d.set("crosses", crosses);
  d.set("has_crosses", !report.cross_tables.empty());
  d.set("waves", waves);
  d.set("has_waves", !report.waves.empty());
  d.set("echarts", echarts);
  std::string html = page.render(d);
  if (!page.is_valid()) return Status::Internal("report.mustache: " + page.error_message());
  return html;
}

}  // namespace chosa
