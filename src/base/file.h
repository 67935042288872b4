// Whole-file reads and durable writes. Errors name the path and the OS reason.
#pragma once

#include <string>
#include <string_view>

#include "base/result.h"

namespace chosa {

// Reads the whole file. NotFound if it does not exist, IoError otherwise.
Result<std::string> ReadFile(const std::string& path);

// Writes `contents` to `path` atomically and durably: a temporary file in the same folder is
// written, fsync'ed and renamed over `path`, then the folder is fsync'ed. `mode` is the new
// file's permission bits (e.g. 0600 for secrets).
Status WriteFileAtomic(const std::string& path, std::string_view contents, unsigned mode = 0644);

bool FileExists(const std::string& path);

}  // namespace chosa
