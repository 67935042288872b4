// Cross tables (クロス集計) of a question by the groups of a single-answer question, as seeds 001
// and 002 show them: the total row first, then one row per group with its base n, counts and
// percents of the respondents who answered, a mark on small bases, a chi-square test (single
// answers) and a per-cell test of each group against the total.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "analysis/analysis_file.h"
#include "analysis/significance.h"
#include "tabulation/dataset.h"
#include "tabulation/simple_tally.h"
#include "tabulation/table.h"

namespace chosa {

// One row of a cross table: the total or one group.
struct CrossRow {
  int code = 0;  // the group's option code; 0 for the total
  std::string label;
  int64_t base = 0;  // respondents in the row who answered the question (unweighted)
  double base_weighted = 0;
  bool small = false;      // base below the analysis's small_base: a reference value
  std::vector<int64_t> n;  // per option of the question, in questionnaire order
  std::vector<double> weighted;
  // Per option, this group against the total (empty for the total): the test where defined,
  // and its mark at the analysis's levels.
  std::vector<std::optional<ProportionTest>> tests;
  std::vector<CellMark> marks;
  std::vector<bool> suppressed;  // per option, withheld by disclosure control (empty: none)
  // The percent of option `i` among the row's base (weighted when the data is); nullopt when
  // the base is empty.
  std::optional<double> Percent(size_t i) const;
};

struct CrossTable {
  std::string question_id;  // grids: "<question>_<item>"
  std::string number, title;
  QuestionType type = QuestionType::kSingle;
  std::string by_id, by_title;
  std::vector<int> codes;  // the question's options (then kNoAnswerCode when no-answers are
                           // counted: last, no tests, not in chi-square)
  std::vector<std::string> labels;
  bool weighted = false;
  CrossRow total;                           // everyone who answered, the group known or not
  std::vector<CrossRow> groups;             // every option of `by`, in its order
  std::optional<ChiSquareTest> chi_square;  // single answers, groups x options, unweighted
};

// A number question summarised per group (the total first).
struct NumberBreakdown {
  std::string question_id, number, title, unit;
  std::string by_id, by_title;
  struct Cell {
    int code = 0;  // 0 for the total
    std::string label;
    NumberSummary summary;
    bool suppressed = false;  // disclosure control: only n is kept
  };
  std::vector<Cell> cells;
};

// The groups of a grouping question `by` (single or prefecture): per respondent, the position of
// the chosen option, -1 when not answered.
struct Grouping {
  int by = -1;
  int levels = 0;               // the options of `by`
  std::vector<int16_t> groups;  // per respondent: the group, or -1
  std::vector<uint16_t> rows;   // per respondent: the group, or `levels` when unknown
};
Grouping GroupsOf(const Dataset& data, int by);

// The groupings `by` combined: one group per combination of their rows (the first grouping
// varying fastest), for counting once instead of once per grouping. Nullopt for fewer than two
// groupings or more than 4,096 combinations.
std::optional<Grouping> JointGrouping(const std::vector<const Grouping*>& by);

// The cross tables of question `question` (grid: its item `item`, else -1) by each grouping, in
// one pass over the respondents. `chi_square[i]` asks for the test by grouping i. `joint`, when
// given, is JointGrouping(by) (the same tables, counted faster). `total`, when given, receives
// the counts of the question's simple tally (TallyTable), gathered in the same pass.
std::vector<CrossTable> CrossTabulate(const Dataset& data, int question, int item,
                                      const std::vector<const Grouping*>& by,
                                      const std::vector<bool>& chi_square,
                                      const AnalysisSettings& settings,
                                      const Grouping* joint = nullptr,
                                      TallyCounts* total = nullptr);

NumberBreakdown SummarizeNumbers(const Dataset& data, int question, const Grouping& by);

}  // namespace chosa
