// Character encodings of files that people send: UTF-8 (with or without BOM) and Shift_JIS as
// Excel in Japan writes it (CP932, Microsoft's variant with NEC and IBM extensions).
#pragma once

#include <string>
#include <string_view>

#include "base/result.h"

namespace chosa {

enum class Encoding { kAuto, kUtf8, kCp932 };

// Parses "auto", "utf-8"/"utf8", "cp932"/"shift_jis"/"sjis"/"windows-31j" (case-insensitive).
Result<Encoding> ParseEncodingName(std::string_view name);
std::string_view EncodingName(Encoding encoding);

// UTF-8 if the bytes start with a UTF-8 BOM or are well-formed UTF-8; CP932 otherwise.
Encoding DetectEncoding(std::string_view bytes);

// Converts file bytes to UTF-8 without a BOM. kAuto detects first. Fails with the line and
// byte column of the first byte sequence that is not valid in the encoding.
// `source_name` (a file name) prefixes error messages.
Result<std::string> DecodeToUtf8(std::string_view bytes, Encoding encoding,
                                 std::string_view source_name);
// The same, taking ownership: UTF-8 input is validated and returned without a copy.
Result<std::string> DecodeOwnedToUtf8(std::string&& bytes, Encoding encoding,
                                      std::string_view source_name);

// Converts UTF-8 text to `encoding` (kUtf8 returns the text unchanged). Fails naming the first
// character that CP932 cannot represent.
Result<std::string> EncodeFromUtf8(std::string_view utf8, Encoding encoding);

inline constexpr std::string_view kUtf8Bom = "\xEF\xBB\xBF";

}  // namespace chosa
