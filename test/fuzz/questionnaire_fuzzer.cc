// Fuzzes the YAML questionnaire loader and checker: any input must give diagnostics, not crash.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "questionnaire/loader.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  chosa::LoadResult r = chosa::LoadQuestionnaireText(text, "fuzz.yaml");
  if (r.ok()) {
    for (const chosa::Diagnostic& d : r.diagnostics) (void)d.ToString();
  }
  return 0;
}
