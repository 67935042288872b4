// Reads YAML nodes for the project's definition files (questionnaires, analysis files), recording
// Japanese diagnostics with file:line:column instead of throwing.
#pragma once

#include <fmt/format.h>
#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <initializer_list>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "base/file.h"
#include "questionnaire/source_location.h"

namespace chosa {

class YamlReader {
 public:
  YamlReader(std::string file, std::vector<Diagnostic>* diagnostics)
      : file_(std::move(file)), diagnostics_(diagnostics) {}

  SourceLocation Loc(const YAML::Node& node) const {
    YAML::Mark m = node.Mark();
    if (m.is_null()) return SourceLocation{file_, 0, 0};
    return SourceLocation{file_, m.line + 1, m.column + 1};
  }

  void Error(const YAML::Node& node, std::string code, std::string message) {
    diagnostics_->push_back(Diagnostic{Loc(node), std::move(code), std::move(message), false});
  }
  void Error(const SourceLocation& loc, std::string code, std::string message) {
    diagnostics_->push_back(Diagnostic{loc, std::move(code), std::move(message), false});
  }

  // Checks that `map` is a mapping whose keys are all in `allowed` and appear once.
  bool CheckMap(const YAML::Node& map, std::string_view what,
                std::initializer_list<std::string_view> allowed) {
    if (!map.IsMap()) {
      Error(map, "not-a-mapping", fmt::format("{} は「キー: 値」の形で書いてください", what));
      return false;
    }
    std::set<std::string> seen;
    for (auto it = map.begin(); it != map.end(); ++it) {
      std::string key = it->first.Scalar();
      if (std::find(allowed.begin(), allowed.end(), key) == allowed.end()) {
        std::string list;
        for (std::string_view a : allowed) list += (list.empty() ? "" : ", ") + std::string(a);
        Error(it->first, "unknown-key",
              fmt::format("{} にキー \"{}\" は使えません（使えるキー: {}）", what, key, list));
      }
      if (!seen.insert(key).second) {
        Error(it->first, "duplicate-key", fmt::format("キー \"{}\" が重複しています", key));
      }
    }
    return true;
  }

  std::optional<std::string> String(const YAML::Node& map, const char* key, bool required,
                                    std::string_view what) {
    YAML::Node n = map[key];
    if (!n) {
      if (required) Error(map, "missing-key", fmt::format("{} に \"{}\" がありません", what, key));
      return std::nullopt;
    }
    if (!n.IsScalar()) {
      Error(n, "not-a-string", fmt::format("\"{}\" には文字列を書いてください", key));
      return std::nullopt;
    }
    return n.Scalar();
  }

  std::optional<long long> Int(const YAML::Node& map, const char* key, bool required,
                               std::string_view what) {
    YAML::Node n = map[key];
    if (!n) {
      if (required) Error(map, "missing-key", fmt::format("{} に \"{}\" がありません", what, key));
      return std::nullopt;
    }
    long long v = 0;
    if (!n.IsScalar() || !YAML::convert<long long>::decode(n, v)) {
      Error(n, "not-an-integer",
            fmt::format("\"{}\" には整数を書いてください（\"{}\" は整数ではありません）", key,
                        n.IsScalar() ? n.Scalar() : "…"));
      return std::nullopt;
    }
    return v;
  }

  std::optional<double> Double(const YAML::Node& map, const char* key) {
    YAML::Node n = map[key];
    if (!n) return std::nullopt;
    double v = 0;
    if (!n.IsScalar() || !YAML::convert<double>::decode(n, v)) {
      Error(n, "not-a-number", fmt::format("\"{}\" には数値を書いてください", key));
      return std::nullopt;
    }
    return v;
  }

  bool Bool(const YAML::Node& map, const char* key) {
    YAML::Node n = map[key];
    if (!n) return false;
    bool v = false;
    if (!n.IsScalar() || !YAML::convert<bool>::decode(n, v)) {
      Error(n, "not-a-boolean", fmt::format("\"{}\" には true か false を書いてください", key));
      return false;
    }
    return v;
  }

  // A list of strings (an absent node: empty); what is not a list or not a string is an error
  // at its position, named `what`.
  std::vector<std::string> Strings(const YAML::Node& node, std::string_view what) {
    std::vector<std::string> out;
    if (!node) return out;
    if (!node.IsSequence()) {
      Error(node, "not-a-list", fmt::format("{} は [値1, 値2, …] のリストで書いてください", what));
      return out;
    }
    for (const YAML::Node& n : node) {
      if (!n.IsScalar()) {
        Error(n, "not-a-string", fmt::format("{} の各値には文字列を書いてください", what));
        continue;
      }
      out.push_back(n.Scalar());
    }
    return out;
  }

  // Parses `yaml`; a syntax error is recorded at its position and nullopt returned.
  std::optional<YAML::Node> Parse(std::string_view yaml) {
    try {
      return YAML::Load(std::string(yaml));
    } catch (const YAML::ParserException& e) {
      Error(SourceLocation{file_, e.mark.line + 1, e.mark.column + 1}, "yaml-syntax",
            "YAML の書き方に誤りがあります: " + e.msg);
      return std::nullopt;
    }
  }

  const std::string& file() const { return file_; }

 private:
  std::string file_;
  std::vector<Diagnostic>* diagnostics_;
};

// Reads the definition file `path` and loads its text with `load_text` (a Load has
// `diagnostics`); a file that cannot be read becomes one diagnostic naming it.
template <typename Load>
Load LoadDefinitionFile(const std::string& path,
                        Load (*load_text)(std::string_view, const std::string&)) {
  Result<std::string> text = ReadFile(path);
  if (!text.ok()) {
    Load result;
    result.diagnostics.push_back(
        Diagnostic{SourceLocation{path, 0, 0}, "unreadable", text.status().message(), false});
    return result;
  }
  return load_text(*text, path);
}

}  // namespace chosa
