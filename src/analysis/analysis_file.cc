#include "analysis/analysis_file.h"

#include "base/file.h"
#include "questionnaire/yaml_reader.h"
#include "tabulation/table.h"

namespace chosa {
namespace {

bool HasErrors(const std::vector<Diagnostic>& d) {
  return std::any_of(d.begin(), d.end(), [](const Diagnostic& x) { return !x.warning; });
}

void ReadSettings(YamlReader& r, const YAML::Node& node, AnalysisSettings* s) {
  if (!r.CheckMap(node, "settings",
                  {"small_base", "small_base_mark", "significance", "suppress_below", "base"})) {
    return;
  }
  if (auto v = r.String(node, "base", false, "settings")) {
    if (*v != "answered" && *v != "applicable") {
      r.Error(node["base"], "bad-value",
              "base は answered（無回答を除く）か applicable（無回答を含む）にしてください");
    }
    s->base_applicable = *v == "applicable";
  }
  if (auto v = r.Int(node, "suppress_below", false, "settings")) {
    if (*v < 0 || *v > 100) {
      r.Error(node["suppress_below"], "bad-value",
              "suppress_below は 0（秘匿しない）から 100 にしてください");
    }
    s->suppress_below = static_cast<int>(*v);
  }
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

void ReadOutline(YamlReader& r, const YAML::Node& node, ReportOutline* out) {
  if (!r.CheckMap(node, "outline", {"items", "tables"})) return;
  if (YAML::Node items = node["items"]) {
    if (!items.IsSequence()) {
      r.Error(items, "not-a-list",
              "items は「- {label: 見出し, text: 内容}」のリストで書いてください");
    } else {
      for (const YAML::Node& i : items) {
        if (!r.CheckMap(i, "items の項目", {"label", "text"})) continue;
        ReportOutline::Item item;
        if (auto l = r.String(i, "label", true, "items の項目")) item.label = *l;
        if (auto t = r.String(i, "text", true, "items の項目")) item.text = *t;
        out->items.push_back(std::move(item));
      }
    }
  }
  if (YAML::Node tables = node["tables"]) {
    if (!tables.IsSequence()) {
      r.Error(tables, "not-a-list", "tables は「- {title, header, rows}」のリストで書いてください");
      return;
    }
    for (const YAML::Node& t : tables) {
      if (!r.CheckMap(t, "tables の項目", {"title", "header", "rows"})) continue;
      ReportOutline::Table table;
      if (auto title = r.String(t, "title", true, "tables の項目")) table.title = *title;
      if (t["header"]) table.header = r.Strings(t["header"], "header");
      YAML::Node rows = t["rows"];
      if (!rows || !rows.IsSequence()) {
        r.Error(t, "missing-key", "tables の項目には rows（行のリスト）を書いてください");
        continue;
      }
      for (const YAML::Node& row : rows) {
        table.rows.push_back(r.Strings(row, "rows の行"));
        if (!table.header.empty() && table.rows.back().size() != table.header.size()) {
          r.Error(row, "bad-row",
                  fmt::format("rows の行の列数 {} が header の列数 {} と違います",
                              table.rows.back().size(), table.header.size()));
        }
      }
      out->tables.push_back(std::move(table));
    }
  }
}

// A code or a list of codes under the key `key`.
std::vector<int> ReadCodes(YamlReader& r, const YAML::Node& node, std::string_view key) {
  std::vector<int> codes;
  int code = 0;
  if (node.IsScalar() && YAML::convert<int>::decode(node, code)) return {code};
  if (node.IsSequence()) {
    for (const YAML::Node& n : node) {
      if (YAML::convert<int>::decode(n, code)) {
        codes.push_back(code);
      } else {
        r.Error(n, "not-an-integer", "選択肢コードには整数を書いてください");
      }
    }
    return codes;
  }
  r.Error(node, "not-an-integer",
          fmt::format("{} には選択肢コードかそのリストを書いてください", key));
  return codes;
}

void ReadSmeSize(YamlReader& r, const YAML::Node& node, SmeSizeRule* rule) {
  if (!r.CheckMap(node, "sme_size", {"industry", "employees", "capital", "split_at"})) return;
  if (auto v = r.Int(node, "split_at", false, "sme_size")) {
    if (*v < 1)
      r.Error(node["split_at"], "bad-value", "split_at は 1 以上の従業員数にしてください");
    rule->split_at = static_cast<int>(*v);
  }
  auto source = [&](const char* key, bool required, std::string* question, BandMap* bands,
                    std::map<int, LegalIndustry>* industries) {
    YAML::Node n = node[key];
    if (!n) {
      if (required)
        r.Error(node, "missing-key", fmt::format("sme_size に \"{}\" がありません", key));
      return;
    }
    if (!r.CheckMap(n, key, {"question", "bands", "map"})) return;
    if (auto q = r.String(n, "question", true, key)) *question = *q;
    if (bands != nullptr && n["bands"]) *bands = ReadBands(r, n["bands"]);
    if (industries != nullptr) {
      YAML::Node map = n["map"];
      if (!map || !map.IsMap()) {
        r.Error(n, "missing-key", "industry には map（選択肢コード: 業種）を書いてください");
        return;
      }
      for (auto it = map.begin(); it != map.end(); ++it) {
        int code = 0;
        std::optional<LegalIndustry> industry = ParseLegalIndustry(it->second.Scalar());
        if (!YAML::convert<int>::decode(it->first, code)) {
          r.Error(it->first, "not-an-integer", "map のキーには選択肢コードを書いてください");
        } else if (!industry) {
          std::string all;
          for (LegalIndustry i : AllLegalIndustries())
            all += " " + std::string(LegalIndustryKey(i));
          r.Error(it->second, "unknown-industry",
                  fmt::format("業種「{}」はありません（使える業種:{}）", it->second.Scalar(), all));
        } else {
          (*industries)[code] = *industry;
        }
      }
    }
  };
  source("industry", true, &rule->industry, nullptr, &rule->industry_map);
  source("employees", true, &rule->employees, &rule->employee_bands, nullptr);
  source("capital", false, &rule->capital, &rule->capital_bands, nullptr);
}

void ReadDerived(YamlReader& r, const YAML::Node& node, std::vector<DerivedVariable>* out) {
  if (!r.CheckMap(node, "derived の項目",
                  {"id", "label", "sme_size", "recode", "region", "diagnosis"})) {
    return;
  }
  DerivedVariable d;
  d.location = r.Loc(node);
  if (auto id = r.String(node, "id", true, "derived の項目")) d.id = *id;
  if (auto label = r.String(node, "label", false, "derived の項目")) d.label = *label;
  int kinds = (node["sme_size"] ? 1 : 0) + (node["recode"] ? 1 : 0) + (node["region"] ? 1 : 0) +
              (node["diagnosis"] ? 1 : 0);
  if (kinds != 1) {
    r.Error(node, "bad-derived",
            "sme_size, recode, region, diagnosis のどれかひとつを書いてください");
    return;
  }
  if (node["diagnosis"]) {  // the name of a built-in diagnosis or a path
    d.kind = DerivedVariable::Kind::kDiagnosis;
    std::optional<std::string> name = r.String(node, "diagnosis", true, "derived の項目");
    if (!name) return;
    DiagnosisLoad load = LoadDiagnosisFile(ResolveDiagnosisPath(*name));
    if (!load.diagnosis) {
      r.Error(node["diagnosis"], "bad-diagnosis",
              fmt::format("診断「{}」を読めません: {}", *name,
                          load.diagnostics.empty() ? "" : load.diagnostics[0].ToString()));
      return;
    }
    d.diagnosis = std::make_shared<const Diagnosis>(std::move(*load.diagnosis));
    if (d.label.empty()) d.label = d.diagnosis->title + "の点数";
    out->push_back(std::move(d));
    return;
  }
  if (node["sme_size"]) {
    d.kind = DerivedVariable::Kind::kSmeSize;
    ReadSmeSize(r, node["sme_size"], &d.sme);
  } else if (YAML::Node rc = node["recode"]) {
    d.kind = DerivedVariable::Kind::kRecode;
    if (r.CheckMap(rc, "recode", {"from", "groups"})) {
      if (auto from = r.String(rc, "from", true, "recode")) d.recode.from = *from;
      YAML::Node groups = rc["groups"];
      if (!groups || !groups.IsSequence()) {
        r.Error(rc, "missing-key", "recode には groups（- {code, label, from}）を書いてください");
      } else {
        for (const YAML::Node& g : groups) {
          if (!r.CheckMap(g, "groups の項目", {"code", "label", "from"})) continue;
          RecodeGroup group;
          if (auto code = r.Int(g, "code", true, "groups の項目"))
            group.code = static_cast<int>(*code);
          if (auto label = r.String(g, "label", true, "groups の項目")) group.label = *label;
          if (g["from"]) group.from = ReadCodes(r, g["from"], "from");
          d.recode.groups.push_back(std::move(group));
        }
      }
    }
  } else {
    YAML::Node rg = node["region"];
    d.kind = DerivedVariable::Kind::kRegion;
    if (r.CheckMap(rg, "region", {"from", "blocks"})) {
      if (auto from = r.String(rg, "from", true, "region")) d.region_from = *from;
      std::string blocks = r.String(rg, "blocks", false, "region").value_or("meti");
      if (blocks == "meti") {
        d.blocks = RegionBlocks::kMeti;
      } else if (blocks == "nine") {
        d.blocks = RegionBlocks::kNine;
      } else {
        r.Error(rg["blocks"], "bad-blocks", "blocks は meti（経済産業局）か nine（9地方）です");
      }
    }
  }
  out->push_back(std::move(d));
}

std::optional<double> Population(YamlReader& r, const YAML::Node& node) {
  double v = 0;
  if (!node.IsScalar() || !YAML::convert<double>::decode(node, v) || !(v >= 0)) {
    r.Error(node, "bad-population", "母集団の数には 0 以上の数値を書いてください");
    return std::nullopt;
  }
  return v;
}

void ReadWeighting(YamlReader& r, const YAML::Node& node, WeightingSpec* w) {
  if (!r.CheckMap(
          node, "weighting",
          {"id", "method", "variables", "strata", "margins", "max_iterations", "tolerance"})) {
    return;
  }
  w->location = r.Loc(node);
  if (auto id = r.String(node, "id", false, "weighting")) w->id = *id;
  std::string method = r.String(node, "method", true, "weighting").value_or("");
  if (method == "poststratify") {
    w->method = WeightingSpec::Method::kPostStratify;
  } else if (method == "rake") {
    w->method = WeightingSpec::Method::kRake;
  } else {
    r.Error(node["method"] ? node["method"] : node, "bad-method",
            "method は poststratify（事後層化）か rake（レイキング）です");
    return;
  }
  YAML::Node vars = node["variables"];
  if (!vars || !vars.IsSequence() || vars.size() == 0) {
    r.Error(vars ? vars : node, "bad-variables", "variables には変数IDのリストを書いてください");
    return;
  }
  for (const YAML::Node& v : vars) w->variables.push_back(v.Scalar());
  if (auto it = r.Int(node, "max_iterations", false, "weighting"))
    w->max_iterations = static_cast<int>(*it);
  if (auto tol = r.Double(node, "tolerance")) w->tolerance = *tol;
  if (w->method == WeightingSpec::Method::kPostStratify) {
    YAML::Node strata = node["strata"];
    if (!strata || !strata.IsSequence()) {
      r.Error(strata ? strata : node, "bad-strata",
              "strata には「- {codes: [..], population: 数}」のリストを書いてください");
      return;
    }
    for (const YAML::Node& st : strata) {
      if (!r.CheckMap(st, "strata の項目", {"codes", "population"})) continue;
      std::vector<int> codes =
          st["codes"] ? ReadCodes(r, st["codes"], "codes") : std::vector<int>{};
      std::optional<double> pop = st["population"] ? Population(r, st["population"]) : std::nullopt;
      if (codes.size() != w->variables.size()) {
        r.Error(st, "bad-strata",
                fmt::format("codes には variables と同じ数（{}個）のコードを書いてください",
                            w->variables.size()));
        continue;
      }
      if (!pop) continue;
      if (!w->strata.emplace(codes, *pop).second)
        r.Error(st, "duplicate-stratum", "同じ層が2回書かれています");
    }
  } else {
    YAML::Node margins = node["margins"];
    if (!margins || !margins.IsMap()) {
      r.Error(margins ? margins : node, "bad-margins",
              "margins には「変数ID: {コード: 母集団の数}」を書いてください");
      return;
    }
    for (const std::string& v : w->variables) {
      YAML::Node m = margins[v];
      std::map<int, double> margin;
      if (!m || !m.IsMap()) {
        r.Error(margins, "bad-margins", fmt::format("margins に変数「{}」の分布がありません", v));
      } else {
        for (auto it = m.begin(); it != m.end(); ++it) {
          int code = 0;
          if (!YAML::convert<int>::decode(it->first, code)) {
            r.Error(it->first, "not-an-integer", "margins のキーには選択肢コードを書いてください");
            continue;
          }
          if (std::optional<double> pop = Population(r, it->second)) margin[code] = *pop;
        }
      }
      w->margins.push_back(std::move(margin));
    }
  }
}

void ReadWave(YamlReader& r, const YAML::Node& node, std::vector<WaveSpec>* out) {
  if (!r.CheckMap(node, "waves の項目", {"id", "label", "survey", "figures", "questions"})) return;
  WaveSpec w;
  w.location = r.Loc(node);
  if (auto id = r.String(node, "id", true, "waves の項目")) w.id = *id;
  if (auto label = r.String(node, "label", false, "waves の項目")) w.label = *label;
  if (auto survey = r.String(node, "survey", false, "waves の項目")) w.survey = *survey;
  YAML::Node figures = node["figures"];
  if (w.survey.empty() == !figures) {
    r.Error(
        node, "bad-wave",
        "前回調査は survey（回答のある調査ID）か figures（公表値）のどちらかで指定してください");
    return;
  }
  if (figures) {
    if (!figures.IsMap()) {
      r.Error(figures, "bad-figures",
              "figures は「質問ID: {n: 人数, percents: {コード: ％}}」で書いてください");
      return;
    }
    for (auto it = figures.begin(); it != figures.end(); ++it) {
      std::string question = it->first.Scalar();
      YAML::Node f = it->second;
      if (!r.CheckMap(f, "figures の質問", {"n", "percents"})) continue;
      WaveFigures::Question q;
      if (auto n = r.Int(f, "n", true, "figures の質問")) q.n = *n;
      YAML::Node percents = f["percents"];
      if (!percents || !percents.IsMap()) {
        r.Error(f, "bad-figures", "percents には「コード: ％」を書いてください");
        continue;
      }
      for (auto p = percents.begin(); p != percents.end(); ++p) {
        int code = 0;
        double pct = 0;
        if (p->first.Scalar() == "無回答") {
          code = kNoAnswerCode;
        } else if (!YAML::convert<int>::decode(p->first, code)) {
          r.Error(p->first, "not-an-integer",
                  "percents のキーには選択肢コードか「無回答」を書いてください");
          continue;
        }
        if (!YAML::convert<double>::decode(p->second, pct) || pct < 0 || pct > 100) {
          r.Error(p->second, "bad-percent", "％には 0 から 100 の数値を書いてください");
        } else {
          q.percents[code] = pct;
        }
      }
      w.figures.questions[question] = q;
      if (!node["questions"]) w.questions.push_back(question);
    }
  }
  if (YAML::Node qs = node["questions"]) {
    if (!qs.IsSequence()) {
      r.Error(qs, "bad-questions", "questions には質問IDのリストを書いてください");
    } else {
      for (const YAML::Node& q : qs) w.questions.push_back(q.Scalar());
    }
  }
  out->push_back(std::move(w));
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
  std::optional<YAML::Node> parsed = r.Parse(yaml);
  if (!parsed) return result;
  YAML::Node root = *parsed;
  AnalysisSpec spec;
  if (r.CheckMap(root, "分析ファイル",
                 {"analysis", "title", "survey", "outline", "settings", "derived", "weighting",
                  "breakdowns", "waves"})) {
    if (auto id = r.String(root, "analysis", true, "分析ファイル")) spec.id = *id;
    if (auto t = r.String(root, "title", false, "分析ファイル")) spec.title = *t;
    if (auto s = r.String(root, "survey", false, "分析ファイル")) spec.survey = *s;
    if (root["outline"]) ReadOutline(r, root["outline"], &spec.outline);
    if (root["settings"]) ReadSettings(r, root["settings"], &spec.settings);
    YAML::Node ds = root["derived"];
    if (ds && !ds.IsSequence()) {
      r.Error(ds, "not-a-list", "derived は「- id: …」のリストで書いてください");
    } else if (ds) {
      for (const YAML::Node& d : ds) ReadDerived(r, d, &spec.derived);
    }
    if (root["weighting"]) ReadWeighting(r, root["weighting"], &spec.weighting);
    YAML::Node ws = root["waves"];
    if (ws && !ws.IsSequence()) {
      r.Error(ws, "not-a-list", "waves は「- id: …」のリストで書いてください");
    } else if (ws) {
      for (const YAML::Node& w : ws) ReadWave(r, w, &spec.waves);
    }
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
  return LoadDefinitionFile(path, &LoadAnalysisText);
}

std::vector<Diagnostic> CheckAnalysis(const AnalysisSpec& spec, const Questionnaire& original) {
  std::vector<Diagnostic> out = CheckDerived(spec.derived, original);
  if (!out.empty()) return out;
  Questionnaire qn = WithDerivedQuestions(original, spec.derived);
  auto error = [&](const SourceLocation& at, std::string code, std::string message) {
    out.push_back(Diagnostic{at, std::move(code), std::move(message), false});
  };
  const WeightingSpec& w = spec.weighting;
  for (const std::string& v : w.variables) {
    int qi = qn.FindQuestion(v);
    const Question* q = qi < 0 ? nullptr : &qn.questions[qi];
    if (q == nullptr || q->personal ||
        (q->type != QuestionType::kSingle && q->type != QuestionType::kPrefecture)) {
      error(
          w.location, "bad-weighting-variable",
          fmt::format("ウエイトの変数「{}」は調査票「{}」の単一回答の質問か派生変数にしてください",
                      v, qn.id));
    }
  }
  for (const WaveSpec& wave : spec.waves) {
    for (const std::string& id : wave.questions) {
      int qi = qn.FindQuestion(id);
      bool grid_item = false;
      for (const Question& q : qn.questions) {
        if (q.type != QuestionType::kGrid) continue;
        for (const GridItem& item : q.items) grid_item = grid_item || q.id + "_" + item.id == id;
      }
      const Question* q = qi < 0 ? nullptr : &qn.questions[qi];
      if (!grid_item && (q == nullptr || q->personal || q->type == QuestionType::kText ||
                         q->type == QuestionType::kTextArea || q->type == QuestionType::kNumber)) {
        error(wave.location, "bad-wave-question",
              fmt::format("前回調査「{}」: 質問「{}」は調査票「{}」の選択式の質問にしてください",
                          wave.id, id, qn.id));
        continue;
      }
      auto figures = wave.figures.questions.find(id);
      if (q == nullptr || figures == wave.figures.questions.end()) continue;
      for (const auto& [code, pct] : figures->second.percents) {
        if (code == kNoAnswerCode && !spec.settings.base_applicable) {
          error(wave.location, "no-answer-not-counted",
                fmt::format("前回調査「{}」: 質問「{}」の「無回答」は settings の base: applicable "
                            "のときだけ使えます",
                            wave.id, id));
        } else if (code != kNoAnswerCode && q->FindOption(code) == nullptr) {
          error(wave.location, "unknown-code",
                fmt::format("前回調査「{}」: 質問「{}」に選択肢コード {} はありません", wave.id, id,
                            code));
        }
      }
    }
  }
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
