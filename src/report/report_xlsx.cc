#include "report/report_xlsx.h"

#include <fmt/format.h>
#include <xlsxwriter.h>

#include <filesystem>
#include <set>

#include "analysis/output/text_writer.h"

namespace chosa {
namespace {

struct Formats {
  lxw_format* title;
  lxw_format* head;
  lxw_format* pct;
  lxw_format* wrap;
  lxw_format* note;
};

// Excel sheet names: at most 31 characters, none of []:*?/\, unique in the workbook.
std::string SheetName(std::string base, std::set<std::string>* used) {
  for (char& c : base)
    if (std::string_view("[]:*?/\\").find(c) != std::string_view::npos) c = '_';
  if (base.size() > 28) base.resize(28);
  std::string name = base;
  for (int i = 2; used->count(name) > 0; ++i) name = base + "~" + std::to_string(i);
  used->insert(name);
  return name;
}

void SetUpPage(lxw_worksheet* ws, const std::string& header, bool landscape) {
  worksheet_set_paper(ws, 9);  // A4
  if (landscape) worksheet_set_landscape(ws);
  worksheet_fit_to_pages(ws, 1, 0);
  worksheet_set_header(ws, ("&L" + header).c_str());
  worksheet_set_column(ws, 0, 0, 36, nullptr);
}

std::string Quoted(const std::string& sheet) { return "'" + sheet + "'"; }

void TallySheet(lxw_workbook* wb, lxw_worksheet* ws, const std::string& sheet, const Table& t,
                const Formats& f) {
  std::string heading = t.number == t.title || t.number == t.question_id
                            ? t.title
                            : fmt::format("{}　{}", t.number, t.title);
  worksheet_write_string(ws, 0, 0, heading.c_str(), f.title);
  int64_t n = t.bases.empty() ? t.answered : t.bases[0].n;
  worksheet_write_string(ws, 1, 0, fmt::format("n = {}", n).c_str(), f.note);
  worksheet_write_string(ws, 2, 0, "", f.head);
  worksheet_write_string(ws, 2, 1, "件数", f.head);
  worksheet_write_string(ws, 2, 2, "%", f.head);
  lxw_row_t row = 3, first = 3;
  for (const TableRow& r : t.rows) {
    if (r.kind != RowKind::kOption) continue;
    worksheet_write_string(ws, row, 0, r.label.c_str(), f.wrap);
    if (r.suppressed) {
      worksheet_write_string(ws, row, 1, "x", nullptr);
      worksheet_write_string(ws, row, 2, "x", nullptr);
    } else {
      worksheet_write_number(ws, row, 1, t.weighted ? r.weighted : static_cast<double>(r.n),
                             nullptr);
      if (!r.percents.empty() && r.percents[0])
        worksheet_write_number(ws, row, 2, *r.percents[0], f.pct);
    }
    ++row;
  }
  if (row == first) return;
  lxw_chart* chart = workbook_add_chart(wb, LXW_CHART_BAR);
  lxw_chart_series* s = chart_add_series(chart, nullptr, nullptr);
  chart_series_set_categories(s, sheet.c_str(), first, 0, row - 1, 0);
  chart_series_set_values(s, sheet.c_str(), first, 2, row - 1, 2);
  chart_series_set_labels(s);
  chart_series_set_labels_num_format(s, "0.0");
  chart_title_set_name(chart, heading.c_str());
  chart_legend_set_position(chart, LXW_CHART_LEGEND_NONE);
  chart_axis_set_reverse(chart->y_axis);  // options top to bottom, as in the table
  chart_axis_set_max(chart->x_axis, 100);
  lxw_chart_options options = {};
  options.x_scale = 1.2;
  options.y_scale = 0.6 + 0.08 * static_cast<double>(row - first);
  worksheet_insert_chart_opt(ws, 1, 4, chart, &options);
}

void CrossSheet(lxw_workbook* wb, lxw_worksheet* ws, const std::string& sheet, const CrossTable& t,
                const AnalysisSettings& settings, const Formats& f) {
  std::string heading = fmt::format("{} × {}", t.title, t.by_title);
  worksheet_write_string(ws, 0, 0, heading.c_str(), f.title);
  worksheet_write_string(ws, 1, 0,
                         fmt::format("{}: n が {} 未満（参考値）。▲▼ 1% 水準、△▽ 5% 水準で全体と差",
                                     settings.small_base_mark, settings.small_base)
                             .c_str(),
                         f.note);
  worksheet_write_string(ws, 2, 0, "", f.head);
  worksheet_write_string(ws, 2, 1, "n", f.head);
  for (size_t i = 0; i < t.labels.size(); ++i)
    worksheet_write_string(ws, 2, static_cast<lxw_col_t>(2 + i), t.labels[i].c_str(), f.head);
  std::vector<const CrossRow*> rows = {&t.total};
  for (const CrossRow& g : t.groups) rows.push_back(&g);
  lxw_row_t row = 3;
  for (const CrossRow* r : rows) {
    worksheet_write_string(ws, row, 0, r->label.c_str(), f.wrap);
    if (r->small) {
      worksheet_write_string(ws, row, 1,
                             (settings.small_base_mark + std::to_string(r->base)).c_str(), nullptr);
    } else {
      worksheet_write_number(ws, row, 1, static_cast<double>(r->base), nullptr);
    }
    for (size_t i = 0; i < t.codes.size(); ++i) {
      lxw_col_t col = static_cast<lxw_col_t>(2 + i);
      bool withheld = !r->suppressed.empty() && r->suppressed[i];
      std::optional<double> p = r->Percent(i);
      if (withheld) {
        worksheet_write_string(ws, row, col, "x", nullptr);
      } else if (p) {
        worksheet_write_number(ws, row, col, *p, f.pct);
        std::string_view mark = r->marks.empty() ? "" : MarkText(r->marks[i]);
        if (!mark.empty()) worksheet_write_comment(ws, row, col, std::string(mark).c_str());
      }
    }
    ++row;
  }
  lxw_row_t marks_row = row + 1;
  for (const CrossRow* r : rows) {  // marks as text below the table, printable
    if (r->marks.empty()) continue;
    std::string line;
    for (size_t i = 0; i < t.codes.size(); ++i) {
      std::string_view mark = MarkText(r->marks[i]);
      if (!mark.empty()) line += fmt::format("「{}」{} ", t.labels[i], mark);
    }
    if (!line.empty()) {
      worksheet_write_string(ws, marks_row++, 0, (r->label + ": " + line).c_str(), f.note);
    }
  }
  if (t.chi_square) {
    worksheet_write_string(ws, marks_row, 0, ChiSquareText(*t.chi_square).c_str(), f.note);
  }
  bool multi = t.type == QuestionType::kMulti;
  lxw_chart* chart = workbook_add_chart(wb, multi ? LXW_CHART_BAR : LXW_CHART_BAR_STACKED_PERCENT);
  for (size_t i = 0; i < t.codes.size(); ++i) {
    lxw_col_t col = static_cast<lxw_col_t>(2 + i);
    lxw_chart_series* s = chart_add_series(chart, nullptr, nullptr);
    chart_series_set_categories(s, sheet.c_str(), 3, 0, row - 1, 0);
    chart_series_set_values(s, sheet.c_str(), 3, col, row - 1, col);
    chart_series_set_name_range(s, sheet.c_str(), 2, col);
  }
  chart_title_set_name(chart, heading.c_str());
  chart_legend_set_position(chart, LXW_CHART_LEGEND_BOTTOM);
  chart_axis_set_reverse(chart->y_axis);
  lxw_chart_options options = {};
  options.x_scale = 1.4;
  options.y_scale = 1.0 + 0.1 * static_cast<double>(rows.size());
  worksheet_insert_chart_opt(ws, marks_row + 2, 0, chart, &options);
}

}  // namespace

Status WriteReportXlsx(const AnalysisReport& report, const std::string& title,
                       const std::string& path) {
  std::string tmp = path + ".partial";
  lxw_workbook* wb = workbook_new(tmp.c_str());
  if (wb == nullptr) return Status::IoError(fmt::format("{}: .xlsx を作成できません", path));
  Formats f;
  f.title = workbook_add_format(wb);
  format_set_bold(f.title);
  format_set_font_size(f.title, 12);
  f.head = workbook_add_format(wb);
  format_set_bold(f.head);
  format_set_text_wrap(f.head);
  format_set_bottom(f.head, LXW_BORDER_THIN);
  format_set_bg_color(f.head, 0xE7EEF7);
  f.pct = workbook_add_format(wb);
  format_set_num_format(f.pct, "0.0");
  f.wrap = workbook_add_format(wb);
  format_set_text_wrap(f.wrap);
  f.note = workbook_add_format(wb);
  format_set_font_size(f.note, 9);

  std::set<std::string> used = {"目次"};
  lxw_worksheet* contents = workbook_add_worksheet(wb, "目次");
  SetUpPage(contents, title, false);
  worksheet_set_column(contents, 0, 0, 16, nullptr);
  worksheet_set_column(contents, 1, 1, 70, nullptr);
  worksheet_write_string(contents, 0, 0, title.c_str(), f.title);
  lxw_row_t line = 2;
  auto list = [&](const std::string& sheet, const std::string& what) {
    worksheet_write_url(contents, line, 0, ("internal:" + Quoted(sheet) + "!A1").c_str(), nullptr);
    worksheet_write_string(contents, line, 0, sheet.c_str(), nullptr);
    worksheet_write_string(contents, line++, 1, what.c_str(), nullptr);
  };
  for (const Table& t : report.tally.tables) {
    if (t.type == QuestionType::kText || t.type == QuestionType::kTextArea ||
        t.type == QuestionType::kNumber) {
      continue;
    }
    std::string sheet = SheetName(t.question_id, &used);
    lxw_worksheet* ws = workbook_add_worksheet(wb, sheet.c_str());
    SetUpPage(ws, title, false);
    TallySheet(wb, ws, sheet, t, f);
    list(sheet, t.title);
  }
  for (const CrossTable& t : report.cross_tables) {
    std::string sheet = SheetName(t.question_id + "_by_" + t.by_id, &used);
    lxw_worksheet* ws = workbook_add_worksheet(wb, sheet.c_str());
    SetUpPage(ws, title, true);
    worksheet_set_column(ws, 1, static_cast<lxw_col_t>(1 + t.codes.size()), 11, nullptr);
    CrossSheet(wb, ws, sheet, t, report.spec.settings, f);
    list(sheet, t.title + " × " + t.by_title);
  }
  lxw_error e = workbook_close(wb);
  if (e != LXW_NO_ERROR) {
    std::filesystem::remove(tmp);
    return Status::IoError(fmt::format("{}: .xlsx を書けません（{}）", path, lxw_strerror(e)));
  }
  std::filesystem::rename(tmp, path);
  return Status::Ok();
}

}  // namespace chosa
