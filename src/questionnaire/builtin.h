// The built-in questionnaires shipped in the data folder (data/questionnaires/*.yaml).
#pragma once

#include <string>
#include <vector>

#include "base/result.h"

namespace chosa {

// The data folder: $CHOSA_DATA_DIR if set, else the source tree's data/ compiled in.
std::string DataDir();

// Names of the built-in questionnaires (file names without .yaml), sorted.
std::vector<std::string> BuiltinQuestionnaireNames();

// Path of a questionnaire argument: an existing file as given, else a built-in name.
// NotFound when neither exists.
Result<std::string> ResolveQuestionnairePath(const std::string& name_or_path);

}  // namespace chosa
