// The analysis file (docs/analysis.md): what a report adds to the simple tallies, kept
// apart from code — breakdowns (cross tables by a grouping question, with tests and number
// summaries) and the settings for small bases and significance marks. Loaded from YAML with
// every problem reported as file:line:column in Japanese, and checked against the questionnaire.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "analysis/derived.h"
#include "analysis/waves.h"
#include "analysis/weighting.h"
#include "questionnaire/questionnaire.h"
#include "questionnaire/source_location.h"

namespace chosa {

struct AnalysisSettings {
  int small_base = 30;                // groups with base n below this are reference values
  std::string small_base_mark = "※";  // shown beside their n
  double loose_level = 0.95;          // △ / ▽
  double strict_level = 0.99;         // ▲ / ▼
  int suppress_below = 0;  // disclosure control: counts 1..suppress_below-1 withheld; 0 = off
  // settings.base: `answered` (default) leaves 無回答 out of cross tables and wave percents;
  // `applicable` keeps them in the base and shows them as a 無回答 column (seed 002's charts).
  bool base_applicable = false;
};

// Cross tables of `questions` (all tabulated questions when empty) by the groups of `by`.
struct Breakdown {
  std::string by;  // a single-answer or prefecture question
  std::vector<std::string> questions;
  bool chi_square = true;  // Pearson chi-square per single-answer table
  bool numbers = true;     // number questions summarised per group
  SourceLocation location;
};

// The survey outline a report opens with (seed 002's 調査概要): labelled lines (purpose, method,
// period, invitations) and tables such as the allocation of the sample. Text only, escaped.
struct ReportOutline {
  struct Item {
    std::string label, text;
  };
  struct Table {
    std::string title;
    std::vector<std::string> header;
    std::vector<std::vector<std::string>> rows;
  };
  std::vector<Item> items;
  std::vector<Table> tables;
};

struct AnalysisSpec {
  std::string id;
  std::string title;
  std::string survey;  // the survey id it is written for; empty = any
  ReportOutline outline;
  AnalysisSettings settings;
  std::vector<DerivedVariable> derived;
  WeightingSpec weighting;  // method kNone when the file has none
  std::vector<Breakdown> breakdowns;
  std::vector<WaveSpec> waves;  // previous waves to compare with
};

struct AnalysisLoad {
  std::optional<AnalysisSpec> spec;  // set only when there are no errors
  std::vector<Diagnostic> diagnostics;
};

AnalysisLoad LoadAnalysisText(std::string_view yaml, const std::string& source_name);
AnalysisLoad LoadAnalysisFile(const std::string& path);

// Problems of `spec` against the questionnaire it is applied to: derived variables (CheckDerived),
// unknown or personal question ids, a `by` that is not a single-answer or prefecture question
// (derived variables may be used as `by` and in `questions`).
std::vector<Diagnostic> CheckAnalysis(const AnalysisSpec& spec, const Questionnaire& qn);

}  // namespace chosa
