#include "base/encoding.h"

#include <fmt/format.h>
#include <unicode/ucnv.h>

#include <algorithm>
#include <memory>

#include "base/text.h"

namespace chosa {
namespace {

constexpr const char* kCp932Converter = "windows-31j";

struct ConverterCloser {
  void operator()(UConverter* c) const { ucnv_close(c); }
};
using ConverterPtr = std::unique_ptr<UConverter, ConverterCloser>;

ConverterPtr OpenStrict(const char* name) {
  UErrorCode err = U_ZERO_ERROR;
  ConverterPtr conv(ucnv_open(name, &err));
  if (U_FAILURE(err)) return nullptr;
  ucnv_setToUCallBack(conv.get(), UCNV_TO_U_CALLBACK_STOP, nullptr, nullptr, nullptr, &err);
  ucnv_setFromUCallBack(conv.get(), UCNV_FROM_U_CALLBACK_STOP, nullptr, nullptr, nullptr, &err);
  return conv;
}

std::string Lower(std::string_view s) {
  std::string out(s);
  std::transform(out.begin(), out.end(), out.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return out;
}

// Converts between two ICU converters, stopping at the first unmappable or invalid sequence.
// On failure returns the byte offset in `in` where conversion stopped.
bool ConvertStrict(UConverter* to, UConverter* from, std::string_view in, std::string* out,
                   size_t* error_offset) {
  out->clear();
  out->resize(in.size() * 2 + 16);
  UChar pivot[1024];
  UChar* pivot_source = pivot;
  UChar* pivot_target = pivot;
  const char* source = in.data();
  const char* source_limit = in.data() + in.size();
  char* target = out->data();
  for (;;) {
    UErrorCode err = U_ZERO_ERROR;
    char* target_limit = out->data() + out->size();
    ucnv_convertEx(to, from, &target, target_limit, &source, source_limit, pivot, &pivot_source,
                   &pivot_target, pivot + 1024, false, true, &err);
    if (err == U_BUFFER_OVERFLOW_ERROR) {
      size_t used = static_cast<size_t>(target - out->data());
      out->resize(out->size() * 2);
      target = out->data() + used;
      continue;
    }
    if (U_FAILURE(err)) {
      char bad[32];
      int8_t len = sizeof(bad);
      UErrorCode e2 = U_ZERO_ERROR;
      ucnv_getInvalidChars(from, bad, &len, &e2);
      size_t consumed = static_cast<size_t>(source - in.data());
      *error_offset = consumed >= static_cast<size_t>(len) ? consumed - len : 0;
      return false;
    }
    break;
  }
  out->resize(static_cast<size_t>(target - out->data()));
  return true;
}

}  // namespace

Result<Encoding> ParseEncodingName(std::string_view name) {
  std::string n = Lower(name);
  if (n == "auto") return Encoding::kAuto;
  if (n == "utf-8" || n == "utf8" || n == "utf-8-bom") return Encoding::kUtf8;
  if (n == "cp932" || n == "shift_jis" || n == "shift-jis" || n == "sjis" || n == "windows-31j" ||
      n == "ms932") {
    return Encoding::kCp932;
  }
  return Status::InvalidArgument(
      fmt::format("文字コード \"{}\" には対応していません（auto, utf-8, cp932 のいずれか）", name));
}

std::string_view EncodingName(Encoding encoding) {
  switch (encoding) {
    case Encoding::kAuto:
      return "auto";
    case Encoding::kUtf8:
      return "utf-8";
    case Encoding::kCp932:
      return "cp932";
  }
  return "?";
}

Encoding DetectEncoding(std::string_view bytes) {
  if (bytes.substr(0, 3) == kUtf8Bom) return Encoding::kUtf8;
  return IsValidUtf8(bytes) ? Encoding::kUtf8 : Encoding::kCp932;
}

Result<std::string> DecodeToUtf8(std::string_view bytes, Encoding encoding,
                                 std::string_view source_name) {
  if (encoding == Encoding::kAuto) encoding = DetectEncoding(bytes);
  if (encoding == Encoding::kUtf8) {
    if (bytes.substr(0, 3) == kUtf8Bom) bytes.remove_prefix(3);
    size_t bad = 0;
    if (!IsValidUtf8(bytes, &bad)) {
      LineColumn lc = LineColumnAt(bytes, bad);
      return Status::InvalidArgument(
          fmt::format("{}:{}:{}: UTF-8 として読めないバイト列があります（--encoding cp932 を"
                      "試してください）",
                      source_name, lc.line, lc.column));
    }
    return std::string(bytes);
  }
  ConverterPtr from = OpenStrict(kCp932Converter);
  ConverterPtr to = OpenStrict("UTF-8");
  if (!from || !to) return Status::Internal("ICU の文字コード変換器を開けません");
  std::string out;
  size_t bad = 0;
  if (!ConvertStrict(to.get(), from.get(), bytes, &out, &bad)) {
    LineColumn lc = LineColumnAt(bytes, bad);
    return Status::InvalidArgument(
        fmt::format("{}:{}:{}: Shift_JIS (CP932) として読めないバイト列があります", source_name,
                    lc.line, lc.column));
  }
  return out;
}

Result<std::string> DecodeOwnedToUtf8(std::string&& bytes, Encoding encoding,
                                      std::string_view source_name) {
  if (encoding == Encoding::kAuto) encoding = DetectEncoding(bytes);
  if (encoding != Encoding::kUtf8)
    return DecodeToUtf8(std::string_view(bytes), encoding, source_name);
  size_t bom = std::string_view(bytes).substr(0, 3) == kUtf8Bom ? 3 : 0;
  size_t bad = 0;
  if (!IsValidUtf8(std::string_view(bytes).substr(bom), &bad)) {
    return DecodeToUtf8(std::string_view(bytes), encoding, source_name);  // builds the message
  }
  if (bom) bytes.erase(0, bom);
  return std::move(bytes);
}

Result<std::string> EncodeFromUtf8(std::string_view utf8, Encoding encoding) {
  if (encoding != Encoding::kCp932) return std::string(utf8);
  ConverterPtr from = OpenStrict("UTF-8");
  ConverterPtr to = OpenStrict(kCp932Converter);
  if (!from || !to) return Status::Internal("ICU の文字コード変換器を開けません");
  std::string out;
  size_t bad = 0;
  if (ConvertStrict(to.get(), from.get(), utf8, &out, &bad)) return out;
  // Name the first character CP932 cannot represent, converting one character at a time.
  int line = 1, column = 1;
  std::string ignored;
  for (size_t offset = 0; offset < utf8.size();) {
    unsigned char c = utf8[offset];
    size_t len = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 1;
    std::string_view ch = utf8.substr(offset, len);
    ucnv_reset(to.get());
    ucnv_reset(from.get());
    size_t unused = 0;
    if (!ConvertStrict(to.get(), from.get(), ch, &ignored, &unused)) {
      return Status::InvalidArgument(
          fmt::format("{}行{}文字目の \"{}\" は Shift_JIS (CP932) で表せません"
                      "（UTF-8 で書き出してください）",
                      line, column, ch));
    }
    if (ch == "\n") {
      ++line;
      column = 1;
    } else {
      ++column;
    }
    offset += len;
  }
  return Status::InvalidArgument("Shift_JIS (CP932) に変換できない文字があります");
}

}  // namespace chosa
