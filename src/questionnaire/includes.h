// `include:` entries among a questionnaire's sections (docs/questionnaire-format.md): whole
// sections of another questionnaire, e.g. the self-diagnosis's 25 items asked inside a survey
// (their score becomes a derived variable of the survey's reports).
#pragma once

#include <yaml-cpp/yaml.h>

#include <string>
#include <vector>

#include "questionnaire/source_location.h"

namespace chosa {

// Replaces each include entry of root["sections"] by the chosen sections of the named
// questionnaire (a built-in name, or a path relative to `source_name`'s folder), which must load
// without errors on its own; their option-set references are written out, so the expanded
// document stands alone (it is what gets registered). Returns whether anything was included;
// problems go to `diagnostics` located in `source_name` (and the included file's own errors
// in that file).
bool ExpandIncludes(YAML::Node* root, const std::string& source_name,
                    std::vector<Diagnostic>* diagnostics);

}  // namespace chosa
