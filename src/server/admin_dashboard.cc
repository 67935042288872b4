// The survey dashboard of the administrator console: responses by status and day, completion,
// drop-off by page, and live simple tallies of the completed responses with a chart each.
#include <fmt/format.h>

#include <cmath>
#include <map>
#include <nlohmann/json.hpp>

#include "server/web_app.h"
#include "storage/survey_catalog.h"
#include "tabulation/dataset_builder.h"
#include "tabulation/output/display.h"
#include "tabulation/simple_tally.h"

namespace chosa::web {

HttpResponse WebApp::AdminSurvey(const Admin& admin, const Served& served) const {
  const Questionnaire& qn = *served.questionnaire;
  const std::string& survey_id = qn.id;
  int pages = static_cast<int>(qn.sections.size());
  int64_t complete = 0, in_progress = 0, web = 0, file = 0;
  std::map<std::string, std::pair<int64_t, int64_t>> by_day;  // date -> (started, completed)
  std::vector<int64_t> stopped(static_cast<size_t>(pages) + 2, 0);
  Check(Db().ScanResponses(survey_id, {}, [&](const ResponseRecord& r) {
    bool done = r.status == ResponseStatus::kComplete;
    (done ? complete : in_progress)++;
    (r.channel == Channel::kWeb ? web : file)++;
    std::optional<int64_t> created = ParseIso8601(r.created_at);
    auto& day = by_day[created ? FormatJst(*created).substr(0, 10) : r.created_at.substr(0, 10)];
    ++day.first;
    if (done) ++day.second;
    if (!done) stopped[std::clamp(r.progress, 1, pages + 1)]++;
    return Status::Ok();
  }));
  View v;
  v.set("survey_id", survey_id);
  v.set("now", FormatJst(clock_.NowMicros()));
  v.set("refresh", std::to_string(std::max(1, config_.dashboard_refresh_seconds)));
  v.set("title", qn.title);
  v.set("complete", std::to_string(complete));
  v.set("in_progress", std::to_string(in_progress));
  v.set("web", std::to_string(web));
  v.set("file", std::to_string(file));
  v.set("completion", complete + in_progress > 0
                          ? FormatPercent(complete, complete + in_progress, 1)
                          : std::string("-"));
  View days{View::type::list};
  for (const auto& [date, counts] : by_day) {
    View d;
    d.set("date", date);
    d.set("started", std::to_string(counts.first));
    d.set("completed", std::to_string(counts.second));
    days.push_back(d);
  }
  v.set("days", days);
  View dropoff{View::type::list};
  for (int p = 1; p <= pages + 1; ++p) {
    View d;
    d.set("page", p <= pages ? fmt::format("{}. {}", p, qn.sections[p - 1].title)
                             : std::string("確認画面"));
    d.set("count", std::to_string(stopped[p]));
    d.set("share",
          in_progress > 0 ? FormatPercent(stopped[p], in_progress, 1) : std::string("0.0"));
    dropoff.push_back(d);
  }
  v.set("dropoff", dropoff);

  // Live simple tallies of the completed responses.
  SurveyCatalog catalog(Db());
  Dataset data(qn);
  Check(LoadDatasetFromStorage(Db(), catalog, {}, &data));
  TallyReport report = SimpleTally(data);
  View tables{View::type::list};
  for (const Table& t : report.tables) {
    if (t.type == QuestionType::kText || t.type == QuestionType::kTextArea) continue;
    View table;
    table.set("number", t.number);
    table.set("title", t.title);
    table.set("kind", TypeName(t.type));
    table.set("base", t.bases.empty() ? std::string("0") : std::to_string(t.bases[0].n));
    View rows{View::type::list};
    nlohmann::json chart = {{"labels", nlohmann::json::array()},
                            {"values", nlohmann::json::array()}};
    for (const TableRow& row : t.rows) {
      chart["labels"].push_back(row.label);
      chart["values"].push_back(row.percents.empty() || !row.percents[0]
                                    ? nlohmann::json(nullptr)
                                    : nlohmann::json(std::round(*row.percents[0] * 10) / 10));
      View rv;
      rv.set("label", row.label);
      rv.set("n", std::to_string(row.n));
      std::string pct = DisplayPercent(t, row, 0);
      rv.set("pct", pct);
      rv.set("bar", pct == "―" || pct == "-" ? std::string("0") : pct);
      rows.push_back(rv);
    }
    table.set("rows", rows);
    if (!t.rows.empty()) table.set("chart", chart.dump());  // escaped into an attribute
    tables.push_back(table);
  }
  v.set("tables", tables);
  v.set("respondents", std::to_string(report.respondents));
  return AdminSurveyPage(admin, served, "admin_survey", v, "", "");
}

}  // namespace chosa::web
