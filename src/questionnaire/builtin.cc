#include "questionnaire/builtin.h"

#include <fmt/format.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>

#include "base/file.h"

namespace chosa {

std::string DataDir() {
  const char* env = std::getenv("CHOSA_DATA_DIR");
  if (env != nullptr && *env != '\0') return env;
  return CHOSA_DEFAULT_DATA_DIR;
}

std::vector<std::string> BuiltinQuestionnaireNames() {
  std::vector<std::string> names;
  std::error_code ec;
  std::filesystem::path dir = std::filesystem::path(DataDir()) / "questionnaires";
  for (const auto& entry : std::filesystem::directory_iterator(dir, ec)) {
    if (entry.path().extension() == ".yaml") names.push_back(entry.path().stem().string());
  }
  std::sort(names.begin(), names.end());
  return names;
}

Result<std::string> ResolveQuestionnairePath(const std::string& name_or_path) {
  if (FileExists(name_or_path)) return name_or_path;
  std::string builtin =
      (std::filesystem::path(DataDir()) / "questionnaires" / (name_or_path + ".yaml")).string();
  if (name_or_path.find('/') == std::string::npos && FileExists(builtin)) return builtin;
  std::string names;
  for (const std::string& n : BuiltinQuestionnaireNames()) names += " " + n;
  return Status::NotFound(fmt::format("調査票 \"{}\" が見つかりません（組み込み:{}）", name_or_path,
                                      names.empty() ? " なし" : names));
}

}  // namespace chosa
