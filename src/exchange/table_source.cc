#include "exchange/table_source.h"

#include <fmt/format.h>

#include <filesystem>

#include "base/file.h"

namespace chosa {
namespace {

class CsvTable final : public TableSource {
 public:
  CsvTable(std::string text, std::string name, Encoding encoding)
      : text_(std::move(text)),
        name_(std::move(name)),
        reader_(text_, name_),
        encoding_(encoding) {}

  Result<bool> Next(std::vector<std::string_view>* cells) override { return reader_.Next(cells); }
  int RowNumber() const override { return reader_.record_line(); }
  std::string CellName(int column) const override {
    return fmt::format("{} {}行目 {}列目", name_, reader_.record_line(), column + 1);
  }
  std::string RowName() const override {
    return fmt::format("{} {}行目", name_, reader_.record_line());
  }
  Encoding encoding() const override { return encoding_; }

 private:
  std::string text_;  // must be declared before reader_, which views it
  std::string name_;
  CsvReader reader_;
  Encoding encoding_;
};

class SheetTable final : public TableSource {
 public:
  SheetTable(Sheet sheet, std::string name) : sheet_(std::move(sheet)), name_(std::move(name)) {}

  Result<bool> Next(std::vector<std::string_view>* cells) override {
    cells->clear();
    if (next_ >= sheet_.rows.size()) return false;
    current_ = next_++;
    for (const std::string& c : sheet_.rows[current_].cells) cells->emplace_back(c);
    return true;
  }
  int RowNumber() const override { return sheet_.rows.empty() ? 0 : sheet_.rows[current_].number; }
  std::string CellName(int column) const override {
    return fmt::format("{} シート「{}」 {}{}", name_, sheet_.name, ColumnLetters(column),
                       RowNumber());
  }
  std::string RowName() const override {
    return fmt::format("{} シート「{}」 {}行目", name_, sheet_.name, RowNumber());
  }

 private:
  Sheet sheet_;
  std::string name_;
  size_t next_ = 0;
  size_t current_ = 0;
};

bool HasXlsxExtension(const std::string& path) {
  std::string ext = std::filesystem::path(path).extension().string();
  for (char& c : ext) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return ext == ".xlsx" || ext == ".xlsm";
}

}  // namespace

Result<std::unique_ptr<TableSource>> OpenTableFile(const std::string& path, Encoding encoding,
                                                   std::string_view sheet) {
  CHOSA_ASSIGN_OR_RETURN(std::string bytes, ReadFile(path));
  std::string name = std::filesystem::path(path).filename().string();
  if (HasXlsxExtension(path)) {
    CHOSA_ASSIGN_OR_RETURN(Sheet s, ReadXlsxSheet(bytes, sheet, name));
    return std::unique_ptr<TableSource>(std::make_unique<SheetTable>(std::move(s), name));
  }
  Encoding detected = encoding == Encoding::kAuto ? DetectEncoding(bytes) : encoding;
  CHOSA_ASSIGN_OR_RETURN(std::string text, DecodeOwnedToUtf8(std::move(bytes), detected, name));
  return std::unique_ptr<TableSource>(std::make_unique<CsvTable>(std::move(text), name, detected));
}

std::unique_ptr<TableSource> CsvTableFromText(std::string utf8, std::string source_name) {
  return std::make_unique<CsvTable>(std::move(utf8), std::move(source_name), Encoding::kUtf8);
}

}  // namespace chosa
