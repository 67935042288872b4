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

std::string CodebookCsv(const Questionnaire& qn) {
  std::string out(kUtf8Bom);
  std::vector<std::string> header = {"列名",     "質問ID", "質問番号", "種類", "ラベル",
                                     "値ラベル", "単位",   "回答条件", "欠損"};
  AppendCsvRecord(&out, header);
  AppendCsvRecord(&out,
                  std::vector<std::string>{"id", "", "", "回答者ID", "回答者ID", "", "", "", ""});
  for (const Variable& v : LayoutVariables(qn, /*include_personal=*/false)) {
    const Question& q = qn.questions[v.question];
    std::vector<std::string> row = {v.name,
                                    q.id,
                                    q.number,
                                    TypeLabel(q, v.kind),
                                    v.label,
                                    ValueLabels(q, v.kind),
                                    q.type == QuestionType::kNumber ? q.unit : "",
                                    q.when_source,
                                    "空欄 = 無回答（回答条件に当てはまらない場合は非該当）"};
    for (std::string& f : row) f = GuardFormula(f);
    AppendCsvRecord(&out, row);
  }
  return out;
}

Result<ExportReport> ExportAnswers(Storage& storage, SurveyCatalog& catalog,
                                   const Questionnaire& qn, const std::string& path,
                                   const ExportOptions& options) {
  std::vector<Variable> vars = LayoutVariables(qn, /*include_personal=*/false);
  std::string out;
  std::vector<std::string> fields;
  fields.push_back("id");
  for (const Variable& v : vars) fields.push_back(v.name);
  AppendCsvRecord(&out, fields);

  ExportReport report;
  Answers answers;
  ScanOptions scan;
  if (!options.include_incomplete) scan.status = ResponseStatus::kComplete;
  CHOSA_RETURN_IF_ERROR(storage.ScanResponses(qn.id, scan, [&](const ResponseRecord& r) -> Status {
    CHOSA_RETURN_IF_ERROR(catalog.Decode(r, qn, &answers));
    fields.clear();
    fields.push_back(GuardFormula(r.respondent_key));
    for (const Variable& v : vars) {
      const Answer& a = answers[v.question];
      std::string cell;
      if (a.answered()) {
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
            if (const std::string* t = a.OtherText(v.code)) cell = GuardFormula(*t);
            break;
          case VariableKind::kNumber:
            cell = FormatAnswerNumber(a.number);
            break;
          case VariableKind::kText:
            cell = GuardFormula(a.text);
            break;
        }
      }
      fields.push_back(std::move(cell));
    }
    AppendCsvRecord(&out, fields);
    ++report.rows;
    return Status::Ok();
  }));

  std::string bytes;
  if (options.encoding == Encoding::kCp932) {
    CHOSA_ASSIGN_OR_RETURN(bytes, EncodeFromUtf8(out, Encoding::kCp932));
  } else {
    bytes = std::string(kUtf8Bom) + out;
  }
  CHOSA_RETURN_IF_ERROR(WriteFileAtomic(path, bytes));
  if (!options.codebook_path.empty()) {
    CHOSA_RETURN_IF_ERROR(WriteFileAtomic(options.codebook_path, CodebookCsv(qn)));
  }
  return report;
}

}  // namespace chosa
