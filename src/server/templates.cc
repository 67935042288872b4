#include "server/templates.h"

#include <fmt/format.h>

#include <atomic>
#include <filesystem>
#include <unordered_map>

#include "base/file.h"

namespace chosa::web {

uint64_t TemplateSet::NextId() {
  static std::atomic<uint64_t> next{1};
  return next++;
}

Result<std::unique_ptr<TemplateSet>> TemplateSet::Load(const std::string& dir) {
  std::map<std::string, std::string> sources;
  std::error_code ec;
  for (const auto& entry : std::filesystem::directory_iterator(dir, ec)) {
    if (entry.path().extension() != ".mustache") continue;
    CHOSA_ASSIGN_OR_RETURN(std::string text, ReadFile(entry.path().string()));
    kainjow::mustache::mustache check(text);
    if (!check.is_valid()) {
      return Status::InvalidArgument(
          fmt::format("{}: テンプレートの誤り: {}", entry.path().string(), check.error_message()));
    }
    sources.emplace(entry.path().stem().string(), std::move(text));
  }
  if (ec) return Status::IoError(fmt::format("{}: テンプレートのフォルダを読めません", dir));
  if (!sources.count("layout")) return Status::NotFound(dir + "/layout.mustache がありません");
  return std::unique_ptr<TemplateSet>(new TemplateSet(std::move(sources)));
}

kainjow::mustache::mustache& TemplateSet::Compiled(const std::string& name) const {
  // Per thread and per template set: rendering is not const in kainjow::mustache.
  thread_local std::unordered_map<std::string, std::unique_ptr<kainjow::mustache::mustache>> cache;
  std::string key = std::to_string(id_) + "/" + name;
  auto it = cache.find(key);
  if (it == cache.end()) {
    auto found = sources_.find(name);
    const std::string& source = found == sources_.end() ? sources_.at("layout") : found->second;
    it = cache.emplace(key, std::make_unique<kainjow::mustache::mustache>(source)).first;
  }
  return *it->second;
}

std::string TemplateSet::Render(const std::string& name, const View& view) const {
  return Compiled(name).render(view);
}

std::string TemplateSet::RenderPage(const std::string& name, const View& view,
                                    const std::string& title) const {
  View layout;
  layout.set("title", title);
  layout.set("body", Render(name, view));
  return Compiled("layout").render(layout);
}

}  // namespace chosa::web
