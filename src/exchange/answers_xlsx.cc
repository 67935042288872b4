// WriteAnswersXlsx (declared in exporter.h): the export layout as an .xlsx workbook.
#include <fmt/format.h>
#include <xlsxwriter.h>

#include <cstdio>
#include <cstdlib>

#include "exchange/exporter.h"

namespace chosa {
namespace {

constexpr lxw_row_t kMaxRows = 1048576;  // Excel's limit per sheet

Status WriteError(const std::string& path, lxw_row_t row, lxw_col_t col, lxw_error err) {
  return Status::InvalidArgument(fmt::format("{}: {}行 {}列目を書き出せません（{}）", path, row + 1,
                                             col + 1, lxw_strerror(err)));
}

}  // namespace

Status WriteAnswersXlsx(Storage& storage, SurveyCatalog& catalog, const Questionnaire& qn,
                        const ExportOptions& options, const std::string& path,
                        ExportReport* report) {
  std::string tmp = path + ".partial";
  lxw_workbook* wb = workbook_new(tmp.c_str());
  if (wb == nullptr) return Status::IoError(fmt::format("{}: .xlsx を作成できません", path));
  lxw_format* head = workbook_add_format(wb);
  format_set_bold(head);
  format_set_bg_color(head, 0xE7EEF7);

  lxw_worksheet* answers = workbook_add_worksheet(wb, "回答");
  std::vector<std::string> columns = ExportColumns(qn);
  worksheet_write_string(answers, 0, 0, "id", head);
  for (size_t i = 0; i < columns.size(); ++i)
    worksheet_write_string(answers, 0, static_cast<lxw_col_t>(i + 1), columns[i].c_str(), head);
  worksheet_freeze_panes(answers, 1, 1);
  lxw_row_t row = 1;
  Status s = ScanExportRows(
      storage, catalog, qn, options.include_incomplete, [&](const ExportRow& r) -> Status {
        if (row >= kMaxRows)
          return Status::InvalidArgument(fmt::format("{}: Excel の行数の上限を超えます", path));
        lxw_error err = worksheet_write_string(answers, row, 0, r.respondent_key.c_str(), nullptr);
        if (err != LXW_NO_ERROR) return WriteError(path, row, 0, err);
        for (size_t i = 0; i < r.cells.size(); ++i) {
          if (r.cells[i].empty()) continue;
          lxw_col_t col = static_cast<lxw_col_t>(i + 1);
          err = r.numeric[i]
                    ? worksheet_write_number(answers, row, col,
                                             std::strtod(r.cells[i].c_str(), nullptr), nullptr)
                    : worksheet_write_string(answers, row, col, r.cells[i].c_str(), nullptr);
          if (err != LXW_NO_ERROR) return WriteError(path, row, col, err);
        }
        ++row;
        ++report->rows;
        return Status::Ok();
      });

  lxw_worksheet* codebook = workbook_add_worksheet(wb, "コードブック");
  lxw_row_t cb_row = 0;
  for (const std::vector<std::string>& fields : CodebookRows(qn)) {
    for (size_t i = 0; i < fields.size(); ++i) {
      worksheet_write_string(codebook, cb_row, static_cast<lxw_col_t>(i), fields[i].c_str(),
                             cb_row == 0 ? head : nullptr);
    }
    ++cb_row;
  }
  worksheet_set_column(codebook, 4, 5, 40, nullptr);

  lxw_error err = workbook_close(wb);
  if (s.ok() && err != LXW_NO_ERROR) {
    s = Status::IoError(fmt::format("{}: .xlsx を書き出せません（{}）", path, lxw_strerror(err)));
  }
  if (s.ok() && std::rename(tmp.c_str(), path.c_str()) != 0)
    s = Status::IoError(fmt::format("{}: 書き出したファイルの名前を変更できません", path));
  if (!s.ok()) std::remove(tmp.c_str());
  return s;
}

}  // namespace chosa
