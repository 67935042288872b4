// Fuzzes the .xlsx reader (zip container and XML parts).
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "exchange/xlsx_reader.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view bytes(reinterpret_cast<const char*>(data), size);
  (void)chosa::ReadXlsxSheet(bytes, "", "fuzz.xlsx");
  return 0;
}
