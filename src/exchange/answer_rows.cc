#include "exchange/answer_rows.h"

#include <fmt/format.h>

#include <algorithm>
#include <unordered_map>

#include "base/text.h"

namespace chosa {
namespace {

// A text cell written by our exporter as '=... to defuse spreadsheet formulas reads back as =...
std::string_view UndoFormulaGuard(std::string_view cell) {
  if (cell.size() >= 2 && cell[0] == '\'' &&
      (cell[1] == '=' || cell[1] == '+' || cell[1] == '-' || cell[1] == '@')) {
    cell.remove_prefix(1);
  }
  return cell;
}

// 1, 0 or empty (-1); full-width digits are accepted; -2 for anything else.
int DichotomyValue(std::string_view cell) {
  if (cell.size() == 1) {  // the common case
    if (cell[0] == '1') return 1;
    if (cell[0] == '0') return 0;
  }
  if (cell.empty()) return -1;
  std::string_view t = Trim(cell);
  if (t.empty()) return -1;
  if (t == "1" || t == "\xEF\xBC\x91") return 1;  // "１"
  if (t == "0" || t == "\xEF\xBC\x90") return 0;  // "０"
  return -2;
}

}  // namespace

bool AnswerRow::ok() const {
  return std::none_of(issues.begin(), issues.end(), [](const RowIssue& i) { return !i.warning; });
}

Result<AnswerRowReader> AnswerRowReader::Open(const Questionnaire& qn, TableSource& source,
                                              const AnswerRowOptions& options,
                                              std::vector<RowIssue>* warnings) {
  AnswerRowReader r(qn, source, options);
  std::vector<std::string_view> cells;
  CHOSA_ASSIGN_OR_RETURN(bool has_header, source.Next(&cells));
  if (!has_header)
    return Status::InvalidArgument(source.RowName() + ": ファイルが空です（見出し行がありません）");

  std::unordered_map<std::string, Variable> by_name;
  for (Variable& v : LayoutVariables(qn, /*include_personal=*/true)) by_name.emplace(v.name, v);

  std::vector<std::string> unknown, duplicated;
  std::unordered_map<std::string, int> seen;
  bool has_id = false;
  r.first_column_.assign(qn.questions.size(), -1);
  for (size_t i = 0; i < cells.size(); ++i) {
    std::string name(Trim(cells[i]));
    r.header_.push_back(name);
    if (!seen.emplace(name, static_cast<int>(i)).second && !name.empty())
      duplicated.push_back(name);
    Column col;
    if (name == options.id_column) {
      col.role = ColumnRole::kId;
      has_id = true;
    } else if (auto it = by_name.find(name); it != by_name.end()) {
      const Variable& v = it->second;
      col.kind = v.kind;
      col.question = v.question;
      col.code = v.code;
      col.item = v.item;
      if (r.first_column_[v.question] < 0) r.first_column_[v.question] = static_cast<int>(i);
    } else {
      unknown.push_back(name.empty() ? fmt::format("（{}列目の見出しが空）", i + 1) : name);
      continue;
    }
    r.columns_.push_back(std::move(col));
  }
  std::string problems;
  if (!has_id) {
    problems +=
        fmt::format("\n  回答者ID の列 \"{}\" がありません（--id-column で列名を指定できます）",
                    options.id_column);
  }
  if (!duplicated.empty()) {
    std::string list;
    for (const std::string& d : duplicated) list += " " + d;
    problems += "\n  見出しが重複しています:" + list;
  }
  if (!unknown.empty()) {
    std::string list;
    for (size_t i = 0; i < unknown.size() && i < 20; ++i) list += " " + unknown[i];
    if (unknown.size() > 20) list += fmt::format(" ほか{}列", unknown.size() - 20);
    problems += fmt::format("\n  調査票 {} にない列があります:{}", qn.id, list);
  }
  if (!problems.empty()) {
    return Status::InvalidArgument(
        fmt::format("{}: 見出し行に問題があります{}", source.RowName(), problems));
  }
  for (size_t qi = 0; qi < qn.questions.size(); ++qi) {
    const Question& q = qn.questions[qi];
    if (r.first_column_[qi] < 0 && !q.personal) {
      warnings->push_back(RowIssue{source.RowName(), source.RowNumber(), -1, "", q.id,
                                   "missing-column",
                                   "この質問の列がありません（全員 無回答 として扱います）", true});
    }
  }
  r.raw_.resize(qn.questions.size());
  return r;
}

RowIssue AnswerRowReader::CellIssue(int column, std::string question_id, std::string code,
                                    std::string message, bool warning) const {
  return RowIssue{source_->CellName(column),
                  source_->RowNumber(),
                  column,
                  column >= 0 && column < static_cast<int>(header_.size()) ? header_[column] : "",
                  std::move(question_id),
                  std::move(code),
                  std::move(message),
                  warning};
}

Result<bool> AnswerRowReader::Next(AnswerRow* row) {
  while (true) {
    CHOSA_ASSIGN_OR_RETURN(bool more, source_->Next(&row->cells));
    if (!more) return false;
    bool empty = std::all_of(row->cells.begin(), row->cells.end(),
                             [](std::string_view c) { return Trim(c).empty(); });
    if (!empty) break;
  }
  row->row = source_->RowNumber();
  row->issues.clear();
  row->respondent_key.clear();
  DecodeCells(row);
  EvaluateAnswersInto(*qn_, raw_, options_.engine, &row->evaluation);
  LocateViolations(row);
  return true;
}

void AnswerRowReader::DecodeCells(AnswerRow* row) {
  for (RawAnswer& r : raw_) r.Clear();
  const std::vector<std::string_view>& cells = row->cells;
  for (size_t i = columns_.size(); i < cells.size(); ++i) {
    if (!Trim(cells[i]).empty()) {
      row->issues.push_back(
          CellIssue(static_cast<int>(i), "", "extra-cell", "見出しのない列に値があります"));
    }
  }
  size_t n = std::min(cells.size(), columns_.size());
  for (size_t i = 0; i < n; ++i) {
    const Column& col = columns_[i];
    std::string_view cell = cells[i];
    if (col.role == ColumnRole::kId) {
      row->respondent_key = std::string(Trim(cell));
      continue;
    }
    const Column& v = col;
    RawAnswer& raw = raw_[v.question];
    switch (v.kind) {
      case VariableKind::kCode:
      case VariableKind::kNumber:
        if (!Trim(cell).empty()) raw.values.push_back(cell);
        break;
      case VariableKind::kText:
        if (!Trim(cell).empty()) raw.values.push_back(UndoFormulaGuard(cell));
        break;
      case VariableKind::kDichotomy: {
        int value = DichotomyValue(cell);
        if (value == 1) {
          raw.codes.push_back(v.code);
        } else if (value == -2) {
          row->issues.push_back(CellIssue(static_cast<int>(i), qn_->questions[v.question].id,
                                          "not-dichotomy",
                                          fmt::format("0 か 1 を入れてください（\"{}\"）", cell)));
        }
        break;
      }
      case VariableKind::kItemCode: {
        const Question& q = qn_->questions[v.question];
        if (raw.values.size() < q.items.size()) raw.values.resize(q.items.size());
        raw.values[v.item] = cell;
        break;
      }
      case VariableKind::kOtherText:
        if (!Trim(cell).empty()) raw.other_texts.emplace_back(v.code, UndoFormulaGuard(cell));
        break;
    }
  }
  if (row->respondent_key.empty()) {
    row->issues.push_back(RowIssue{source_->RowName(), source_->RowNumber(), -1, options_.id_column,
                                   "", "missing-id", "回答者ID が空です"});
  }
}

void AnswerRowReader::LocateViolations(AnswerRow* row) const {
  for (const Violation& v : row->evaluation.violations) {
    int column = v.question >= 0 ? first_column_[v.question] : -1;
    if (column >= 0) {
      row->issues.push_back(CellIssue(column, v.question_id, v.code, v.message, v.warning));
    } else {
      row->issues.push_back(RowIssue{source_->RowName(), source_->RowNumber(), -1, "",
                                     v.question_id, v.code, v.message, v.warning});
    }
  }
}

}  // namespace chosa
