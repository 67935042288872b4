// Fuzzes decoding (encoding detection, CP932), CSV parsing and the answer-row reader with the
// answer engine, on seed 000's questionnaire.
#include <cstddef>
#include <cstdint>
#include <string>

#include "exchange/answer_rows.h"
#include "questionnaire/loader.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static const chosa::Questionnaire qn = [] {
    auto loaded = chosa::LoadQuestionnaire(std::string(CHOSA_SOURCE_DIR) +
                                           "/data/questionnaires/ipa-it-vendor-role.yaml");
    if (!loaded.ok()) __builtin_trap();
    return std::move(loaded).value();
  }();
  std::string_view bytes(reinterpret_cast<const char*>(data), size);
  chosa::Result<std::string> text = chosa::DecodeToUtf8(bytes, chosa::Encoding::kAuto, "fuzz.csv");
  if (!text.ok()) return 0;
  auto source = chosa::CsvTableFromText(std::move(text).value(), "fuzz.csv");
  std::vector<chosa::RowIssue> warnings;
  auto reader = chosa::AnswerRowReader::Open(qn, *source, {}, &warnings);
  if (!reader.ok()) return 0;
  chosa::AnswerRow row;
  for (int i = 0; i < 1000; ++i) {
    auto more = reader->Next(&row);
    if (!more.ok() || !*more) break;
    for (const chosa::RowIssue& issue : row.issues) (void)issue.ToString();
  }
  return 0;
}
