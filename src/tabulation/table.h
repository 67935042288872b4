// The simple tally (単純集計, GT) of one question as a value: its bases, its rows with counts and
// exact percents, and the texts typed for "other" options. Writers in output/ render it; the
// JSON form is documented in docs/tabulation-json.md.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "questionnaire/questionnaire.h"

namespace chosa {

// A denominator: which respondents a percent is of, and how many they are.
struct TallyBase {
  TableBase kind = TableBase::kApplicable;
  int64_t n = 0;        // respondents in the base (unweighted)
  double weighted = 0;  // their total weight (== n when unweighted)
};

enum class RowKind { kOption, kNoAnswer, kNotApplicable };

// The code analyses give a 無回答 column or row when no-answers are counted in the base
// (cross tables and previous waves with settings.base: applicable).
inline constexpr int kNoAnswerCode = -1;

struct TableRow {
  RowKind kind = RowKind::kOption;
  int code = 0;  // kOption
  std::string label;
  bool other = false;   // an "other (specify)" option
  int64_t n = 0;        // respondents (unweighted)
  double weighted = 0;  // their weight (== n when unweighted)
  // One exact percent (0..100) per base, in Table::bases order; nullopt where the row is not part
  // of that base (e.g. 無回答 under base "answered", or any row when percents are of mentions
  // and the row is not an option).
  std::vector<std::optional<double>> percents;
  // Withheld by disclosure control (analysis/disclosure.h): n, weighted and percents are zeroed
  // and every writer shows "x".
  bool suppressed = false;
};

struct NumberSummary {
  int64_t n = 0;                                          // answered
  double mean = 0, median = 0, min = 0, max = 0, sd = 0;  // unweighted; sd with n-1
  double weighted_mean = 0;
};

struct Table {
  std::string question_id;  // for grids: "<question>_<item>"
  std::string number;       // "問7", "問2 ①-A 理由"
  std::string title;        // grids: "<question title>：<item label>"
  std::string item_label;   // grids: the item's label alone
  QuestionType type = QuestionType::kSingle;
  PercentOf percent_of = PercentOf::kCases;
  int decimals = 1;
  bool weighted = false;
  std::vector<TallyBase> bases;
  std::vector<TableRow> rows;  // in display order
  // Counts by state (unweighted and weighted) and multi-answer mentions.
  int64_t answered = 0, no_answer = 0, not_applicable = 0;
  double answered_w = 0, no_answer_w = 0, not_applicable_w = 0;
  int64_t mentions = 0;
  double mentions_w = 0;
  std::optional<NumberSummary> summary;            // number questions
  std::vector<std::pair<int, std::string>> texts;  // (code, text); code 0 = free text answer
};

struct TallyReport {
  std::string survey_id;
  int survey_version = 0;
  std::string title;
  int64_t respondents = 0;
  double total_weight = 0;
  std::string weight_variable;  // empty when unweighted
  std::vector<Table> tables;
};

}  // namespace chosa
