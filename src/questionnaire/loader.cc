#include "questionnaire/loader.h"

#include <fmt/format.h>
#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <map>
#include <set>

#include "base/file.h"
#include "questionnaire/checker.h"
#include "questionnaire/includes.h"
#include "questionnaire/prefectures.h"
#include "questionnaire/yaml_reader.h"

namespace chosa {
namespace {

std::optional<QuestionType> ParseType(std::string_view s) {
  if (s == "single" || s == "sa") return QuestionType::kSingle;
  if (s == "multi" || s == "ma") return QuestionType::kMulti;
  if (s == "text") return QuestionType::kText;
  if (s == "textarea") return QuestionType::kTextArea;
  if (s == "number") return QuestionType::kNumber;
  if (s == "prefecture") return QuestionType::kPrefecture;
  if (s == "grid") return QuestionType::kGrid;
  return std::nullopt;
}

std::optional<TableBase> ParseBase(std::string_view s) {
  if (s == "all") return TableBase::kAll;
  if (s == "applicable") return TableBase::kApplicable;
  if (s == "answered") return TableBase::kAnswered;
  return std::nullopt;
}

class QuestionnaireBuilder {
 public:
  QuestionnaireBuilder(YamlReader* r, Questionnaire* qn) : r_(*r), qn_(*qn) {}

  void Build(const YAML::Node& root) {
    if (!r_.CheckMap(root, "調査票ファイル", {"survey", "tabulation", "option_sets", "sections"})) {
      return;
    }
    if (YAML::Node s = root["survey"]) {
      ReadSurvey(s);
    } else {
      r_.Error(root, "missing-key", "調査票ファイルに \"survey\" がありません");
    }
    if (YAML::Node t = root["tabulation"]) ReadTabulationDefaults(t);
    if (YAML::Node sets = root["option_sets"]) ReadOptionSets(sets);
    YAML::Node sections = root["sections"];
    if (!sections) {
      r_.Error(root, "missing-key", "調査票ファイルに \"sections\" がありません");
      return;
    }
    if (!sections.IsSequence()) {
      r_.Error(sections, "not-a-list", "\"sections\" はリスト（- で始まる行）で書いてください");
      return;
    }
    if (sections.size() == 0) r_.Error(sections, "no-sections", "sections が空です");
    for (const YAML::Node& s : sections) ReadSection(s);
  }

 private:
  void ReadSurvey(const YAML::Node& s) {
    if (!r_.CheckMap(s, "survey",
                     {"id", "version", "title", "organization", "introduction", "closing"})) {
      return;
    }
    qn_.id = r_.String(s, "id", true, "survey").value_or("");
    qn_.id_location = r_.Loc(s["id"] ? s["id"] : s);
    if (auto v = r_.Int(s, "version", false, "survey")) {
      if (*v < 1 || *v > 1000000) {
        r_.Error(s["version"], "bad-version", "version は 1 以上の整数にしてください");
      }
      qn_.version = static_cast<int>(*v);
    }
    qn_.title = r_.String(s, "title", true, "survey").value_or("");
    qn_.organization = r_.String(s, "organization", false, "survey").value_or("");
    qn_.introduction = r_.String(s, "introduction", false, "survey").value_or("");
    qn_.closing = r_.String(s, "closing", false, "survey").value_or("");
  }

  void ReadTabulationDefaults(const YAML::Node& t) {
    QuestionTabulation parsed = ReadTabulation(t, "tabulation");
    if (parsed.decimals) qn_.tabulation.decimals = *parsed.decimals;
    if (parsed.bases) qn_.tabulation.bases = *parsed.bases;
    if (parsed.percent_of) qn_.tabulation.percent_of = *parsed.percent_of;
    if (parsed.order) qn_.tabulation.order = *parsed.order;
  }

  QuestionTabulation ReadTabulation(const YAML::Node& t, std::string_view what) {
    QuestionTabulation out;
    if (!r_.CheckMap(t, what, {"decimals", "base", "percent_of", "order"})) return out;
    if (auto d = r_.Int(t, "decimals", false, what)) {
      if (*d < 0 || *d > 4) {
        r_.Error(t["decimals"], "bad-decimals", "decimals は 0 から 4 にしてください");
      } else {
        out.decimals = static_cast<int>(*d);
      }
    }
    if (YAML::Node b = t["base"]) {
      std::vector<TableBase> bases;
      std::vector<YAML::Node> items;
      if (b.IsSequence()) {
        for (const YAML::Node& x : b) items.push_back(x);
      } else {
        items.push_back(b);
      }
      for (const YAML::Node& x : items) {
        auto base = x.IsScalar() ? ParseBase(x.Scalar()) : std::nullopt;
        if (!base) {
          r_.Error(x, "bad-base",
                   "base は all, applicable, answered のどれか（またはそのリスト）"
                   "にしてください");
        } else {
          bases.push_back(*base);
        }
      }
      if (!bases.empty()) out.bases = bases;
    }
    if (auto p = r_.String(t, "percent_of", false, what)) {
      if (*p == "cases" || *p == "respondents") {
        out.percent_of = PercentOf::kCases;
      } else if (*p == "mentions" || *p == "responses") {
        out.percent_of = PercentOf::kMentions;
      } else {
        r_.Error(t["percent_of"], "bad-percent-of",
                 "percent_of は cases か mentions にしてください");
      }
    }
    if (auto o = r_.String(t, "order", false, what)) {
      if (*o == "questionnaire") {
        out.order = RowOrder::kQuestionnaire;
      } else if (*o == "count") {
        out.order = RowOrder::kCountDescending;
      } else {
        r_.Error(t["order"], "bad-order", "order は questionnaire か count にしてください");
      }
    }
    return out;
  }

  void ReadOptionSets(const YAML::Node& sets) {
    if (!sets.IsMap()) {
      r_.Error(sets, "not-a-mapping", "option_sets は「名前: 選択肢のリスト」の形で書いてください");
      return;
    }
    for (auto it = sets.begin(); it != sets.end(); ++it) {
      std::string name = it->first.Scalar();
      if (option_sets_.count(name)) {
        r_.Error(it->first, "duplicate-key",
                 fmt::format("選択肢セット \"{}\" が重複しています", name));
        continue;
      }
      option_sets_[name] = ReadOptionList(it->second, "option_sets." + name);
    }
  }

  std::vector<Option> ReadOptionList(const YAML::Node& list, const std::string& what) {
    std::vector<Option> options;
    if (!list.IsSequence()) {
      r_.Error(list, "not-a-list", fmt::format("{} は選択肢のリストにしてください", what));
      return options;
    }
    int position = 0;
    for (const YAML::Node& o : list) {
      ++position;
      Option opt;
      opt.location = r_.Loc(o);
      if (o.IsScalar()) {
        opt.code = position;
        opt.label = o.Scalar();
      } else if (r_.CheckMap(o, "選択肢", {"code", "label", "other", "exclusive", "group"})) {
        auto code = r_.Int(o, "code", false, "選択肢");
        opt.code = code ? static_cast<int>(*code) : position;
        if (code && (*code < 1 || *code > 32767)) {
          r_.Error(o["code"], "bad-code", "選択肢コードは 1 から 32767 の整数にしてください");
        }
        opt.label = r_.String(o, "label", true, "選択肢").value_or("");
        opt.other = r_.Bool(o, "other");
        opt.exclusive = r_.Bool(o, "exclusive");
        opt.group = r_.String(o, "group", false, "選択肢").value_or("");
      } else {
        continue;
      }
      options.push_back(std::move(opt));
    }
    return options;
  }

  void ReadSection(const YAML::Node& s) {
    if (!r_.CheckMap(s, "セクション", {"id", "title", "description", "personal", "questions"})) {
      return;
    }
    Section sec;
    sec.location = r_.Loc(s);
    sec.id = r_.String(s, "id", true, "セクション").value_or("");
    sec.title = r_.String(s, "title", false, "セクション").value_or("");
    sec.description = r_.String(s, "description", false, "セクション").value_or("");
    sec.personal = r_.Bool(s, "personal");
    int section_index = static_cast<int>(qn_.sections.size());
    YAML::Node qs = s["questions"];
    if (!qs) {
      r_.Error(s, "missing-key",
               fmt::format("セクション \"{}\" に \"questions\" がありません", sec.id));
    } else if (!qs.IsSequence()) {
      r_.Error(qs, "not-a-list", "\"questions\" はリストで書いてください");
    } else {
      for (const YAML::Node& q : qs) {
        std::optional<Question> question = ReadQuestion(q, sec.personal);
        if (!question) continue;
        question->section = section_index;
        sec.questions.push_back(static_cast<int>(qn_.questions.size()));
        qn_.questions.push_back(std::move(*question));
      }
    }
    qn_.sections.push_back(std::move(sec));
  }

  std::optional<Question> ReadQuestion(const YAML::Node& n, bool personal) {
    std::string label = "質問";
    if (n.IsMap() && n["id"] && n["id"].IsScalar()) label += " " + n["id"].Scalar();
    if (!r_.CheckMap(n, label,
                     {"id", "type", "number", "text", "title", "note", "required", "options",
                      "items", "min_choices", "max_choices", "decimals", "min", "max", "unit",
                      "format", "max_length", "when", "tabulation"})) {
      return std::nullopt;
    }
    Question q;
    q.location = r_.Loc(n);
    q.personal = personal;
    q.id = r_.String(n, "id", true, "質問").value_or("");
    std::string what = q.id.empty() ? "質問" : "質問 " + q.id;
    std::string type = r_.String(n, "type", true, what).value_or("");
    if (auto t = ParseType(type)) {
      q.type = *t;
    } else if (!type.empty()) {
      r_.Error(n["type"], "unknown-type",
               fmt::format("質問の種類 \"{}\" はありません（single, multi, text, textarea, number, "
                           "prefecture, grid のどれか）",
                           type));
      return std::nullopt;
    } else {
      return std::nullopt;
    }
    q.number = r_.String(n, "number", false, what).value_or(q.id);
    q.text = r_.String(n, "text", true, what).value_or("");
    q.title = r_.String(n, "title", false, what).value_or("");
    q.note = r_.String(n, "note", false, what).value_or("");
    q.required = r_.Bool(n, "required");
    if (YAML::Node o = n["options"]) {
      if (o.IsScalar()) {
        auto it = option_sets_.find(o.Scalar());
        if (it == option_sets_.end()) {
          r_.Error(o, "unknown-option-set",
                   fmt::format("選択肢セット \"{}\" は option_sets にありません", o.Scalar()));
        } else {
          q.options = it->second;
        }
      } else {
        q.options = ReadOptionList(o, what + " の options");
      }
    }
    if (YAML::Node items = n["items"]) ReadItems(items, &q, what);
    q.min_choices = static_cast<int>(r_.Int(n, "min_choices", false, what).value_or(0));
    q.max_choices = static_cast<int>(r_.Int(n, "max_choices", false, what).value_or(0));
    q.decimals = static_cast<int>(r_.Int(n, "decimals", false, what).value_or(0));
    q.min = r_.Double(n, "min");
    q.max = r_.Double(n, "max");
    q.unit = r_.String(n, "unit", false, what).value_or("");
    q.max_length = static_cast<int>(r_.Int(n, "max_length", false, what).value_or(0));
    if (auto f = r_.String(n, "format", false, what)) {
      if (*f == "email")
        q.format = TextFormat::kEmail;
      else if (*f == "phone")
        q.format = TextFormat::kPhone;
      else if (*f == "postal_code")
        q.format = TextFormat::kPostalCode;
      else if (*f != "plain") {
        r_.Error(n["format"], "bad-format",
                 "format は plain, email, phone, postal_code のどれかにしてください");
      }
    }
    if (YAML::Node w = n["when"]) {
      if (!w.IsScalar()) {
        r_.Error(w, "not-a-string", "when には条件式を文字列で書いてください");
      } else {
        q.when_source = w.Scalar();
        q.when_location = r_.Loc(w);
        q.when_quoted = w.Tag() == "!";
      }
    }
    if (YAML::Node t = n["tabulation"]) q.tabulation = ReadTabulation(t, what + " の tabulation");
    if (q.type == QuestionType::kPrefecture) {
      if (n["options"]) {
        r_.Error(n["options"], "options-not-allowed",
                 "prefecture の選択肢は 47 都道府県で固定です（options は書けません）");
      }
      for (int i = 0; i < kPrefectureCount; ++i) {
        q.options.push_back(
            Option{i + 1, std::string(kPrefectureNames[i]), false, false, "", q.location});
      }
    }
    return q;
  }

  void ReadItems(const YAML::Node& items, Question* q, const std::string& what) {
    if (!items.IsSequence()) {
      r_.Error(items, "not-a-list", fmt::format("{} の items はリストにしてください", what));
      return;
    }
    int position = 0;
    for (const YAML::Node& it : items) {
      ++position;
      GridItem item;
      item.location = r_.Loc(it);
      if (it.IsScalar()) {
        item.id = std::to_string(position);
        item.label = it.Scalar();
      } else if (r_.CheckMap(it, "表の項目", {"id", "label"})) {
        item.id = r_.String(it, "id", false, "表の項目").value_or(std::to_string(position));
        item.label = r_.String(it, "label", true, "表の項目").value_or("");
      } else {
        continue;
      }
      q->items.push_back(std::move(item));
    }
  }

  YamlReader& r_;
  Questionnaire& qn_;
  std::map<std::string, std::vector<Option>> option_sets_;
};

}  // namespace

int LoadResult::ErrorCount() const {
  return static_cast<int>(std::count_if(diagnostics.begin(), diagnostics.end(),
                                        [](const Diagnostic& d) { return !d.warning; }));
}

LoadResult LoadQuestionnaireText(std::string_view yaml, const std::string& source_name) {
  LoadResult result;
  YamlReader reader(source_name, &result.diagnostics);
  Questionnaire qn;
  qn.source_name = source_name;
  qn.source_text = std::string(yaml);
  try {
    YAML::Node root = YAML::Load(std::string(yaml));
    if (!root || root.IsNull()) {
      result.diagnostics.push_back(
          Diagnostic{SourceLocation{source_name, 1, 1}, "empty", "調査票ファイルが空です", false});
      return result;
    }
    if (ExpandIncludes(&root, source_name, &result.diagnostics)) {
      // What gets registered must stand alone: the expanded document, not the include.
      YAML::Emitter out;
      out << root;
      qn.source_text = std::string(out.c_str()) + "\n";
    }
    QuestionnaireBuilder builder(&reader, &qn);
    builder.Build(root);
  } catch (const YAML::Exception& e) {
    // yaml-cpp reports syntax errors (bad indentation, unclosed quotes) by exception.
    SourceLocation loc{source_name, e.mark.is_null() ? 0 : e.mark.line + 1,
                       e.mark.is_null() ? 0 : e.mark.column + 1};
    result.diagnostics.push_back(
        Diagnostic{loc, "yaml-syntax", "YAML の書き方に誤りがあります: " + e.msg, false});
    return result;
  }
  qn.IndexQuestions();
  CheckQuestionnaire(&qn, &result.diagnostics);
  std::stable_sort(result.diagnostics.begin(), result.diagnostics.end(),
                   [](const Diagnostic& a, const Diagnostic& b) {
                     return std::tie(a.location.line, a.location.column) <
                            std::tie(b.location.line, b.location.column);
                   });
  if (result.ErrorCount() == 0) result.questionnaire = std::move(qn);
  return result;
}

LoadResult LoadQuestionnaireFile(const std::string& path) {
  Result<std::string> text = ReadFile(path);
  if (!text.ok()) {
    LoadResult result;
    result.diagnostics.push_back(
        Diagnostic{SourceLocation{path, 0, 0}, "unreadable", text.status().message(), false});
    return result;
  }
  return LoadQuestionnaireText(*text, path);
}

namespace {

Result<Questionnaire> ToResult(LoadResult loaded) {
  if (loaded.ok()) return std::move(*loaded.questionnaire);
  std::string message;
  for (const Diagnostic& d : loaded.diagnostics) {
    if (d.warning) continue;
    if (!message.empty()) message += "\n";
    message += d.ToString();
  }
  return Status::InvalidArgument(message);
}

}  // namespace

Result<Questionnaire> LoadQuestionnaire(const std::string& path) {
  return ToResult(LoadQuestionnaireFile(path));
}

Result<Questionnaire> ParseQuestionnaire(std::string_view yaml, const std::string& source_name) {
  return ToResult(LoadQuestionnaireText(yaml, source_name));
}

}  // namespace chosa
