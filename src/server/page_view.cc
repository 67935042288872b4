#include "server/page_view.h"

#include <fmt/format.h>

#include <algorithm>
#include <set>

#include "engine/value_parser.h"

namespace chosa::web {
namespace {

using kainjow::mustache::data;

constexpr char kOpen = '\x01', kClose = '\x02';

// Where the dynamic parts of a question's inputs come from.
class Slots {
 public:
  virtual ~Slots() = default;
  virtual std::string Checked(int code) const = 0;  // " checked" or ""
  virtual std::string Selected(int code) const = 0;
  virtual std::string Value() const = 0;  // text, textarea, number (escaped by the template)
  virtual std::string Other(int code) const = 0;
  virtual std::string GridChecked(int item, int code) const = 0;
};

// What the respondent typed (or the saved answers turned back into input).
class RawSlots final : public Slots {
 public:
  explicit RawSlots(const RawAnswer& raw) : raw_(raw) {}
  std::string Checked(int code) const override { return Has(code) ? " checked" : ""; }
  std::string Selected(int code) const override { return Has(code) ? " selected" : ""; }
  std::string Value() const override {
    return raw_.values.empty() ? "" : std::string(raw_.values[0]);
  }
  std::string Other(int code) const override {
    for (const auto& [c, text] : raw_.other_texts) {
      if (c == code) return std::string(text);
    }
    return "";
  }
  std::string GridChecked(int item, int code) const override {
    return static_cast<size_t>(item) < raw_.values.size() &&
                   raw_.values[item] == std::to_string(code)
               ? " checked"
               : "";
  }

 private:
  bool Has(int code) const {
    if (std::find(raw_.codes.begin(), raw_.codes.end(), code) != raw_.codes.end()) return true;
    std::string s = std::to_string(code);
    return std::find(raw_.values.begin(), raw_.values.end(), s) != raw_.values.end();
  }
  const RawAnswer& raw_;
};

// Markers that PageCache replaces per request.
class MarkerSlots final : public Slots {
 public:
  std::string Checked(int code) const override { return Marker('c', code); }
  std::string Selected(int code) const override { return Marker('s', code); }
  std::string Value() const override { return Marker('v', 0); }
  std::string Other(int code) const override { return Marker('o', code); }
  std::string GridChecked(int item, int code) const override {
    return fmt::format("{}g{}:{}{}", kOpen, item, code, kClose);
  }
  static std::string Marker(char slot, int code) {
    return fmt::format("{}{}{}{}", kOpen, slot, code, kClose);
  }
};

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

const char* RefType(const Question& q) {
  switch (q.type) {
    case QuestionType::kMulti:
      return "set";
    case QuestionType::kNumber:
      return "number";
    case QuestionType::kText:
    case QuestionType::kTextArea:
      return "text";
    default:
      return "code";
  }
}

// A reference for the page script: read from an input of the page ("q") or from the page's
// known answers ("k").
std::string RefJson(const Questionnaire& qn, int section, int q, int item) {
  const Question& ref = qn.questions[q];
  std::string name = item >= 0 ? ref.id + "_" + ref.items[item].id : ref.id;
  return fmt::format("{{\"{}\":\"{}\",\"t\":\"{}\"}}", ref.section == section ? "q" : "k", name,
                     RefType(ref));
}

std::string JsonEscaped(std::string_view s) {
  std::string out;
  for (char c : s) {
    if (c == '"' || c == '\\') {
      out += '\\';
      out += c;
    } else if (c == '<' || c == '>' || c == '&' || static_cast<unsigned char>(c) < 0x20) {
      out += fmt::format("\\u{:04x}", static_cast<unsigned char>(c));
    } else {
      out += c;
    }
  }
  return out;
}

std::string ValueJson(const Question& q, const Answer& a, int item) {
  if (!a.answered()) return "null";
  switch (q.type) {
    case QuestionType::kMulti: {
      std::string list;
      for (int c : a.codes) list += (list.empty() ? "" : ",") + std::to_string(c);
      return "[" + list + "]";
    }
    case QuestionType::kNumber:
      return FormatAnswerNumber(a.number);
    case QuestionType::kText:
    case QuestionType::kTextArea:
      return "\"" + JsonEscaped(a.text) + "\"";
    default: {
      int code = item >= 0 ? (static_cast<size_t>(item) < a.codes.size() ? a.codes[item] : 0)
                           : (a.codes.empty() ? 0 : a.codes[0]);
      return code == 0 ? std::string("null") : std::to_string(code);
    }
  }
}

data OptionView(const Question& q, const Option& o, const Slots& slots,
                const std::string& previous_group) {
  data v;
  v.set("code", std::to_string(o.code));
  v.set("label", o.label);
  v.set("input_id", fmt::format("{}-{}", q.id, o.code));
  v.set("checked_attr", slots.Checked(o.code));
  v.set("selected_attr", slots.Selected(o.code));
  v.set("exclusive", o.exclusive);
  if (o.other) {
    data other;
    other.set("name", fmt::format("{}_{}_text", q.id, o.code));
    other.set("value", slots.Other(o.code));
    v.set("other", other);
  }
  if (!o.group.empty() && o.group != previous_group) v.set("group", o.group);
  return v;
}

data QuestionView(const Questionnaire& qn, int index, const Slots& slots,
                  const std::string* error) {
  const Question& q = qn.questions[index];
  data v;
  v.set("id", q.id);
  v.set("number", q.personal ? std::string() : q.number);
  v.set("text", q.text);
  v.set("hint", Hint(q));
  v.set("required", q.required);
  if (!q.note.empty()) v.set("note", q.note);
  std::string condition = SamePageCondition(qn, q);
  if (!condition.empty()) {
    v.set("condition", condition);
    v.set("when",
          q.when->ToJson([&](int ref, int item) { return RefJson(qn, q.section, ref, item); }));
  }
  if (error != nullptr) v.set("error", *error);
  switch (q.type) {
    case QuestionType::kSingle:
    case QuestionType::kMulti: {
      v.set("is_choice", true);
      v.set("input_type", q.type == QuestionType::kMulti ? "checkbox" : "radio");
      data options{data::type::list};
      std::string group;
      for (const Option& o : q.options) {
        options.push_back(OptionView(q, o, slots, group));
        group = o.group;
      }
      v.set("options", options);
      break;
    }
    case QuestionType::kPrefecture: {
      v.set("is_select", true);
      data options{data::type::list};
      for (const Option& o : q.options) options.push_back(OptionView(q, o, slots, ""));
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
        data cells{data::type::list};
        for (const Option& o : q.options) {
          data cell;
          cell.set("code", std::to_string(o.code));
          cell.set("label", o.label);
          cell.set("input_id", fmt::format("{}-{}", name, o.code));
          cell.set("checked_attr", slots.GridChecked(static_cast<int>(i), o.code));
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
      v.set("value", slots.Value());
      if (!q.unit.empty()) v.set("unit", q.unit);
      break;
    case QuestionType::kText:
      v.set("is_text", true);
      v.set("value", slots.Value());
      v.set("input_kind", q.format == TextFormat::kEmail   ? "email"
                          : q.format == TextFormat::kPhone ? "tel"
                                                           : "text");
      break;
    case QuestionType::kTextArea:
      v.set("is_textarea", true);
      v.set("value", slots.Value());
      break;
  }
  return v;
}

// The page template's view, with the questions' HTML and the dynamic parts given.
data PageView(const Questionnaire& qn, int section, int page, int pages,
              const std::string& questions_html, const std::string& csrf,
              const std::string& known) {
  const Section& sec = qn.sections[section];
  data v;
  v.set("survey_title", qn.title);
  v.set("section_title", sec.title);
  if (!sec.description.empty()) v.set("section_description", sec.description);
  v.set("page", std::to_string(page));
  v.set("pages", std::to_string(pages));
  v.set("first_page", page == 1);
  v.set("questions_html", questions_html);
  v.set("csrf", csrf);
  v.set("known", known);
  return v;
}

// Other-page questions read by the conditions of `section`'s questions, in order.
std::vector<int> KnownQuestions(const Questionnaire& qn, int section) {
  std::set<int> known;
  for (int qi : qn.sections[section].questions) {
    const Question& q = qn.questions[qi];
    if (SamePageCondition(qn, q).empty()) continue;
    for (int d : q.when->Dependencies()) {
      if (qn.questions[d].section != section) known.insert(d);
    }
  }
  return std::vector<int>(known.begin(), known.end());
}

void AppendEscaped(std::string_view s, std::string* out) {
  *out += kainjow::mustache::html_escape(std::string(s));
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

std::string KnownJsonOf(const Questionnaire& qn, const std::vector<int>& known,
                        const Answers& answers) {
  std::string out = "{";
  for (int q : known) {
    const Question& question = qn.questions[q];
    if (out.size() > 1) out += ",";
    if (question.type == QuestionType::kGrid) {
      for (size_t i = 0; i < question.items.size(); ++i) {
        out += fmt::format("{}\"{}_{}\":{}", i ? "," : "", question.id, question.items[i].id,
                           ValueJson(question, answers[q], static_cast<int>(i)));
      }
    } else {
      out += fmt::format("\"{}\":{}", question.id, ValueJson(question, answers[q], -1));
    }
  }
  return out + "}";
}

std::string KnownJson(const Questionnaire& qn, int section, const Answers& answers) {
  return KnownJsonOf(qn, KnownQuestions(qn, section), answers);
}

std::string RenderAnswerPage(const TemplateSet& templates, const PageInput& in, int page, int pages,
                             const std::string& csrf) {
  const Questionnaire& qn = *in.qn;
  std::string questions;
  data errors{data::type::list};
  for (int index : qn.sections[in.section].questions) {
    if (!ShownOnPage(qn, index, *in.answers)) continue;
    auto err = in.errors.find(index);
    const std::string* error = err == in.errors.end() ? nullptr : &err->second;
    RawSlots slots((*in.shown)[index]);
    questions += templates.Render("question", QuestionView(qn, index, slots, error));
    if (error != nullptr) {
      data e;
      e.set("id", qn.questions[index].id);
      e.set("number", qn.questions[index].number);
      e.set("message", *error);
      errors.push_back(e);
    }
  }
  data v = PageView(qn, in.section, page, pages, questions, csrf,
                    KnownJson(qn, in.section, *in.answers));
  if (!in.errors.empty()) {
    v.set("has_errors", true);
    v.set("errors", errors);
    v.set("error_count", std::to_string(in.errors.size()));
  }
  return templates.RenderPage("page", v, qn.title);
}

PageCache PageCache::Build(const TemplateSet& templates, const Questionnaire& qn) {
  PageCache cache;
  cache.qn_ = &qn;
  int pages = static_cast<int>(qn.sections.size());
  MarkerSlots markers;
  for (int s = 0; s < pages; ++s) {
    Page page;
    data v = PageView(qn, s, s + 1, pages, MarkerSlots::Marker('Q', 0), MarkerSlots::Marker('t', 0),
                      MarkerSlots::Marker('k', 0));
    page.frame = Split(templates.RenderPage("page", v, qn.title));
    page.known = KnownQuestions(qn, s);
    for (int index : qn.sections[s].questions) {
      page.questions.emplace_back(
          index, Split(templates.Render("question", QuestionView(qn, index, markers, nullptr))));
    }
    cache.pages_.push_back(std::move(page));
  }
  return cache;
}

PageCache::Pieces PageCache::Split(const std::string& marked) {
  Pieces pieces;
  size_t pos = 0;
  while (pos < marked.size()) {
    size_t open = marked.find(kOpen, pos);
    if (open == std::string::npos) open = marked.size();
    if (open > pos) pieces.push_back(Piece{marked.substr(pos, open - pos)});
    if (open == marked.size()) break;
    size_t close = marked.find(kClose, open);
    std::string_view m(marked.data() + open + 1, close - open - 1);
    Piece p;
    p.slot = m[0];
    std::string_view arg = m.substr(1);
    size_t colon = arg.find(':');
    if (colon != std::string_view::npos) {
      p.item = std::stoi(std::string(arg.substr(0, colon)));
      p.code = std::stoi(std::string(arg.substr(colon + 1)));
    } else if (!arg.empty()) {
      p.code = std::stoi(std::string(arg));
    }
    pieces.push_back(p);
    pos = close + 1;
  }
  return pieces;
}

void PageCache::Fill(const Pieces& pieces, const Question* q, const Answer* a,
                     const Answers& answers, const Page& page, const std::string& csrf,
                     const std::string& questions, std::string* out) const {
  bool answered = a != nullptr && a->answered();
  for (const Piece& p : pieces) {
    switch (p.slot) {
      case 0:
        *out += p.text;
        break;
      case 'c':
        if (answered && a->Has(p.code)) *out += " checked";
        break;
      case 's':
        if (answered && a->Has(p.code)) *out += " selected";
        break;
      case 'g':
        if (answered && static_cast<size_t>(p.item) < a->codes.size() &&
            a->codes[p.item] == p.code) {
          *out += " checked";
        }
        break;
      case 'v':
        if (answered) {
          AppendEscaped(q->type == QuestionType::kNumber ? FormatAnswerNumber(a->number) : a->text,
                        out);
        }
        break;
      case 'o':
        if (answered) {
          if (const std::string* t = a->OtherText(p.code)) AppendEscaped(*t, out);
        }
        break;
      case 't':
        *out += csrf;
        break;
      case 'k':
        AppendEscaped(KnownJsonOf(*qn_, page.known, answers), out);
        break;
      case 'Q':
        *out += questions;
        break;
      default:
        break;
    }
  }
}

std::string PageCache::Render(int page, const Answers& answers, const std::string& csrf) const {
  const Page& p = pages_[page - 1];
  std::string questions;
  questions.reserve(16384);
  for (const auto& [index, pieces] : p.questions) {
    if (!ShownOnPage(*qn_, index, answers)) continue;
    Fill(pieces, &qn_->questions[index], &answers[index], answers, p, csrf, "", &questions);
  }
  std::string out;
  out.reserve(questions.size() + 4096);
  Fill(p.frame, nullptr, nullptr, answers, p, csrf, questions, &out);
  return out;
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
      out = FormatAnswerNumber(a.number) + q.unit;
      break;
    case QuestionType::kText:
    case QuestionType::kTextArea:
      out = a.text;
      break;
  }
  return out;
}

View AnsweredItems(const Questionnaire& qn, const Answers& answers) {
  View items{View::type::list};
  for (size_t qi = 0; qi < qn.questions.size(); ++qi) {
    const Question& q = qn.questions[qi];
    if (q.personal || !answers[qi].answered()) continue;
    View item;
    item.set("number", q.number);
    item.set("text", q.text);
    item.set("answer", AnswerText(q, answers[qi]));
    items.push_back(item);
  }
  return items;
}

}  // namespace chosa::web
