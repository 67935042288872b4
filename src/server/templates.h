// Page templates: logic-less Mustache files in <data>/templates (kainjow::mustache), HTML-escaping
// every {{value}} by default. Each thread renders with its own compiled copy.
#pragma once

#include <kainjow/mustache.hpp>
#include <map>
#include <memory>
#include <string>

#include "base/result.h"

namespace chosa::web {

using View = kainjow::mustache::data;

class TemplateSet {
 public:
  // Reads and compiles every *.mustache file in `dir`; fails naming a template that does not
  // parse. Must include layout.mustache, which receives {{{body}}} and {{title}}.
  static Result<std::unique_ptr<TemplateSet>> Load(const std::string& dir);

  // Renders template `name` (without .mustache) with `view`, inside the layout. Thread-safe.
  std::string RenderPage(const std::string& name, const View& view, const std::string& title) const;
  // Renders template `name` alone. Thread-safe.
  std::string Render(const std::string& name, const View& view) const;

 private:
  explicit TemplateSet(std::map<std::string, std::string> sources) : sources_(std::move(sources)) {}
  kainjow::mustache::mustache& Compiled(const std::string& name) const;

  std::map<std::string, std::string> sources_;
  const uint64_t id_ = NextId();
  static uint64_t NextId();
};

}  // namespace chosa::web
