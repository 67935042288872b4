// Where something was written: file, 1-based line and column (0 when unknown).
#pragma once

#include <string>

namespace chosa {

struct SourceLocation {
  std::string file;
  int line = 0;
  int column = 0;

  // "file:line:col", "file:line" or "file", whichever parts are known.
  std::string ToString() const;
};

// One finding of the loader or checker: location, a stable code (e.g. "duplicate-id") and a
// Japanese message.
struct Diagnostic {
  SourceLocation location;
  std::string code;
  std::string message;
  bool warning = false;

  // "file:line:col: エラー: message [code]"
  std::string ToString() const;
};

}  // namespace chosa
