// Markdown (GitHub flavour, with tables and autolinks) to HTML for survey introductions, via
// cmark-gfm. Raw HTML in the source is never passed through (cmark-gfm's safe default).
#pragma once

#include <string>
#include <string_view>

namespace chosa::web {

std::string MarkdownToHtml(std::string_view markdown);

}  // namespace chosa::web
