// Renders tallies for a terminal: aligned columns that account for double-width CJK characters.
#pragma once

#include <string>

#include "tabulation/table.h"

namespace chosa {

std::string RenderTallyText(const TallyReport& report);

}  // namespace chosa
