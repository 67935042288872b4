#include "tabulation/output/xlsx_writer.h"

#include <fmt/format.h>
#include <xlsxwriter.h>

#include <cstdio>
#include <cstdlib>

#include "tabulation/output/display.h"

namespace chosa {

Status WriteTallyXlsx(const TallyReport& report, const std::string& path) {
  std::string tmp = path + ".partial";
  lxw_workbook* wb = workbook_new(tmp.c_str());
  if (wb == nullptr) return Status::IoError(fmt::format("{}: .xlsx を作成できません", path));
  lxw_worksheet* ws = workbook_add_worksheet(wb, "単純集計");
  lxw_format* title = workbook_add_format(wb);
  format_set_bold(title);
  format_set_font_size(title, 12);
  lxw_format* head = workbook_add_format(wb);
  format_set_bold(head);
  format_set_bottom(head, LXW_BORDER_THIN);
  format_set_bg_color(head, 0xE7EEF7);
  lxw_format* total = workbook_add_format(wb);
  format_set_top(total, LXW_BORDER_THIN);
  lxw_format* wrap = workbook_add_format(wb);
  format_set_text_wrap(wrap);
  lxw_format* pct_fmt[5];
  for (int d = 0; d < 5; ++d) {
    pct_fmt[d] = workbook_add_format(wb);
    format_set_num_format(pct_fmt[d], d == 0 ? "0" : ("0." + std::string(d, '0')).c_str());
  }
  worksheet_set_column(ws, 0, 0, 60, wrap);
  worksheet_set_column(ws, 1, 4, 12, nullptr);
  worksheet_set_paper(ws, 9);  // A4
  worksheet_fit_to_pages(ws, 1, 0);
  worksheet_set_header(ws, ("&L" + report.title).c_str());

  lxw_row_t row = 0;
  worksheet_write_string(ws, row++, 0, report.title.c_str(), title);
  worksheet_write_string(ws, row++, 0, fmt::format("回答者数 {}", report.respondents).c_str(),
                         nullptr);
  ++row;
  for (const Table& t : report.tables) {
    std::string heading = t.number == t.title ? t.title : fmt::format("{}　{}", t.number, t.title);
    worksheet_write_string(ws, row++, 0, fmt::format("{}［{}］", heading, TypeName(t.type)).c_str(),
                           title);
    worksheet_write_string(ws, row, 0, "", head);
    worksheet_write_string(ws, row, 1, "件数", head);
    for (size_t b = 0; b < t.bases.size(); ++b) {
      std::string h = fmt::format("%（{} n={}）", BaseName(t.bases[b].kind), t.bases[b].n);
      worksheet_write_string(ws, row, static_cast<lxw_col_t>(2 + b), h.c_str(), head);
    }
    ++row;
    for (const TableRow& r : t.rows) {
      worksheet_write_string(ws, row, 0, r.label.c_str(), nullptr);
      if (r.suppressed) {
        worksheet_write_string(ws, row, 1, "x", nullptr);
      } else {
        worksheet_write_number(ws, row, 1, t.weighted ? r.weighted : static_cast<double>(r.n),
                               nullptr);
      }
      for (size_t b = 0; b < t.bases.size(); ++b) {
        std::string shown = DisplayPercent(t, r, b);
        lxw_col_t col = static_cast<lxw_col_t>(2 + b);
        if (shown == "―" || shown == "-" || shown == "x") {
          worksheet_write_string(ws, row, col, shown.c_str(), nullptr);
        } else {
          worksheet_write_number(ws, row, col, std::strtod(shown.c_str(), nullptr),
                                 pct_fmt[t.decimals]);
        }
      }
      ++row;
    }
    if (!t.rows.empty() && !t.bases.empty()) {
      bool multi = t.type == QuestionType::kMulti;
      worksheet_write_string(ws, row, 0, multi ? "回答者数" : "合計", total);
      worksheet_write_number(
          ws, row, 1, t.weighted ? t.bases[0].weighted : static_cast<double>(t.bases[0].n), total);
      for (size_t b = 0; b < t.bases.size(); ++b) {
        worksheet_write_string(ws, row, static_cast<lxw_col_t>(2 + b), multi ? "―" : "100", total);
      }
      ++row;
    }
    for (const auto& [code, text] : t.texts) {
      worksheet_write_string(ws, row++, 0, ("・" + text).c_str(), wrap);
    }
    ++row;
  }
  lxw_error err = workbook_close(wb);
  if (err != LXW_NO_ERROR) {
    std::remove(tmp.c_str());
    return Status::IoError(
        fmt::format("{}: .xlsx を書き出せません（{}）", path, lxw_strerror(err)));
  }
  if (std::rename(tmp.c_str(), path.c_str()) != 0) {
    std::remove(tmp.c_str());
    return Status::IoError(fmt::format("{}: 書き出したファイルの名前を変更できません", path));
  }
  return Status::Ok();
}

}  // namespace chosa
