#include "analysis/analysis_file.h"

#include "base/file.h"
#include "questionnaire/yaml_reader.h"

namespace chosa {
namespace {

bool HasErrors(const std::vector<Diagnostic>& d) {
  return std::any_of(d.begin(), d.end(), [](const Diagnostic& x) { return !x.warning; });
}

void ReadSettings(YamlReader& r, const YAML::Node& node, AnalysisSettings* s) {
  if (!r.CheckMap(node, "settings", {"small_base", "small_base_mark", "significance"})) return;
  if (auto v = r.Int(node, "small_base", false, "settings")) {
    if (*v < 0) r.Error(node["small_base"], "bad-value", "small_base は 0 以上にしてください");
    s->small_base = static_cast<int>(*v);
  }
  if (auto v = r.String(node, "small_base_mark", false, "settings")) s->small_base_mark = *v;
  YAML::Node levels = node["significance"];
  if (!levels) return;
  double loose = 0, strict = 0;
  if (!levels.IsSequence() || levels.size() != 2 ||
      !YAML::convert<double>::decode(levels[0], loose) ||
      !YAML::convert<double>::decode(levels[1], strict) || !(0.5 < loose && loose < strict) ||
      !(strict < 1)) {
    r.Error(levels, "bad-levels",
            "significance には信頼水準を2つ、低い順に書いてください（例: [0.95, 0.99]）");
    return;
  }
  s->loose_level = loose;
  s->strict_level = strict;
}

void ReadBreakdown(YamlReader& r, const YAML::Node& node, std::vector<Breakdown>* out) {
  if (!r.CheckMap(node, "breakdowns の項目", {"by", "questions", "chi_square", "numbers"})) return;
  Breakdown b;
  b.location = r.Loc(node);
  if (auto by = r.String(node, "by", true, "breakdowns の項目")) b.by = *by;
  YAML::Node qs = node["questions"];
  if (qs && !(qs.IsScalar() && qs.Scalar() == "all")) {
    if (!qs.IsSequence()) {
      r.Error(qs, "bad-questions", "questions には all か質問IDのリストを書いてください");
    } else {
      for (const YAML::Node& q : qs) {
        if (q.IsScalar()) {
          b.questions.push_back(q.Scalar());
        } else {
          r.Error(q, "bad-questions", "questions の項目には質問IDを書いてください");
        }
      }
    }
  }
  if (node["chi_square"]) b.chi_square = r.Bool(node, "chi_square");
  if (node["numbers"]) b.numbers = r.Bool(node, "numbers");
  out->push_back(std::move(b));
}

}  // namespace

AnalysisLoad LoadAnalysisText(std::string_view yaml, const std::string& source_name) {
  AnalysisLoad result;
  YamlReader r(source_name, &result.diagnostics);
  YAML::Node root;
  try {
    root = YAML::Load(std::string(yaml));
  } catch (const YAML::ParserException& e) {
    r.Error(SourceLocation{source_name, e.mark.line + 1, e.mark.column + 1}, "yaml-syntax",
            "YAML の書き方に誤りがあります: " + e.msg);
    return result;
  }
  AnalysisSpec spec;
  if (r.CheckMap(root, "分析ファイル", {"analysis", "title", "survey", "settings", "breakdowns"})) {
    if (auto id = r.String(root, "analysis", true, "分析ファイル")) spec.id = *id;
    if (auto t = r.String(root, "title", false, "分析ファイル")) spec.title = *t;
    if (auto s = r.String(root, "survey", false, "分析ファイル")) spec.survey = *s;
    if (root["settings"]) ReadSettings(r, root["settings"], &spec.settings);
    YAML::Node bs = root["breakdowns"];
    if (bs && !bs.IsSequence()) {
      r.Error(bs, "not-a-list", "breakdowns は「- by: …」のリストで書いてください");
    } else if (bs) {
      for (const YAML::Node& b : bs) ReadBreakdown(r, b, &spec.breakdowns);
    }
  }
  if (!HasErrors(result.diagnostics)) result.spec = std::move(spec);
  return result;
}

AnalysisLoad LoadAnalysisFile(const std::string& path) {
  Result<std::string> text = ReadFile(path);
  if (!text.ok()) {
    AnalysisLoad result;
    result.diagnostics.push_back(
        Diagnostic{SourceLocation{path, 0, 0}, "unreadable", text.status().message(), false});
    return result;
  }
  return LoadAnalysisText(*text, path);
}

std::vector<Diagnostic> CheckAnalysis(const AnalysisSpec& spec, const Questionnaire& qn) {
  std::vector<Diagnostic> out;
  auto error = [&](const SourceLocation& at, std::string code, std::string message) {
    out.push_back(Diagnostic{at, std::move(code), std::move(message), false});
  };
  for (const Breakdown& b : spec.breakdowns) {
    int by_index = qn.FindQuestion(b.by);
    const Question* by = by_index < 0 ? nullptr : &qn.questions[by_index];
    if (by == nullptr) {
      error(b.location, "unknown-question",
            fmt::format("by の質問「{}」は調査票「{}」にありません", b.by, qn.id));
    } else if (by->personal) {
      error(b.location, "personal-question",
            fmt::format("質問「{}」は回答者情報（個人情報）なので集計に使えません", b.by));
    } else if (by->type != QuestionType::kSingle && by->type != QuestionType::kPrefecture) {
      error(b.location, "bad-by",
            fmt::format("by の質問「{}」は単一回答か都道府県の質問にしてください", b.by));
    }
    for (const std::string& id : b.questions) {
      int qi = qn.FindQuestion(id);
      const Question* q = qi < 0 ? nullptr : &qn.questions[qi];
      if (q == nullptr) {
        error(b.location, "unknown-question",
              fmt::format("questions の質問「{}」は調査票「{}」にありません", id, qn.id));
      } else if (q->personal) {
        error(b.location, "personal-question",
              fmt::format("質問「{}」は回答者情報（個人情報）なので集計に使えません", id));
      }
    }
  }
  return out;
}

}  // namespace chosa
