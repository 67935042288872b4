#include "exchange/exporter.h"

#include <fmt/format.h>

#include <cmath>

#include "base/file.h"
#include "engine/value_parser.h"
#include "exchange/csv_writer.h"
#include "questionnaire/variables.h"

namespace chosa {
namespace {

std::string TypeLabel(const Question& q, VariableKind kind) {
  switch (kind) {
    case VariableKind::kCode:
      return q.type == QuestionType::kPrefecture ? "都道府県(単一回答)" : "単一回答";
    case VariableKind::kDichotomy:
      return "複数回答(1=選択, 0=非選択)";
    case VariableKind::kItemCode:
      return "表形式(単一回答)";
    case VariableKind::kOtherText:
      return "その他の記述";
    case VariableKind::kNumber:
      return q.decimals == 0 ? "整数" : fmt::format("数値(小数{}桁)", q.decimals);
    case VariableKind::kText:
      return q.type == QuestionType::kTextArea ? "自由記述" : "文字列";
  }
  return "";
}

std::string ValueLabels(const Question& q, VariableKind kind) {
  if (kind != VariableKind::kCode && kind != VariableKind::kItemCode) return "";
  std::string out;
  for (const Option& o : q.options) {
    if (!out.empty()) out += "; ";
    out += fmt::format("{}={}", o.code, o.label);
  }
  return out;
}

}  // namespace

std::vector<std::vector<std::string>> CodebookRows(const Questionnaire& qn) {
  std::vector<std::vector<std::string>> rows;
  rows.push_back(
      {"列名", "質問ID", "質問番号", "種類", "ラベル", "値ラベル", "単位", "回答条件", "欠損"});
  rows.push_back({"id", "", "", "回答者ID", "回答者ID", "", "", "", ""});
  for (const Variable& v : LayoutVariables(qn, /*include_personal=*/false)) {
    const Question& q = qn.questions[v.question];
    rows.push_back({v.name, q.id, q.number, TypeLabel(q, v.kind), v.label, ValueLabels(q, v.kind),
                    q.type == QuestionType::kNumber ? q.unit : "", q.when_source,
                    "空欄 = 無回答（回答条件に当てはまらない場合は非該当）"});
  }
  return rows;
}

std::string CodebookCsv(const Questionnaire& qn) {
  std::string out(kUtf8Bom);
  for (std::vector<std::string>& row : CodebookRows(qn)) {
    for (std::string& f : row) f = GuardFormula(f);
    AppendCsvRecord(&out, row);
  }
  return out;
}

std::vector<std::string> ExportColumns(const Questionnaire& qn) {
  std::vector<std::string> names;
  for (const Variable& v : LayoutVariables(qn, /*include_personal=*/false)) names.push_back(v.name);
  return names;
}

Status ScanExportRows(Storage& storage, SurveyCatalog& catalog, const Questionnaire& qn,
                      bool include_incomplete,
                      const std::function<Status(const ExportRow&)>& visit) {
  std::vector<Variable> vars = LayoutVariables(qn, /*include_personal=*/false);
  ExportRow row;
  Answers answers;
  ScanOptions scan;
  if (!include_incomplete) scan.status = ResponseStatus::kComplete;
  return storage.ScanResponses(qn.id, scan, [&](const ResponseRecord& r) -> Status {
    CHOSA_RETURN_IF_ERROR(catalog.Decode(r, qn, &answers));
    row.respondent_key = r.respondent_key;
    row.cells.assign(vars.size(), std::string());
    row.numeric.assign(vars.size(), false);
    for (size_t i = 0; i < vars.size(); ++i) {
      const Variable& v = vars[i];
      const Answer& a = answers[v.question];
      if (!a.answered()) continue;
      std::string& cell = row.cells[i];
      switch (v.kind) {
        case VariableKind::kCode:
          cell = std::to_string(a.codes[0]);
          break;
        case VariableKind::kDichotomy:
          cell = a.Has(v.code) ? "1" : "0";
          break;
        case VariableKind::kItemCode:
          if (static_cast<size_t>(v.item) < a.codes.size() && a.codes[v.item] != 0) {
            cell = std::to_string(a.codes[v.item]);
          }
          break;
        case VariableKind::kOtherText:
          if (const std::string* t = a.OtherText(v.code)) cell = *t;
          break;
        case VariableKind::kNumber:
          cell = FormatAnswerNumber(a.number);
          break;
        case VariableKind::kText:
          cell = a.text;
          break;
      }
      row.numeric[i] =
          !cell.empty() && v.kind != VariableKind::kOtherText && v.kind != VariableKind::kText;
    }
    return visit(row);
  });
}

Result<std::string> AnswersCsv(Storage& storage, SurveyCatalog& catalog, const Questionnaire& qn,
                               const ExportOptions& options, ExportReport* report) {
  std::string out;
  std::vector<std::string> fields = ExportColumns(qn);
  fields.insert(fields.begin(), "id");
  AppendCsvRecord(&out, fields);
  CHOSA_RETURN_IF_ERROR(
      ScanExportRows(storage, catalog, qn, options.include_incomplete, [&](const ExportRow& row) {
        fields.clear();
        fields.push_back(GuardFormula(row.respondent_key));
        for (size_t i = 0; i < row.cells.size(); ++i)
          fields.push_back(row.numeric[i] ? row.cells[i] : GuardFormula(row.cells[i]));
        AppendCsvRecord(&out, fields);
        ++report->rows;
        return Status::Ok();
      }));
  if (options.encoding == Encoding::kCp932) return EncodeFromUtf8(out, Encoding::kCp932);
  return std::string(kUtf8Bom) + out;
}

Result<ExportReport> ExportAnswers(Storage& storage, SurveyCatalog& catalog,
                                   const Questionnaire& qn, const std::string& path,
                                   const ExportOptions& options) {
  ExportReport report;
  if (path.ends_with(".xlsx")) {
    CHOSA_RETURN_IF_ERROR(WriteAnswersXlsx(storage, catalog, qn, options, path, &report));
    return report;
  }
  CHOSA_ASSIGN_OR_RETURN(std::string bytes, AnswersCsv(storage, catalog, qn, options, &report));
  CHOSA_RETURN_IF_ERROR(WriteFileAtomic(path, bytes));
  if (!options.codebook_path.empty()) {
    CHOSA_RETURN_IF_ERROR(WriteFileAtomic(options.codebook_path, CodebookCsv(qn)));
  }
  return report;
}

}  // namespace chosa
