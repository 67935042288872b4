// `chosa report`: the analysis as one self-contained HTML file (styles, the ECharts library and
// every chart's data inlined; opens without a network) laid out after seed 002: the survey
// outline, then one block per question — heading, finding sentence, chart, table, the typed
// "その他" answers — then the cross tables and the previous-wave comparisons. Everything taken
// from answers and definitions is HTML-escaped (logic-less Mustache template, escaping by
// default; chart data embedded as JSON without any "<").
#pragma once

#include <string>

#include "analysis/analysis.h"
#include "base/result.h"

namespace chosa {

struct ReportInput {
  const AnalysisReport* report = nullptr;
  std::string survey_title;
  std::string survey_id;
  int survey_version = 0;
  std::string generated_at;  // shown as the date of the report, e.g. "2026-11-22 10:15 (JST)"
};

// Renders with the template data/report/report.mustache and the ECharts build from
// data/vendor/node_modules (paths under `data_dir`).
Result<std::string> RenderReportHtml(const ReportInput& input, const std::string& data_dir);

}  // namespace chosa
