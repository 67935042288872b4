// Answer codes standing for ranges of values (employee or capital bands of a questionnaire's
// options), as analysis and diagnosis files write them: {code: [low, high]}, high null for
// "and more", values as integers or yen ("5000万", "3億").
#pragma once

#include <map>

#include "classification/sme_size.h"
#include "questionnaire/yaml_reader.h"

namespace chosa {

// Answer code -> the range of values the option stands for ("21名～50名以下" -> [21, 50]).
using BandMap = std::map<int, ValueRange>;

// Reads a band map; every problem is reported through `r` at its position.
BandMap ReadBands(YamlReader& r, const YAML::Node& node);

}  // namespace chosa
