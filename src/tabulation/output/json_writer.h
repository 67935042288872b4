// Tallies as JSON (schema "chosa-tally/1", docs/tabulation-json.md).
#pragma once

#include <string>

#include "tabulation/table.h"

namespace chosa {

std::string RenderTallyJson(const TallyReport& report);

}  // namespace chosa
