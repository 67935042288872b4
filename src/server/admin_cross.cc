// The cross tables of the administrator console: the survey's analysis file
// (data/analyses/<survey>.analysis.yaml, docs/analysis.md) applied to the completed responses
// live — the same tables, marks and tests as `chosa analyze` and the report, with a stacked bar
// chart each. Previous waves read from other surveys are left to the report.
#include <fmt/format.h>

#include <cmath>
#include <filesystem>
#include <nlohmann/json.hpp>

#include "analysis/analysis.h"
#include "analysis/output/text_writer.h"
#include "questionnaire/builtin.h"
#include "server/web_app.h"
#include "storage/survey_catalog.h"
#include "tabulation/dataset_builder.h"
#include "tabulation/simple_tally.h"

namespace chosa::web {
namespace {

View CrossView(const CrossTable& t, const AnalysisSettings& s) {
  View b;
  b.set("heading",
        (t.number.empty() || t.number == t.question_id ? t.title : t.number + "　" + t.title) +
            " × " + t.by_title);
  View head{View::type::list};
  for (const std::string& l : t.labels) head.push_back(View("label", l));
  b.set("head", head);
  std::vector<const CrossRow*> all = {&t.total};
  for (const CrossRow& g : t.groups) all.push_back(&g);
  nlohmann::json chart = {{"labels", nlohmann::json::array()},
                          {"datasets", nlohmann::json::array()}};
  for (size_t i = 0; i < t.labels.size(); ++i)
    chart["datasets"].push_back({{"label", t.labels[i]}, {"data", nlohmann::json::array()}});
  View rows{View::type::list};
  for (const CrossRow* r : all) {
    View row;
    row.set("label", r->label);
    row.set("n", (r->small ? s.small_base_mark : "") + std::to_string(r->base));
    chart["labels"].push_back(fmt::format("{}（n={}）", r->label, r->base));
    View cells{View::type::list};
    for (size_t i = 0; i < t.codes.size(); ++i) {
      cells.push_back(View("pct", CrossCellText(*r, i, 1)));
      std::optional<double> p = r->Percent(i);  // unset when withheld
      chart["datasets"][i]["data"].push_back(p ? nlohmann::json(std::round(*p * 10) / 10)
                                               : nlohmann::json(nullptr));
    }
    row.set("cells", cells);
    rows.push_back(row);
  }
  b.set("rows", rows);
  if (t.type != QuestionType::kMulti) b.set("chart", chart.dump());  // escaped into an attribute
  if (t.chi_square) b.set("chi", ChiSquareText(*t.chi_square));
  return b;
}

}  // namespace

HttpResponse WebApp::AdminCross(const Admin& admin, const Served& served) const {
  const Questionnaire& qn = *served.questionnaire;
  View v;
  std::string path = DataDir() + "/analyses/" + qn.id + ".analysis.yaml";
  if (!std::filesystem::exists(path)) {
    v.set("missing", "data/analyses/" + qn.id + ".analysis.yaml");
    v.set("respondents", "0");
    return AdminSurveyPage(admin, served, "admin_cross", v, "クロス集計", "/cross");
  }
  AnalysisLoad load = LoadAnalysisFile(path);
  std::vector<Diagnostic> problems = load.diagnostics;
  if (load.spec) {
    std::vector<Diagnostic> more = CheckAnalysis(*load.spec, qn);
    problems.insert(problems.end(), more.begin(), more.end());
  }
  SurveyCatalog catalog(Db());
  Dataset data(qn);
  Check(LoadDatasetFromStorage(Db(), catalog, {}, &data));
  v.set("respondents", std::to_string(data.size()));
  std::optional<PreparedData> prepared;  // holds the questionnaire `data` refers to from then on
  if (load.spec && problems.empty()) {
    std::erase_if(load.spec->waves, [](const WaveSpec& w) { return !w.survey.empty(); });
    Result<PreparedData> p = Prepare(*load.spec, &data);
    if (p.ok()) {
      prepared = std::move(*p);
    } else {
      problems.push_back(Diagnostic{{path, 0, 0}, "weighting", p.status().message(), false});
    }
  }
  if (!problems.empty()) {
    View list{View::type::list};
    for (const Diagnostic& d : problems) list.push_back(View("text", d.ToString()));
    v.set("problems", list);
    v.set("has_problems", true);
    return AdminSurveyPage(admin, served, "admin_cross", v, "クロス集計", "/cross");
  }
  AnalysisReport report = Analyze(data, *load.spec);  // its simple tallies are on the dashboard
  const AnalysisSettings& s = load.spec->settings;
  v.set("analysis_title", load.spec->title.empty() ? load.spec->id : load.spec->title);
  v.set("legend", CrossLegend(s));
  View crosses{View::type::list};
  for (const CrossTable& t : report.cross_tables) crosses.push_back(CrossView(t, s));
  v.set("crosses", crosses);
  return AdminSurveyPage(admin, served, "admin_cross", v, "クロス集計", "/cross");
}

}  // namespace chosa::web
