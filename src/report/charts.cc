#include "report/charts.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>

namespace chosa {
namespace {

using nlohmann::json;

double Round1(double x) { return std::floor(x * 10 + 0.5) / 10; }

json Base(int categories) {
  return {{"animation", false},
          {"textStyle", {{"fontFamily", "Noto Sans CJK JP, sans-serif"}, {"fontSize", 11}}},
          {"grid", {{"left", 8}, {"right", 40}, {"top", 8}, {"bottom", 8}, {"containLabel", true}}},
          {"height_px", 40 + 28 * std::max(categories, 1)}};
}

json PercentAxis() {
  return {{"type", "value"}, {"max", 100}, {"axisLabel", {{"formatter", "{value}%"}}}};
}

json Categories(std::vector<std::string> labels) {
  return {{"type", "category"},
          {"inverse", true},
          {"data", labels},
          {"axisLabel", {{"width", 220}, {"overflow", "break"}}}};
}

// Horizontal bars, one series; `labels` and `values` in display order.
json Bars(const std::vector<std::string>& labels, const std::vector<double>& values) {
  json o = Base(static_cast<int>(labels.size()));
  o["xAxis"] = PercentAxis();
  o["yAxis"] = Categories(labels);
  o["series"] =
      json::array({{{"type", "bar"},
                    {"data", values},
                    {"label", {{"show", true}, {"position", "right"}, {"formatter", "{c}%"}}}}});
  return o;
}

// 100% stacked horizontal bars: one category per row, one series per option.
json Stacked(const std::vector<std::string>& rows, const std::vector<std::string>& options,
             const std::vector<std::vector<double>>& percents) {
  json o = Base(static_cast<int>(rows.size()) + 1);
  o["legend"] = {{"bottom", 0}};
  o["grid"]["bottom"] = 24 + 22 * static_cast<int>((options.size() + 5) / 6);  // legend lines
  o["height_px"] = o["height_px"].get<int>() + o["grid"]["bottom"].get<int>();
  o["xAxis"] = PercentAxis();
  o["yAxis"] = Categories(rows);
  o["series"] = json::array();
  for (size_t i = 0; i < options.size(); ++i) {
    json data = json::array();
    for (const std::vector<double>& row : percents) {  // no "0" written on empty segments
      data.push_back(row[i] > 0 ? json(row[i]) : json{{"value", 0}, {"label", {{"show", false}}}});
    }
    o["series"].push_back({{"type", "bar"},
                           {"name", options[i]},
                           {"stack", "total"},
                           {"data", data},
                           {"label", {{"show", true}, {"formatter", "{c}"}}}});
  }
  return o;
}

// Grouped horizontal bars: one category per option, one series per group.
json Grouped(const std::vector<std::string>& options, const std::vector<std::string>& groups,
             const std::vector<std::vector<double>>& percents) {
  json o = Base(static_cast<int>(options.size() * std::max<size_t>(1, groups.size() / 2)) + 1);
  o["legend"] = {{"bottom", 0}};
  o["grid"]["bottom"] = 24 + 22 * static_cast<int>((groups.size() + 3) / 4);
  o["height_px"] = o["height_px"].get<int>() + o["grid"]["bottom"].get<int>();
  o["xAxis"] = PercentAxis();
  o["yAxis"] = Categories(options);
  o["series"] = json::array();
  for (size_t g = 0; g < groups.size(); ++g) {
    o["series"].push_back(
        {{"type", "bar"},
         {"name", groups[g]},
         {"data", percents[g]},
         {"label", {{"show", true}, {"position", "right"}, {"formatter", "{c}%"}}}});
  }
  return o;
}

}  // namespace

json TallyChart(const Table& t) {
  // The options, then 無回答 where it has a percent (seed 002 draws it, last).
  std::vector<std::string> labels;
  std::vector<double> values;
  size_t options = 0;
  for (const TableRow& r : t.rows) {
    if (r.kind == RowKind::kNotApplicable || r.suppressed || r.percents.empty() || !r.percents[0]) {
      continue;
    }
    if (r.kind == RowKind::kNoAnswer && r.n == 0) continue;
    labels.push_back(r.label);
    values.push_back(Round1(*r.percents[0]));
    if (r.kind == RowKind::kOption) ++options;
  }
  if (t.type == QuestionType::kMulti) {  // options sorted by percent, as the seeds do
    std::vector<size_t> order(labels.size());
    for (size_t i = 0; i < order.size(); ++i) order[i] = i;
    std::stable_sort(order.begin(), order.begin() + static_cast<long>(options),
                     [&](size_t a, size_t b) { return values[a] > values[b]; });
    std::vector<std::string> l;
    std::vector<double> v;
    for (size_t i : order) {
      l.push_back(labels[i]);
      v.push_back(values[i]);
    }
    return Bars(l, v);
  }
  int64_t n = t.bases.empty() ? t.answered : t.bases[0].n;
  std::vector<std::vector<double>> one = {values};
  return Stacked({fmt::format("全体（n={}）", n)}, labels, one);
}

json CrossChart(const CrossTable& t) {
  std::vector<const CrossRow*> rows = {&t.total};
  for (const CrossRow& g : t.groups)  // groups nobody is in have no bar
    if (g.base > 0) rows.push_back(&g);
  std::vector<std::string> row_labels;
  std::vector<std::vector<double>> percents;
  for (const CrossRow* r : rows) {
    row_labels.push_back(fmt::format("{}（n={}）", r->label, r->base));
    std::vector<double> p;
    for (size_t i = 0; i < t.codes.size(); ++i) p.push_back(Round1(r->Percent(i).value_or(0)));
    percents.push_back(p);
  }
  if (t.type == QuestionType::kMulti) return Grouped(t.labels, row_labels, percents);
  return Stacked(row_labels, t.labels, percents);
}

json WaveChart(const WaveComparison& w) {
  std::vector<std::string> options;
  std::vector<std::vector<double>> percents(2);
  for (const WaveRow& r : w.rows) {
    options.push_back(r.label);
    percents[0].push_back(Round1(r.previous.value_or(0)));
    percents[1].push_back(Round1(r.current.value_or(0)));
  }
  return Grouped(options,
                 {fmt::format("{}(n={})", w.previous_label, w.previous_n),
                  fmt::format("{}(n={})", w.current_label, w.current_n)},
                 percents);
}

}  // namespace chosa
