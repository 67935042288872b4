#include "tabulation/output/json_writer.h"

#include <nlohmann/json.hpp>

#include "tabulation/output/display.h"

namespace chosa {
namespace {

using nlohmann::ordered_json;

std::string TypeKey(QuestionType t) { return std::string(QuestionTypeName(t)); }

std::string RowKindKey(RowKind k) {
  switch (k) {
    case RowKind::kOption:
      return "option";
    case RowKind::kNoAnswer:
      return "no_answer";
    case RowKind::kNotApplicable:
      return "not_applicable";
  }
  return "";
}

ordered_json TableJson(const Table& t) {
  ordered_json j;
  j["question"] = t.question_id;
  j["number"] = t.number;
  j["title"] = t.title;
  j["type"] = TypeKey(t.type);
  j["percent_of"] = t.percent_of == PercentOf::kMentions ? "mentions" : "cases";
  j["decimals"] = t.decimals;
  j["bases"] = ordered_json::array();
  for (const TallyBase& b : t.bases) {
    j["bases"].push_back({{"kind", BaseKey(b.kind)},
                          {"label", BaseName(b.kind)},
                          {"n", b.n},
                          {"weighted", b.weighted}});
  }
  j["counts"] = {{"answered", t.answered},
                 {"no_answer", t.no_answer},
                 {"not_applicable", t.not_applicable},
                 {"mentions", t.mentions}};
  j["rows"] = ordered_json::array();
  for (const TableRow& r : t.rows) {
    ordered_json row;
    row["kind"] = RowKindKey(r.kind);
    if (r.kind == RowKind::kOption && t.type != QuestionType::kText &&
        t.type != QuestionType::kTextArea) {
      row["code"] = r.code;
    }
    row["label"] = r.label;
    if (r.other) row["other"] = true;
    row["n"] = r.suppressed ? ordered_json(nullptr) : ordered_json(r.n);
    row["weighted"] = r.suppressed ? ordered_json(nullptr) : ordered_json(r.weighted);
    if (r.suppressed) row["suppressed"] = true;
    ordered_json pct = ordered_json::array(), shown = ordered_json::array();
    for (size_t i = 0; i < t.bases.size(); ++i) {
      pct.push_back(r.percents[i] ? ordered_json(*r.percents[i]) : ordered_json(nullptr));
      shown.push_back(DisplayPercent(t, r, i));
    }
    row["percent"] = pct;
    row["display"] = shown;
    j["rows"].push_back(std::move(row));
  }
  if (t.summary) {
    const NumberSummary& s = *t.summary;
    j["summary"] = {{"n", s.n},
                    {"mean", s.mean},
                    {"median", s.median},
                    {"min", s.min},
                    {"max", s.max},
                    {"sd", s.sd},
                    {"weighted_mean", s.weighted_mean}};
  }
  j["texts"] = ordered_json::array();
  for (const auto& [code, text] : t.texts) j["texts"].push_back({{"code", code}, {"text", text}});
  return j;
}

}  // namespace

std::string RenderTallyJson(const TallyReport& report) {
  ordered_json j;
  j["format"] = "chosa-tally/1";
  j["survey"] = {
      {"id", report.survey_id}, {"version", report.survey_version}, {"title", report.title}};
  j["respondents"] = report.respondents;
  j["weighted"] = !report.weight_variable.empty();
  j["weight_variable"] =
      report.weight_variable.empty() ? ordered_json(nullptr) : ordered_json(report.weight_variable);
  j["total_weight"] = report.total_weight;
  j["tables"] = ordered_json::array();
  for (const Table& t : report.tables) j["tables"].push_back(TableJson(t));
  // Invalid UTF-8 (impossible after import normalisation) is replaced rather than thrown.
  return j.dump(1, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
}

}  // namespace chosa
