// Comparison with a previous survey wave (前回調査), as seed 002 shows it ("前回調査(n=4215) /
// 今回調査(n=4074)"): per option the previous and the current percent, the difference in points
// and a two-sided test of the difference (two independent proportions, pooled:
// z = (p2 − p1) / sqrt(p (1 − p) (1/n1 + 1/n2)), p = (x1 + x2) / (n1 + n2), x = n · percent / 100).
// The previous wave comes from its stored answers or, when the old microdata is not available,
// from its published figures alone (percents and n).
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "analysis/significance.h"
#include "questionnaire/source_location.h"
#include "tabulation/dataset.h"
#include "tabulation/table.h"

namespace chosa {

// One wave's figures: per question, its base n and the percent of each option code (single
// answers: of those who answered; multiple answers: of respondents who answered). Counting
// no-answers (settings.base: applicable) puts them in the base and under kNoAnswerCode.
struct WaveFigures {
  struct Question {
    int64_t n = 0;
    std::map<int, double> percents;
  };
  std::map<std::string, Question> questions;
};

// A previous wave named in the analysis file: its answers (a survey in the same database) or
// its published figures.
struct WaveSpec {
  std::string id;
  std::string label = "前回調査";
  std::string survey;                  // load the answers of this survey (latest version)
  WaveFigures figures;                 // or these figures (when `survey` is empty)
  std::vector<std::string> questions;  // the questions to compare
  SourceLocation location;
};

// The figures of `questions` (single, prefecture, multi; grid items as "<question>_<item>") in
// `data`. Questions the data does not have are left out.
WaveFigures FiguresOf(const Dataset& data, const std::vector<std::string>& questions,
                      bool count_no_answer = false);

struct WaveRow {
  int code = 0;
  std::string label;
  std::optional<double> previous, current;  // percents; unset where the wave has no figure
  std::optional<ProportionTest> test;
  CellMark mark = CellMark::kNone;  // the current wave higher / lower than the previous
  bool suppressed = false;          // withheld by disclosure control
};

struct WaveComparison {
  std::string question_id, number, title;
  QuestionType type = QuestionType::kSingle;
  std::string previous_label, current_label = "今回調査";
  int64_t previous_n = 0, current_n = 0;
  std::vector<WaveRow> rows;  // the current questionnaire's options
};

// Compares `question` of the current data with the previous wave's figures. Nullopt when the
// previous wave has no figures for it.
// With `count_no_answer`, a 無回答 row (kNoAnswerCode) follows the options.
std::optional<WaveComparison> CompareWaves(const Dataset& current, const std::string& question,
                                           const WaveFigures& previous,
                                           const std::string& previous_label, double loose_level,
                                           double strict_level, bool count_no_answer = false);

// Two independent proportions, pooled; nullopt when undefined (an empty wave, or p 0 or 1).
std::optional<ProportionTest> TwoProportions(double x1, double n1, double x2, double n2);

}  // namespace chosa
