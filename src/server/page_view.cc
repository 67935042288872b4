#include "server/page_view.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>

namespace chosa::web {
namespace {

using kainjow::mustache::data;

bool RawHas(const RawAnswer& raw, int code) {
  if (std::find(raw.codes.begin(), raw.codes.end(), code) != raw.codes.end()) return true;
  std::string s = std::to_string(code);
  return std::find(raw.values.begin(), raw.values.end(), s) != raw.values.end();
}

std::string_view RawOther(const RawAnswer& raw, int code) {
  for (const auto& [c, text] : raw.other_texts) {
    if (c == code) return text;
  }
  return {};
}

std::string Hint(const Question& q) {
  switch (q.type) {
    case QuestionType::kSingle:
    case QuestionType::kPrefecture:
      return "（ひとつだけ）";
    case QuestionType::kMulti:
      return q.max_choices > 0 ? fmt::format("（{}つまで選択可）", q.max_choices)
                               : "（複数選択可）";
    case QuestionType::kGrid:
      return "（それぞれひとつずつ）";
    default:
      return "";
  }
}

// The numbers of the same-page questions a question's condition depends on, or "".
std::string SamePageCondition(const Questionnaire& qn, const Question& q) {
  if (!q.when) return "";
  std::string deps;
  for (int d : q.when->Dependencies()) {
    if (qn.questions[d].section != q.section) continue;
    deps += (deps.empty() ? "" : "・") + qn.questions[d].number;
  }
  return deps.empty() ? "" : fmt::format("{}の回答によっては、回答の必要はありません。", deps);
}

data OptionView(const Question& q, const Option& o, const RawAnswer& raw,
                const std::string& previous_group) {
  data v;
  v.set("code", std::to_string(o.code));
  v.set("label", o.label);
  v.set("input_id", fmt::format("{}-{}", q.id, o.code));
  v.set("checked", RawHas(raw, o.code));
  v.set("exclusive", o.exclusive);
  if (o.other) {
    data other;
    other.set("name", fmt::format("{}_{}_text", q.id, o.code));
    other.set("value", std::string(RawOther(raw, o.code)));
    v.set("other", other);
  }
  if (!o.group.empty() && o.group != previous_group) v.set("group", o.group);
  return v;
}

// A reference for the page script: read from the page when the question is on it, otherwise
// the value the server already has.
std::string RefJson(const Questionnaire& qn, const Answers& answers, int section, int q, int item) {
  const Question& ref = qn.questions[q];
  const char* type = ref.type == QuestionType::kMulti    ? "set"
                     : ref.type == QuestionType::kNumber ? "number"
                     : (ref.type == QuestionType::kText || ref.type == QuestionType::kTextArea) ? "text"
                                                                                                : "code";
  if (ref.section == section) {
    std::string name = item >= 0 ? ref.id + "_" + ref.items[item].id : ref.id;
    return fmt::format("{{\"q\":\"{}\",\"t\":\"{}\"}}", name, type);
  }
  const Answer& a = answers[q];
  if (!a.answered()) return "{\"v\":null}";
  switch (ref.type) {
    case QuestionType::kMulti: {
      std::string list;
      for (int c : a.codes) list += (list.empty() ? "" : ",") + std::to_string(c);
      return "{\"v\":[" + list + "]}";
    }
    case QuestionType::kNumber: return fmt::format("{{\"v\":{}}}", a.number);
    case QuestionType::kText:
    case QuestionType::kTextArea: {
      std::string escaped;  // a JSON string; < > & and controls as \u escapes
      for (char c : a.text) {
        if (c == '"' || c == '\\') escaped += '\\';
        if (c == '<' || c == '>' || c == '&' || static_cast<unsigned char>(c) < 0x20) {
          escaped += fmt::format("\\u{:04x}", static_cast<unsigned char>(c));
          continue;
        }
        escaped += c;
      }
      return "{\"v\":\"" + escaped + "\"}";
    }
    default: {
      int code = item >= 0 ? (static_cast<size_t>(item) < a.codes.size() ? a.codes[item] : 0)
                           : (a.codes.empty() ? 0 : a.codes[0]);
      return code == 0 ? std::string("{\"v\":null}") : fmt::format("{{\"v\":{}}}", code);
    }
  }
}

data QuestionView(const Questionnaire& qn, int index, const Answers& answers, const RawAnswer& raw,
                  const std::string* error) {
  const Question& q = qn.questions[index];
  data v;
  v.set("id", q.id);
  v.set("number", q.number == q.id && q.personal ? std::string() : q.number);
  v.set("text", q.text);
  v.set("hint", Hint(q));
  v.set("required", q.required);
  if (!q.note.empty()) v.set("note", q.note);
  std::string condition = SamePageCondition(qn, q);
  if (!condition.empty()) {
    v.set("condition", condition);
    v.set("when", q.when->ToJson([&](int ref, int item) { return RefJson(qn, answers, q.section, ref, item); }));
  }
  if (error != nullptr) v.set("error", *error);
  std::string_view value = raw.values.empty() ? std::string_view() : raw.values[0];
  switch (q.type) {
    case QuestionType::kSingle:
    case QuestionType::kMulti: {
      v.set("is_choice", true);
      v.set("input_type", q.type == QuestionType::kMulti ? "checkbox" : "radio");
      data options{data::type::list};
      std::string group;
      for (const Option& o : q.options) {
        options.push_back(OptionView(q, o, raw, group));
        group = o.group;
      }
      v.set("options", options);
      break;
    }
    case QuestionType::kPrefecture: {
      v.set("is_select", true);
      data options{data::type::list};
      for (const Option& o : q.options) options.push_back(OptionView(q, o, raw, ""));
      v.set("options", options);
      break;
    }
    case QuestionType::kGrid: {
      v.set("is_grid", true);
      data scale{data::type::list};
      for (const Option& o : q.options) {
        data s;
        s.set("label", o.label);
        scale.push_back(s);
      }
      v.set("scale", scale);
      data items{data::type::list};
      for (size_t i = 0; i < q.items.size(); ++i) {
        data item;
        std::string name = fmt::format("{}_{}", q.id, q.items[i].id);
        item.set("label", q.items[i].label);
        item.set("name", name);
        std::string_view chosen = i < raw.values.size() ? raw.values[i] : std::string_view();
        data cells{data::type::list};
        for (const Option& o : q.options) {
          data cell;
          cell.set("code", std::to_string(o.code));
          cell.set("label", o.label);
          cell.set("input_id", fmt::format("{}-{}", name, o.code));
          cell.set("checked", chosen == std::to_string(o.code));
          cells.push_back(cell);
        }
        item.set("cells", cells);
        items.push_back(item);
      }
      v.set("items", items);
      break;
    }
    case QuestionType::kNumber:
      v.set("is_number", true);
      v.set("value", std::string(value));
      if (!q.unit.empty()) v.set("unit", q.unit);
      break;
    case QuestionType::kText:
      v.set("is_text", true);
      v.set("value", std::string(value));
      v.set("input_kind", q.format == TextFormat::kEmail   ? "email"
                          : q.format == TextFormat::kPhone ? "tel"
                                                           : "text");
      break;
    case QuestionType::kTextArea:
      v.set("is_textarea", true);
      v.set("value", std::string(value));
      break;
  }
  return v;
}

}  // namespace

bool ShownOnPage(const Questionnaire& qn, int index, const Answers& answers) {
  const Question& q = qn.questions[index];
  if (!q.when || q.when->Evaluate(answers)) return true;
  for (int d : q.when->Dependencies()) {
    if (qn.questions[d].section == q.section) return true;
  }
  return false;
}

View SectionView(const PageInput& in, int page, int pages) {
  const Questionnaire& qn = *in.qn;
  const Section& section = qn.sections[in.section];
  data v;
  v.set("survey_title", qn.title);
  v.set("section_title", section.title);
  if (!section.description.empty()) v.set("section_description", section.description);
  v.set("page", std::to_string(page));
  v.set("pages", std::to_string(pages));
  v.set("first_page", page == 1);
  data questions{data::type::list};
  data errors{data::type::list};
  for (int index : section.questions) {
    if (!ShownOnPage(qn, index, *in.answers)) continue;
    auto err = in.errors.find(index);
    const std::string* error = err == in.errors.end() ? nullptr : &err->second;
    questions.push_back(QuestionView(qn, index, *in.answers, (*in.shown)[index], error));
    if (error != nullptr) {
      data e;
      e.set("id", qn.questions[index].id);
      e.set("number", qn.questions[index].number);
      e.set("message", *error);
      errors.push_back(e);
    }
  }
  v.set("questions", questions);
  if (!in.errors.empty()) {
    v.set("has_errors", true);
    v.set("errors", errors);
    v.set("error_count", std::to_string(in.errors.size()));
  }
  return v;
}

std::string AnswerText(const Question& q, const Answer& a) {
  if (!a.answered()) return "";
  std::string out;
  auto add = [&](const std::string& s) { out += (out.empty() ? "" : "、") + s; };
  switch (q.type) {
    case QuestionType::kSingle:
    case QuestionType::kMulti:
    case QuestionType::kPrefecture:
      for (int code : a.codes) {
        const Option* o = q.FindOption(code);
        std::string label = o ? o->label : std::to_string(code);
        if (const std::string* t = a.OtherText(code)) label += "（" + *t + "）";
        add(label);
      }
      break;
    case QuestionType::kGrid:
      for (size_t i = 0; i < q.items.size() && i < a.codes.size(); ++i) {
        const Option* o = q.FindOption(a.codes[i]);
        add(q.items[i].label + "：" + (o ? o->label : "未回答"));
      }
      break;
    case QuestionType::kNumber:
      out = (a.number == std::floor(a.number) ? fmt::format("{}", static_cast<long long>(a.number))
                                              : fmt::format("{}", a.number)) +
            q.unit;
      break;
    case QuestionType::kText:
    case QuestionType::kTextArea:
      out = a.text;
      break;
  }
  return out;
}

}  // namespace chosa::web
