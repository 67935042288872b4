#include "diagnosis/diagnosis.h"

#include <fmt/format.h>

#include <algorithm>
#include <filesystem>
#include <set>

#include "base/file.h"
#include "questionnaire/builtin.h"
#include "questionnaire/yaml_reader.h"

namespace chosa {
namespace {

// Runs `each` on every entry of the list `key` of `map` (an error when it is not a list).
template <typename Each>
void ForList(YamlReader& r, const YAML::Node& map, const char* key, Each&& each) {
  YAML::Node list = map[key];
  if (!list) {
    r.Error(map, "missing-key", fmt::format("\"{}\" がありません", key));
    return;
  }
  if (!list.IsSequence()) {
    r.Error(list, "not-a-list", fmt::format("{} は「- …」のリストで書いてください", key));
    return;
  }
  for (const YAML::Node& n : list) each(n);
}

void ReadProfile(YamlReader& r, const YAML::Node& node, DiagnosisProfile* p) {
  if (!r.CheckMap(node, "profile",
                  {"industry", "industry_map", "employees", "capital", "capital_bands"})) {
    return;
  }
  if (auto v = r.String(node, "industry", true, "profile")) p->industry = *v;
  if (auto v = r.String(node, "employees", true, "profile")) p->employees = *v;
  if (auto v = r.String(node, "capital", false, "profile")) p->capital = *v;
  if (node["capital_bands"]) p->capital_bands = ReadBands(r, node["capital_bands"]);
  YAML::Node map = node["industry_map"];
  if (!map || !map.IsMap()) {
    r.Error(node, "missing-key", "profile には industry_map（選択肢コード: 業種）を書いてください");
    return;
  }
  for (auto it = map.begin(); it != map.end(); ++it) {
    int code = 0;
    std::optional<LegalIndustry> industry = ParseLegalIndustry(it->second.Scalar());
    if (!YAML::convert<int>::decode(it->first, code)) {
      r.Error(it->first, "not-an-integer", "industry_map のキーには選択肢コードを書いてください");
    } else if (!industry) {
      r.Error(it->second, "unknown-industry",
              fmt::format("業種「{}」はありません", it->second.Scalar()));
    } else {
      p->industry_map[code] = *industry;
    }
  }
}

void ReadItem(YamlReader& r, const YAML::Node& n, DiagnosisPart* part) {
  if (!r.CheckMap(n, "items の項目",
                  {"id", "title", "question", "explain", "steps", "support", "may_not_apply"})) {
    return;
  }
  DiagnosisItem item;
  if (auto v = r.String(n, "id", true, "items の項目")) item.id = *v;
  if (auto v = r.String(n, "title", true, "items の項目")) item.title = *v;
  if (auto v = r.String(n, "question", true, "items の項目")) item.question = *v;
  if (auto v = r.String(n, "explain", true, "items の項目")) item.explain = *v;
  item.steps = r.Strings(n["steps"], "steps");
  item.support = r.Strings(n["support"], "support");
  item.may_not_apply = r.Bool(n, "may_not_apply");
  if (item.steps.empty()) {
    r.Error(n, "missing-key", fmt::format("項目「{}」に steps（最初の一歩）がありません", item.id));
  }
  part->items.push_back(std::move(item));
}

void ReadResponsibilities(YamlReader& r, const YAML::Node& node, Responsibilities* out) {
  if (!r.CheckMap(node, "responsibilities", {"note", "areas"})) return;
  if (auto v = r.String(node, "note", true, "responsibilities")) out->note = *v;
  ForList(r, node, "areas", [&](const YAML::Node& n) {
    if (!r.CheckMap(n, "areas の項目", {"id", "area", "items", "vendor", "customer"})) return;
    ResponsibilityArea a;
    if (auto v = r.String(n, "id", true, "areas の項目")) a.id = *v;
    if (auto v = r.String(n, "area", true, "areas の項目")) a.area = *v;
    if (auto v = r.String(n, "vendor", true, "areas の項目")) a.vendor = *v;
    if (auto v = r.String(n, "customer", true, "areas の項目")) a.customer = *v;
    a.items = r.Strings(n["items"], "items");
    out->areas.push_back(std::move(a));
  });
}

// Cross-references inside the file: unique ids, known support ids, a scale with one
// not-applicable entry at most, bands from the highest.
void CheckInside(YamlReader& r, const YAML::Node& root, const Diagnosis& d) {
  std::set<std::string> ids;
  for (const DiagnosisPart& p : d.parts) {
    for (const DiagnosisItem& item : p.items) {
      if (!ids.insert(item.id).second)
        r.Error(root["parts"], "duplicate-id",
                fmt::format("項目 ID「{}」が重複しています", item.id));
      for (const std::string& s : item.support) {
        if (d.FindSupport(s) == nullptr) {
          r.Error(root["parts"], "unknown-support",
                  fmt::format("項目「{}」の support「{}」は support にありません", item.id, s));
        }
      }
    }
  }
  std::set<std::string> covered;
  for (const ResponsibilityArea& a : d.responsibilities.areas) {
    for (const std::string& item : a.items) {
      if (!ids.contains(item)) {
        r.Error(root["responsibilities"], "unknown-item",
                fmt::format("responsibilities の「{}」の項目「{}」は parts にありません", a.area,
                            item));
      } else if (!covered.insert(item).second) {
        r.Error(root["responsibilities"], "duplicate-id",
                fmt::format("項目「{}」が responsibilities の二つの分野にあります", item));
      }
    }
  }
  int not_applicable = 0;
  for (const ScaleEntry& e : d.scale) not_applicable += e.not_applicable ? 1 : 0;
  if (not_applicable > 1)
    r.Error(root["scale"], "bad-scale", "not_applicable の選択肢はひとつだけにしてください");
  for (size_t i = 0; i < d.bands.size(); ++i) {
    bool last = i + 1 == d.bands.size();
    if (last != !d.bands[i].min.has_value() ||
        (i > 0 && d.bands[i].min && *d.bands[i].min >= *d.bands[i - 1].min)) {
      r.Error(root["bands"], "bad-bands",
              "bands は点の高い順に min を書き、最後のひとつだけ min: null にしてください");
      break;
    }
  }
}

}  // namespace

int Diagnosis::ItemCount() const {
  int n = 0;
  for (const DiagnosisPart& p : parts) n += static_cast<int>(p.items.size());
  return n;
}

int Diagnosis::MaxPoints() const {
  int most = 0;
  for (const ScaleEntry& e : scale) most = std::max(most, e.points);
  return most;
}

const ScaleEntry* Diagnosis::FindScale(int code) const {
  for (const ScaleEntry& e : scale)
    if (e.code == code) return &e;
  return nullptr;
}

const SupportMeasure* Diagnosis::FindSupport(std::string_view support_id) const {
  for (const SupportMeasure& s : support)
    if (s.id == support_id) return &s;
  return nullptr;
}

const ScoreBand& Diagnosis::BandFor(int total) const {
  for (const ScoreBand& b : bands)
    if (!b.min || total >= *b.min) return b;
  return bands.back();
}

DiagnosisLoad LoadDiagnosisText(std::string_view yaml, const std::string& source_name) {
  DiagnosisLoad result;
  YamlReader r(source_name, &result.diagnostics);
  std::optional<YAML::Node> parsed = r.Parse(yaml);
  if (!parsed) return result;
  YAML::Node root = *parsed;
  Diagnosis d;
  if (!r.CheckMap(
          root, "診断ファイル",
          {"diagnosis", "profile", "scale", "bands", "support", "parts", "responsibilities"})) {
    return result;
  }
  YAML::Node head = root["diagnosis"];
  if (!head || !r.CheckMap(head, "diagnosis", {"id", "version", "title", "questionnaire"})) {
    if (!head) r.Error(root, "missing-key", "\"diagnosis\" がありません");
  } else {
    if (auto v = r.String(head, "id", true, "diagnosis")) d.id = *v;
    if (auto v = r.Int(head, "version", false, "diagnosis")) d.version = static_cast<int>(*v);
    if (auto v = r.String(head, "title", true, "diagnosis")) d.title = *v;
    if (auto v = r.String(head, "questionnaire", true, "diagnosis")) d.questionnaire = *v;
  }
  if (root["profile"]) {
    ReadProfile(r, root["profile"], &d.profile);
  } else {
    r.Error(root, "missing-key", "\"profile\" がありません");
  }
  ForList(r, root, "scale", [&](const YAML::Node& n) {
    if (!r.CheckMap(n, "scale の項目", {"code", "label", "points", "not_applicable"})) return;
    ScaleEntry e;
    if (auto v = r.Int(n, "code", true, "scale の項目")) e.code = static_cast<int>(*v);
    if (auto v = r.String(n, "label", true, "scale の項目")) e.label = *v;
    if (auto v = r.Int(n, "points", true, "scale の項目")) e.points = static_cast<int>(*v);
    e.not_applicable = r.Bool(n, "not_applicable");
    d.scale.push_back(std::move(e));
  });
  ForList(r, root, "bands", [&](const YAML::Node& n) {
    if (!r.CheckMap(n, "bands の項目", {"id", "min", "label", "meaning", "next"})) return;
    ScoreBand b;
    if (auto v = r.String(n, "id", true, "bands の項目")) b.id = *v;
    if (n["min"] && !n["min"].IsNull() && n["min"].Scalar() != "null") {
      if (auto v = r.Int(n, "min", true, "bands の項目")) b.min = static_cast<int>(*v);
    }
    if (auto v = r.String(n, "label", true, "bands の項目")) b.label = *v;
    if (auto v = r.String(n, "meaning", true, "bands の項目")) b.meaning = *v;
    if (auto v = r.String(n, "next", true, "bands の項目")) b.next = *v;
    d.bands.push_back(std::move(b));
  });
  ForList(r, root, "support", [&](const YAML::Node& n) {
    if (!r.CheckMap(n, "support の項目", {"id", "name", "what", "url"})) return;
    SupportMeasure s;
    if (auto v = r.String(n, "id", true, "support の項目")) s.id = *v;
    if (auto v = r.String(n, "name", true, "support の項目")) s.name = *v;
    if (auto v = r.String(n, "what", true, "support の項目")) s.what = *v;
    if (auto v = r.String(n, "url", true, "support の項目")) s.url = *v;
    d.support.push_back(std::move(s));
  });
  ForList(r, root, "parts", [&](const YAML::Node& n) {
    if (!r.CheckMap(n, "parts の項目", {"id", "number", "title", "items"})) return;
    DiagnosisPart part;
    if (auto v = r.String(n, "id", true, "parts の項目")) part.id = *v;
    if (auto v = r.Int(n, "number", true, "parts の項目")) part.number = static_cast<int>(*v);
    if (auto v = r.String(n, "title", true, "parts の項目")) part.title = *v;
    ForList(r, n, "items", [&](const YAML::Node& item) { ReadItem(r, item, &part); });
    d.parts.push_back(std::move(part));
  });
  if (root["responsibilities"])
    ReadResponsibilities(r, root["responsibilities"], &d.responsibilities);
  if (d.bands.empty()) r.Error(root, "missing-key", "bands がありません");
  CheckInside(r, root, d);
  bool errors = std::any_of(result.diagnostics.begin(), result.diagnostics.end(),
                            [](const Diagnostic& x) { return !x.warning; });
  if (!errors) result.diagnosis = std::move(d);
  return result;
}

DiagnosisLoad LoadDiagnosisFile(const std::string& path) {
  return LoadDefinitionFile(path, &LoadDiagnosisText);
}

std::vector<Diagnostic> CheckDiagnosis(const Diagnosis& d, const Questionnaire& qn) {
  std::vector<Diagnostic> out;
  auto error = [&](std::string code, std::string message) {
    out.push_back(
        Diagnostic{SourceLocation{d.id, 0, 0}, std::move(code), std::move(message), false});
  };
  auto question = [&](const std::string& id, QuestionType type, const char* what) {
    int i = qn.FindQuestion(id);
    if (i < 0 || qn.questions[i].type != type || qn.questions[i].personal) {
      error("bad-question",
            fmt::format("{}「{}」が調査票「{}」にないか、型が違います", what, id, qn.id));
      return static_cast<const Question*>(nullptr);
    }
    return &qn.questions[i];
  };
  question(d.profile.industry, QuestionType::kSingle, "業種の質問");
  question(d.profile.employees, QuestionType::kNumber, "従業員数の質問");
  if (!d.profile.capital.empty())
    question(d.profile.capital, QuestionType::kSingle, "資本金の質問");
  for (const DiagnosisPart& p : d.parts) {
    for (const DiagnosisItem& item : p.items) {
      const Question* q = question(item.id, QuestionType::kSingle, "診断項目");
      if (q == nullptr) continue;
      std::vector<int> want, have;
      for (const ScaleEntry& e : d.scale)
        if (!e.not_applicable || item.may_not_apply) want.push_back(e.code);
      for (const Option& o : q->options) have.push_back(o.code);
      std::sort(want.begin(), want.end());
      std::sort(have.begin(), have.end());
      if (want != have) {
        error("bad-options",
              fmt::format("診断項目「{}」の選択肢のコードが scale と合いません{}", item.id,
                          item.may_not_apply ? "（該当しないを含む）" : "（該当しないを除く）"));
      }
    }
  }
  return out;
}

std::string ResolveDiagnosisPath(const std::string& name_or_path) {
  if (FileExists(name_or_path)) return name_or_path;
  return (std::filesystem::path(DataDir()) / "diagnosis" / (name_or_path + ".yaml")).string();
}

}  // namespace chosa
