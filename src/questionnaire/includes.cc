#include "questionnaire/includes.h"

#include <fmt/format.h>

#include <algorithm>
#include <filesystem>
#include <set>

#include "questionnaire/builtin.h"
#include "questionnaire/loader.h"
#include "questionnaire/yaml_reader.h"

namespace chosa {
namespace {

constexpr int kMaxDepth = 4;  // includes of includes; deeper is taken for a cycle
thread_local int depth = 0;

// The file an include names: a path (with "/" or ".yaml") relative to the including file's
// folder, or a built-in name.
Result<std::string> IncludedPath(const std::string& name, const std::string& source_name) {
  if (name.find('/') != std::string::npos || name.ends_with(".yaml")) {
    std::filesystem::path p(name);
    if (p.is_relative()) p = std::filesystem::path(source_name).parent_path() / p;
    return ResolveQuestionnairePath(p.string());
  }
  return ResolveQuestionnairePath(name);
}

// Writes out `options: <set name>` of the section's questions with the set's list.
void WriteOutOptionSets(YAML::Node section, const YAML::Node& sets) {
  YAML::Node questions = section["questions"];
  if (!questions || !questions.IsSequence() || !sets || !sets.IsMap()) return;
  for (YAML::Node q : questions) {
    YAML::Node o = q["options"];
    if (o && o.IsScalar() && sets[o.Scalar()]) q["options"] = YAML::Clone(sets[o.Scalar()]);
  }
}

}  // namespace

bool ExpandIncludes(YAML::Node* root, const std::string& source_name,
                    std::vector<Diagnostic>* diagnostics) {
  YAML::Node sections = (*root)["sections"];
  if (!sections || !sections.IsSequence()) return false;
  bool any = false;
  for (const YAML::Node& s : sections) any = any || (s.IsMap() && s["include"]);
  if (!any) return false;

  YamlReader r(source_name, diagnostics);
  YAML::Node expanded(YAML::NodeType::Sequence);
  for (const YAML::Node& s : sections) {
    if (!s.IsMap() || !s["include"]) {
      expanded.push_back(s);
      continue;
    }
    if (!r.CheckMap(s, "include", {"include", "sections"})) continue;
    std::string name = r.String(s, "include", true, "include").value_or("");
    if (depth >= kMaxDepth) {
      r.Error(s, "include-depth",
              fmt::format("include が深すぎます（循環していませんか）: {}", name));
      continue;
    }
    Result<std::string> path = IncludedPath(name, source_name);
    if (!path.ok()) {
      r.Error(s["include"], "include-not-found", path.status().message());
      continue;
    }
    ++depth;
    LoadResult included = LoadQuestionnaireFile(*path);
    --depth;
    if (!included.ok()) {
      r.Error(s["include"], "include-invalid",
              fmt::format("取り込む調査票 {} にエラーがあります", *path));
      for (const Diagnostic& d : included.diagnostics) diagnostics->push_back(d);
      continue;
    }
    YAML::Node inc = YAML::Load(included.questionnaire->source_text);  // itself expanded
    std::vector<std::string> wanted = r.Strings(s["sections"], "sections");
    std::set<std::string> found;
    for (const YAML::Node& sec : inc["sections"]) {
      std::string id = sec["id"] ? sec["id"].Scalar() : "";
      if (!wanted.empty() && std::find(wanted.begin(), wanted.end(), id) == wanted.end()) continue;
      found.insert(id);
      YAML::Node copy = YAML::Clone(sec);
      WriteOutOptionSets(copy, inc["option_sets"]);
      expanded.push_back(copy);
    }
    for (const std::string& id : wanted) {
      if (!found.contains(id)) {
        r.Error(s["sections"], "include-no-section",
                fmt::format("取り込む調査票 {} にセクション「{}」はありません", name, id));
      }
    }
  }
  (*root)["sections"] = expanded;
  return true;
}

}  // namespace chosa
