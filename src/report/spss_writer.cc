#include "report/spss_writer.h"

#include <fmt/format.h>
#include <readstat.h>

#include <cstdio>
#include <filesystem>
#include <map>
#include <memory>

#include "base/file.h"
#include "questionnaire/variables.h"

namespace chosa {
namespace {

ssize_t WriteBytes(const void* data, size_t len, void* ctx) {
  return static_cast<ssize_t>(std::fwrite(data, 1, len, static_cast<FILE*>(ctx)));
}

std::string LabelOf(const Question& q) {
  std::string title = q.title.empty() ? q.text : q.title;
  return q.number == q.id || q.number.empty() ? title : q.number + " " + title;
}

// What a variable holds for one respondent: a number, a text, or a missing code.
struct Cell {
  bool text = false;
  double number = 0;
  std::string_view string;
};

class SavWriter {
 public:
  SavWriter(const Dataset& data) : data_(data), qn_(data.questionnaire()) {
    vars_ = LayoutVariables(qn_, false);
    // Texts per variable and respondent (free texts and "other" texts).
    for (size_t v = 0; v < vars_.size(); ++v) {
      const Variable& var = vars_[v];
      if (var.kind != VariableKind::kText && var.kind != VariableKind::kOtherText) continue;
      for (const auto& [row, text] : data_.column(var.question).texts) {
        bool match = var.kind == VariableKind::kText ? text.first == 0 : text.first == var.code;
        if (match) texts_[v][row] = text.second;
      }
    }
  }

  Status Write(FILE* out) {
    std::unique_ptr<readstat_writer_t, void (*)(readstat_writer_t*)> w(readstat_writer_init(),
                                                                       readstat_writer_free);
    readstat_set_data_writer(w.get(), WriteBytes);
    readstat_writer_set_file_label(w.get(), qn_.title.substr(0, 60).c_str());
    std::vector<readstat_variable_t*> rv;
    for (size_t v = 0; v < vars_.size(); ++v) rv.push_back(Define(w.get(), v));
    auto check = [](readstat_error_t e, const char* what) {
      return e == READSTAT_OK ? Status::Ok()
                              : Status::Internal(fmt::format("SPSS ファイルを書けません（{}: {}）",
                                                             what, readstat_error_message(e)));
    };
    CHOSA_RETURN_IF_ERROR(
        check(readstat_begin_writing_sav(w.get(), out, static_cast<long>(data_.size())), "begin"));
    for (int64_t r = 0; r < data_.size(); ++r) {
      CHOSA_RETURN_IF_ERROR(check(readstat_begin_row(w.get()), "row"));
      for (size_t v = 0; v < vars_.size(); ++v) {
        Cell c = Value(v, r);
        readstat_error_t e =
            c.text ? readstat_insert_string_value(w.get(), rv[v], std::string(c.string).c_str())
                   : readstat_insert_double_value(w.get(), rv[v], c.number);
        CHOSA_RETURN_IF_ERROR(check(e, vars_[v].name.c_str()));
      }
      CHOSA_RETURN_IF_ERROR(check(readstat_end_row(w.get()), "row"));
    }
    return check(readstat_end_writing(w.get()), "end");
  }

 private:
  bool IsText(const Variable& v) const {
    return v.kind == VariableKind::kText || v.kind == VariableKind::kOtherText;
  }

  readstat_variable_t* Define(readstat_writer_t* w, size_t index) {
    const Variable& var = vars_[index];
    const Question& q = qn_.questions[var.question];
    if (IsText(var)) {
      size_t width = 1;
      for (const auto& [row, text] : texts_[index]) width = std::max(width, text.size());
      readstat_variable_t* v = readstat_add_variable(w, var.name.c_str(), READSTAT_TYPE_STRING,
                                                     std::min<size_t>(width, 32767));
      std::string label = var.kind == VariableKind::kOtherText
                              ? fmt::format("{}（{} の内容）", LabelOf(q),
                                            q.FindOption(var.code) ? q.FindOption(var.code)->label
                                                                   : std::to_string(var.code))
                              : LabelOf(q);
      readstat_variable_set_label(v, label.c_str());
      return v;
    }
    readstat_variable_t* v = readstat_add_variable(w, var.name.c_str(), READSTAT_TYPE_DOUBLE, 0);
    bool number = var.kind == VariableKind::kNumber;
    readstat_label_set_t* labels =
        readstat_add_label_set(w, READSTAT_TYPE_DOUBLE, ("L_" + var.name).c_str());
    std::string label = LabelOf(q);
    switch (var.kind) {
      case VariableKind::kCode:
        for (const Option& o : q.options)
          readstat_label_double_value(labels, o.code, o.label.c_str());
        readstat_variable_set_measure(v, READSTAT_MEASURE_NOMINAL);
        break;
      case VariableKind::kItemCode:
        label += "：" + q.items[var.item].label;
        for (const Option& o : q.options)
          readstat_label_double_value(labels, o.code, o.label.c_str());
        readstat_variable_set_measure(v, READSTAT_MEASURE_ORDINAL);
        break;
      case VariableKind::kDichotomy:
        if (const Option* o = q.FindOption(var.code)) label += "：" + o->label;
        readstat_label_double_value(labels, 1, "選択");
        readstat_label_double_value(labels, 0, "非選択");
        readstat_variable_set_measure(v, READSTAT_MEASURE_NOMINAL);
        break;
      default:
        readstat_variable_set_measure(v, READSTAT_MEASURE_SCALE);
        break;
    }
    double no_answer = number ? kSavNumberNoAnswer : kSavNoAnswer;
    double not_applicable = number ? kSavNumberNotApplicable : kSavNotApplicable;
    readstat_label_double_value(labels, no_answer, "無回答");
    readstat_label_double_value(labels, not_applicable, "非該当");
    readstat_variable_set_label(v, label.c_str());
    readstat_variable_set_label_set(v, labels);
    readstat_variable_set_format(
        v, number && q.decimals > 0 ? fmt::format("F12.{}", q.decimals).c_str() : "F8.0");
    readstat_variable_add_missing_double_value(v, no_answer);
    readstat_variable_add_missing_double_value(v, not_applicable);
    return v;
  }

  Cell Value(size_t index, int64_t r) const {
    const Variable& var = vars_[index];
    const QuestionColumn& c = data_.column(var.question);
    const Question& q = qn_.questions[var.question];
    AnswerState state = c.states[r];
    if (IsText(var)) {
      auto at = texts_.find(index);
      if (at != texts_.end()) {
        auto text = at->second.find(r);
        if (text != at->second.end()) return {true, 0, text->second};
      }
      return {true, 0, ""};
    }
    bool number = var.kind == VariableKind::kNumber;
    if (state == AnswerState::kNotApplicable)
      return {false, number ? kSavNumberNotApplicable : kSavNotApplicable, {}};
    if (state == AnswerState::kNoAnswer)
      return {false, number ? kSavNumberNoAnswer : kSavNoAnswer, {}};
    switch (var.kind) {
      case VariableKind::kCode:
        return {false, static_cast<double>(c.codes[r]), {}};
      case VariableKind::kItemCode: {
        int code = c.codes[static_cast<size_t>(r) * q.items.size() + var.item];
        return {false, code == 0 ? kSavNoAnswer : static_cast<double>(code), {}};
      }
      case VariableKind::kDichotomy: {
        int bit = q.OptionPosition(var.code);
        bool chosen =
            bit >= 0 && (c.bits[static_cast<size_t>(r) * c.words + bit / 64] >> (bit % 64) & 1);
        return {false, chosen ? 1.0 : 0.0, {}};
      }
      case VariableKind::kNumber:
        return {false, c.numbers[r], {}};
      default:
        return {false, 0, {}};
    }
  }

  const Dataset& data_;
  const Questionnaire& qn_;
  std::vector<Variable> vars_;
  std::map<size_t, std::map<int64_t, std::string>> texts_;
};

}  // namespace

std::string SavSyntax(const Questionnaire& qn) {
  std::string out = fmt::format(
      "* {} ({} 版{}) : chosa が書き出した SPSS ファイルの補足.\n"
      "* 欠損値: 選択肢と表形式は -1 = 無回答, -2 = 非該当; 数値は {:.0f} = 無回答, {:.0f} = "
      "非該当.\n"
      "* 複数回答の質問を多重二分法セットとして定義します.\n",
      qn.title, qn.id, qn.version, kSavNumberNoAnswer, kSavNumberNotApplicable);
  std::string sets;
  for (const Question& q : qn.questions) {
    if (q.personal || q.type != QuestionType::kMulti) continue;
    std::string vars;
    for (const Option& o : q.options) vars += fmt::format(" {}_{}", q.id, o.code);
    std::string label = LabelOf(q);
    for (char& ch : label)
      if (ch == '\'') ch = ' ';
    sets += fmt::format(
        "  /MDGROUP NAME=${} LABEL='{}' CATEGORYLABELS=VARLABELS VARIABLES={} VALUE=1\n", q.id,
        label, vars);
  }
  if (!sets.empty()) out += "MRSETS\n" + sets + "  .\n";
  return out;
}

Status WriteSav(const Dataset& data, const std::string& path) {
  std::string tmp = path + ".tmp";
  FILE* out = std::fopen(tmp.c_str(), "wb");
  if (out == nullptr) return Status::InvalidArgument(fmt::format("{} に書き込めません", path));
  Status s = SavWriter(data).Write(out);
  if (std::fclose(out) != 0 && s.ok())
    s = Status::Internal(fmt::format("{} に書き込めません", path));
  if (!s.ok()) {
    std::filesystem::remove(tmp);
    return s;
  }
  std::filesystem::rename(tmp, path);
  std::string sps = std::filesystem::path(path).replace_extension(".sps").string();
  return WriteFileAtomic(sps, SavSyntax(data.questionnaire()));
}

}  // namespace chosa
