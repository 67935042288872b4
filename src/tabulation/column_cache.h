// Column snapshots: a dataset's decoded columns kept in a file beside the database, so that the
// next analysis of unchanged responses reads them instead of decoding every stored record again.
// A snapshot carries a key (survey, questionnaire version, the storage's revision token of the
// responses, the load options); it is used only when the whole key matches, and any problem
// reading it (missing, foreign, truncated, another format) makes it a miss, never an error.
#pragma once

#include <string>

#include "base/result.h"
#include "tabulation/dataset.h"

namespace chosa {

// Writes `data`'s columns, weights and texts to `path` (mode 0600, through a temporary file
// renamed into place, so readers see the old snapshot or the new one).
Status SaveColumnSnapshot(const std::string& path, const std::string& key, const Dataset& data);

// Fills the empty `data` (built on the questionnaire the snapshot was taken with) from `path`
// when its key is `key`; false, with `data` left empty, on any mismatch or damage.
bool LoadColumnSnapshot(const std::string& path, const std::string& key, Dataset* data);

}  // namespace chosa
