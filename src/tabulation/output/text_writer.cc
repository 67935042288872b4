#include "tabulation/output/text_writer.h"

#include <fmt/format.h>

#include <algorithm>

#include "base/text.h"
#include "tabulation/output/display.h"

namespace chosa {
namespace {

std::string NumberText(double x) {
  if (x == static_cast<double>(static_cast<long long>(x)))
    return fmt::format("{}", static_cast<long long>(x));
  return fmt::format("{:.2f}", x);
}

void RenderTable(const Table& t, std::string* out) {
  std::string heading = t.number == t.title || t.number == t.question_id
                            ? t.title
                            : fmt::format("{}　{}", t.number, t.title);
  std::string bases;
  for (const TallyBase& b : t.bases) {
    bases += fmt::format("{}{} n={}", bases.empty() ? "" : " / ", BaseName(b.kind),
                         t.weighted ? fmt::format("{:.1f}", b.weighted) : std::to_string(b.n));
  }
  std::string kind = TypeName(t.type);
  if (t.type == QuestionType::kMulti) {
    kind += t.percent_of == PercentOf::kMentions ? "・回答数に対する%" : "・回答者に対する%";
  }
  *out += fmt::format("■ {}［{}］ {}\n", heading, kind, bases);

  if (t.summary) {
    const NumberSummary& s = *t.summary;
    *out += fmt::format("    回答者 {}  平均 {}  中央値 {}  最小 {}  最大 {}  標準偏差 {}\n", s.n,
                        NumberText(s.mean), NumberText(s.median), NumberText(s.min),
                        NumberText(s.max), NumberText(s.sd));
  }
  if (!t.rows.empty()) {
    int label_width = DisplayWidth("合計");
    for (const TableRow& r : t.rows) label_width = std::max(label_width, DisplayWidth(r.label));
    label_width = std::min(label_width, 44);
    const int count_width = 8;
    std::vector<std::string> pct_heads;
    for (const TallyBase& b : t.bases) {
      pct_heads.push_back(t.bases.size() == 1 ? std::string("%")
                                              : fmt::format("%({})", BaseName(b.kind)));
    }
    std::vector<int> pct_widths;
    for (const std::string& h : pct_heads) pct_widths.push_back(std::max(8, DisplayWidth(h) + 2));
    std::string line = "    " + PadRight("", label_width) + PadLeft("件数", count_width);
    for (size_t i = 0; i < pct_heads.size(); ++i) line += PadLeft(pct_heads[i], pct_widths[i]);
    *out += line + "\n";
    for (const TableRow& r : t.rows) {
      // A label wider than the column goes on its own line, the figures on the next.
      if (DisplayWidth(r.label) > label_width) *out += "    " + r.label + "\n";
      std::string_view label = DisplayWidth(r.label) > label_width ? std::string_view() : r.label;
      line = "    " + PadRight(label, label_width) +
             PadLeft(r.suppressed ? "x" : DisplayCount(t, r.n, r.weighted), count_width);
      for (size_t i = 0; i < t.bases.size(); ++i)
        line += PadLeft(DisplayPercent(t, r, i), pct_widths[i]);
      *out += line + "\n";
    }
    // The base line: 合計 for single answers; respondents (and mentions) for multi answers.
    const TallyBase& first = t.bases.front();
    if (t.type == QuestionType::kMulti) {
      line = "    " + PadRight("回答者数", label_width) +
             PadLeft(DisplayCount(t, first.n, first.weighted), count_width);
      for (size_t i = 0; i < t.bases.size(); ++i) line += PadLeft("―", pct_widths[i]);
      *out += line + "\n";
      if (t.percent_of == PercentOf::kMentions) {
        line = "    " + PadRight("延べ回答数", label_width) +
               PadLeft(DisplayCount(t, t.mentions, t.mentions_w), count_width);
        for (size_t i = 0; i < t.bases.size(); ++i)
          line += PadLeft(t.mentions > 0 ? "100" : "-", pct_widths[i]);
        *out += line + "\n";
      }
    } else if (!t.summary && t.type != QuestionType::kText && t.type != QuestionType::kTextArea) {
      line = "    " + PadRight("合計", label_width) +
             PadLeft(DisplayCount(t, first.n, first.weighted), count_width);
      for (size_t i = 0; i < t.bases.size(); ++i) {
        line += PadLeft(t.bases[i].n > 0 ? "100" : "-", pct_widths[i]);
      }
      *out += line + "\n";
    }
  }
  if (!t.texts.empty()) {
    *out += t.type == QuestionType::kText || t.type == QuestionType::kTextArea
                ? "    記述内容:\n"
                : "    その他の記述:\n";
    for (const auto& [code, text] : t.texts) {
      std::string one_line = text;
      std::replace(one_line.begin(), one_line.end(), '\n', ' ');
      *out += "      ・" + one_line + "\n";
    }
  }
  *out += "\n";
}

}  // namespace

std::string RenderTallyText(const TallyReport& report) {
  std::string out = fmt::format("{}（{} 版{}）\n回答者数 {}", report.title, report.survey_id,
                                report.survey_version, report.respondents);
  if (!report.weight_variable.empty()) {
    out += fmt::format("（ウェイト {}: 合計 {:.1f}）", report.weight_variable, report.total_weight);
  }
  out += "\n\n";
  for (const Table& t : report.tables) RenderTable(t, &out);
  return out;
}

}  // namespace chosa
