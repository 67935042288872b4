#include "server/config.h"

#include <fmt/format.h>
#include <yaml-cpp/yaml.h>

#include <set>

#include "base/file.h"

namespace chosa::web {
namespace {

std::string Where(const std::string& path, const YAML::Node& n) {
  return n.Mark().is_null() ? path
                            : fmt::format("{}:{}:{}", path, n.Mark().line + 1, n.Mark().column + 1);
}

Status CheckKeys(const std::string& path, const YAML::Node& map,
                 std::initializer_list<std::string_view> keys) {
  for (auto it = map.begin(); it != map.end(); ++it) {
    std::string key = it->first.Scalar();
    if (std::find(keys.begin(), keys.end(), key) == keys.end()) {
      return Status::InvalidArgument(
          fmt::format("{}: 設定 \"{}\" はありません", Where(path, it->first), key));
    }
  }
  return Status::Ok();
}

template <typename T>
Status Read(const std::string& path, const YAML::Node& map, const char* key, T* out) {
  YAML::Node n = map[key];
  if (!n) return Status::Ok();
  if (!n.IsScalar() || !YAML::convert<T>::decode(n, *out)) {
    return Status::InvalidArgument(
        fmt::format("{}: \"{}\" の値が正しくありません", Where(path, n), key));
  }
  return Status::Ok();
}

}  // namespace

Result<ServerConfig> LoadServerConfig(const std::string& path) {
  CHOSA_ASSIGN_OR_RETURN(std::string text, ReadFile(path));
  ServerConfig c;
  try {
    YAML::Node root = YAML::Load(text);
    if (!root.IsMap()) return Status::InvalidArgument(path + ": 「キー: 値」の形で書いてください");
    CHOSA_RETURN_IF_ERROR(
        CheckKeys(path, root,
                  {"address", "port", "database", "key_file", "data_dir", "threads",
                   "secure_cookies", "session_hours", "max_body_kib", "request_timeout_seconds",
                   "dashboard_refresh_seconds", "public_url", "surveys"}));
    CHOSA_RETURN_IF_ERROR(Read(path, root, "address", &c.address));
    CHOSA_RETURN_IF_ERROR(Read(path, root, "port", &c.port));
    CHOSA_RETURN_IF_ERROR(Read(path, root, "database", &c.database));
    CHOSA_RETURN_IF_ERROR(Read(path, root, "key_file", &c.key_file));
    CHOSA_RETURN_IF_ERROR(Read(path, root, "data_dir", &c.data_dir));
    CHOSA_RETURN_IF_ERROR(Read(path, root, "threads", &c.threads));
    CHOSA_RETURN_IF_ERROR(Read(path, root, "secure_cookies", &c.secure_cookies));
    CHOSA_RETURN_IF_ERROR(Read(path, root, "session_hours", &c.session_hours));
    CHOSA_RETURN_IF_ERROR(Read(path, root, "max_body_kib", &c.max_body_kib));
    CHOSA_RETURN_IF_ERROR(Read(path, root, "request_timeout_seconds", &c.request_timeout_seconds));
    CHOSA_RETURN_IF_ERROR(
        Read(path, root, "dashboard_refresh_seconds", &c.dashboard_refresh_seconds));
    CHOSA_RETURN_IF_ERROR(Read(path, root, "public_url", &c.public_url));
    if (YAML::Node surveys = root["surveys"]) {
      if (!surveys.IsSequence()) {
        return Status::InvalidArgument(
            fmt::format("{}: surveys はリストで書いてください", Where(path, surveys)));
      }
      for (const YAML::Node& s : surveys) {
        ServedSurvey served;
        if (s.IsScalar()) {
          served.questionnaire = s.Scalar();
        } else {
          CHOSA_RETURN_IF_ERROR(CheckKeys(path, s, {"questionnaire", "open_link"}));
          CHOSA_RETURN_IF_ERROR(Read(path, s, "questionnaire", &served.questionnaire));
          CHOSA_RETURN_IF_ERROR(Read(path, s, "open_link", &served.open_link));
        }
        if (served.questionnaire.empty()) {
          return Status::InvalidArgument(
              fmt::format("{}: questionnaire がありません", Where(path, s)));
        }
        c.surveys.push_back(served);
      }
    }
    if (c.port < 0 || c.port > 65535)
      return Status::InvalidArgument(path + ": port は 0～65535 にしてください");
    if (c.threads < 1 || c.threads > 64)
      return Status::InvalidArgument(path + ": threads は 1～64 にしてください");
  } catch (const YAML::Exception& e) {
    return Status::InvalidArgument(fmt::format("{}:{}:{}: YAML の書き方に誤りがあります: {}", path,
                                               e.mark.line + 1, e.mark.column + 1, e.msg));
  }
  return c;
}

}  // namespace chosa::web
