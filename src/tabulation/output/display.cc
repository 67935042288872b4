#include "tabulation/output/display.h"

#include <fmt/format.h>

#include "tabulation/simple_tally.h"

namespace chosa {

std::string DisplayPercent(const Table& t, const TableRow& row, size_t base_index) {
  if (row.suppressed) return "x";
  if (base_index >= row.percents.size() || !row.percents[base_index]) return "―";
  if (t.weighted) return FormatPercent(*row.percents[base_index], t.decimals);
  bool mentions = t.percent_of == PercentOf::kMentions && row.kind == RowKind::kOption;
  int64_t denominator = mentions ? t.mentions : t.bases[base_index].n;
  return FormatPercent(row.n, denominator, t.decimals);
}

std::string BaseName(TableBase kind) {
  switch (kind) {
    case TableBase::kAll:
      return "全体";
    case TableBase::kApplicable:
      return "該当者";
    case TableBase::kAnswered:
      return "回答者";
  }
  return "";
}

std::string BaseKey(TableBase kind) {
  switch (kind) {
    case TableBase::kAll:
      return "all";
    case TableBase::kApplicable:
      return "applicable";
    case TableBase::kAnswered:
      return "answered";
  }
  return "";
}

std::string TypeName(QuestionType type) {
  switch (type) {
    case QuestionType::kSingle:
      return "単一回答";
    case QuestionType::kMulti:
      return "複数回答";
    case QuestionType::kText:
      return "記述";
    case QuestionType::kTextArea:
      return "自由記述";
    case QuestionType::kNumber:
      return "数値";
    case QuestionType::kPrefecture:
      return "都道府県";
    case QuestionType::kGrid:
      return "表形式";
  }
  return "";
}

std::string DisplayCount(const Table& t, int64_t n, double weighted) {
  if (!t.weighted) return std::to_string(n);
  return fmt::format("{:.1f}", weighted);
}

}  // namespace chosa
