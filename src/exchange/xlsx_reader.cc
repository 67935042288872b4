#include "exchange/xlsx_reader.h"

#include <fmt/format.h>
#include <zip.h>

#include <charconv>
#include <cmath>
#include <memory>
#include <pugixml.hpp>

namespace chosa {
namespace {

constexpr zip_uint64_t kMaxEntrySize = zip_uint64_t{1} << 30;

struct ZipCloser {
  void operator()(zip_t* z) const { zip_discard(z); }
};
using ZipPtr = std::unique_ptr<zip_t, ZipCloser>;

struct ZipFileCloser {
  void operator()(zip_file_t* f) const { zip_fclose(f); }
};

class Package {
 public:
  static Result<Package> Open(std::string_view bytes, const std::string& source) {
    zip_error_t error;
    zip_error_init(&error);
    zip_source_t* src = zip_source_buffer_create(bytes.data(), bytes.size(), 0, &error);
    if (src == nullptr) {
      zip_error_fini(&error);
      return Status::InvalidArgument(fmt::format("{}: .xlsx ファイルを開けません", source));
    }
    zip_t* z = zip_open_from_source(src, ZIP_RDONLY, &error);
    if (z == nullptr) {
      zip_source_free(src);
      zip_error_fini(&error);
      return Status::InvalidArgument(fmt::format(
          "{}: .xlsx（ZIP 形式）として読めません。Excel で「Excel ブック (*.xlsx)」として"
          "保存し直してください",
          source));
    }
    zip_error_fini(&error);
    return Package(ZipPtr(z), source);
  }

  bool Has(const std::string& name) const {
    return zip_name_locate(zip_.get(), name.c_str(), 0) >= 0;
  }

  Result<std::string> Read(const std::string& name) const {
    zip_stat_t st;
    zip_stat_init(&st);
    if (zip_stat(zip_.get(), name.c_str(), 0, &st) != 0) {
      return Status::InvalidArgument(
          fmt::format("{}: {} がありません（.xlsx が壊れています）", source_, name));
    }
    if (!(st.valid & ZIP_STAT_SIZE) || st.size > kMaxEntrySize) {
      return Status::InvalidArgument(fmt::format("{}: {} が大きすぎます", source_, name));
    }
    std::unique_ptr<zip_file_t, ZipFileCloser> f(zip_fopen(zip_.get(), name.c_str(), 0));
    if (!f) return Status::InvalidArgument(fmt::format("{}: {} を展開できません", source_, name));
    std::string data(static_cast<size_t>(st.size), '\0');
    zip_int64_t n = zip_fread(f.get(), data.data(), st.size);
    if (n < 0 || static_cast<zip_uint64_t>(n) != st.size) {
      return Status::InvalidArgument(
          fmt::format("{}: {} を展開できません（壊れています）", source_, name));
    }
    return data;
  }

  Result<pugi::xml_document> Xml(const std::string& name) const {
    CHOSA_ASSIGN_OR_RETURN(std::string text, Read(name));
    pugi::xml_document doc;
    pugi::xml_parse_result r = doc.load_buffer(text.data(), text.size(), pugi::parse_default);
    if (!r) {
      return Status::InvalidArgument(
          fmt::format("{}: {} の XML を読めません（{}）", source_, name, r.description()));
    }
    return doc;
  }

 private:
  Package(ZipPtr zip, std::string source) : zip_(std::move(zip)), source_(std::move(source)) {}
  ZipPtr zip_;
  std::string source_;
};

// The text of a string item: <t> directly or in rich-text runs <r><t>, never furigana <rPh>.
std::string StringItemText(const pugi::xml_node& si) {
  std::string text;
  for (pugi::xml_node child : si.children()) {
    std::string_view name = child.name();
    if (name == "t") {
      text += child.text().get();
    } else if (name == "r") {
      text += child.child("t").text().get();
    }
  }
  return text;
}

std::string FormatNumber(std::string_view v) {
  double d = 0;
  auto [p, ec] = std::from_chars(v.data(), v.data() + v.size(), d);
  if (ec != std::errc() || p != v.data() + v.size()) return std::string(v);
  if (d == std::floor(d) && std::fabs(d) < 1e15)
    return fmt::format("{}", static_cast<long long>(d));
  return fmt::format("{}", d);  // shortest representation that round-trips
}

// Resolves a relationship target relative to xl/.
std::string PartPath(std::string_view target) {
  if (target.starts_with("/")) return std::string(target.substr(1));
  return "xl/" + std::string(target);
}

}  // namespace

int ColumnIndexFromLetters(std::string_view letters) {
  if (letters.empty() || letters.size() > 3) return -1;
  int index = 0;
  for (char c : letters) {
    if (c < 'A' || c > 'Z') return -1;
    index = index * 26 + (c - 'A' + 1);
  }
  return index - 1;
}

std::string ColumnLetters(int index) {
  std::string s;
  for (int n = index + 1; n > 0; n = (n - 1) / 26)
    s.insert(s.begin(), static_cast<char>('A' + (n - 1) % 26));
  return s;
}

Result<Sheet> ReadXlsxSheet(std::string_view bytes, std::string_view sheet_name,
                            const std::string& source) {
  CHOSA_ASSIGN_OR_RETURN(Package pkg, Package::Open(bytes, source));
  CHOSA_ASSIGN_OR_RETURN(pugi::xml_document workbook, pkg.Xml("xl/workbook.xml"));
  CHOSA_ASSIGN_OR_RETURN(pugi::xml_document rels, pkg.Xml("xl/_rels/workbook.xml.rels"));

  Sheet sheet;
  std::string rel_id;
  std::string names;
  for (pugi::xml_node s : workbook.child("workbook").child("sheets").children("sheet")) {
    std::string name = s.attribute("name").value();
    names += (names.empty() ? "" : "、") + name;
    if (rel_id.empty() && (sheet_name.empty() || name == sheet_name)) {
      rel_id = s.attribute("r:id").value();
      sheet.name = name;
    }
  }
  if (rel_id.empty()) {
    return Status::InvalidArgument(
        sheet_name.empty() ? fmt::format("{}: シートがありません", source)
                           : fmt::format("{}: シート「{}」がありません（あるシート: {}）", source,
                                         sheet_name, names));
  }
  std::string target;
  for (pugi::xml_node r : rels.child("Relationships").children("Relationship")) {
    if (rel_id == r.attribute("Id").value()) target = PartPath(r.attribute("Target").value());
  }
  if (target.empty()) {
    return Status::InvalidArgument(
        fmt::format("{}: シート「{}」の本体がありません", source, sheet.name));
  }

  std::vector<std::string> shared;
  if (pkg.Has("xl/sharedStrings.xml")) {
    CHOSA_ASSIGN_OR_RETURN(pugi::xml_document sst, pkg.Xml("xl/sharedStrings.xml"));
    for (pugi::xml_node si : sst.child("sst").children("si")) shared.push_back(StringItemText(si));
  }

  CHOSA_ASSIGN_OR_RETURN(pugi::xml_document ws, pkg.Xml(target));
  int next_row = 1;
  for (pugi::xml_node row : ws.child("worksheet").child("sheetData").children("row")) {
    SheetRow out;
    out.number = row.attribute("r").as_int(next_row);
    next_row = out.number + 1;
    int next_col = 0;
    for (pugi::xml_node c : row.children("c")) {
      std::string_view ref = c.attribute("r").value();
      int col = next_col;
      if (!ref.empty()) {
        size_t letters = 0;
        while (letters < ref.size() && ref[letters] >= 'A' && ref[letters] <= 'Z') ++letters;
        col = ColumnIndexFromLetters(ref.substr(0, letters));
        if (col < 0) {
          return Status::InvalidArgument(
              fmt::format("{}: シート「{}」のセル参照 \"{}\" が不正です", source, sheet.name, ref));
        }
      }
      next_col = col + 1;
      std::string_view type = c.attribute("t").value();
      std::string value;
      if (type == "s") {
        size_t index = c.child("v").text().as_uint(static_cast<unsigned>(-1));
        if (index >= shared.size()) {
          return Status::InvalidArgument(
              fmt::format("{}: シート「{}」{}{} の共有文字列番号が不正です", source, sheet.name,
                          ColumnLetters(col), out.number));
        }
        value = shared[index];
      } else if (type == "inlineStr") {
        value = StringItemText(c.child("is"));
      } else if (type == "str" || type == "e") {
        value = c.child("v").text().get();
      } else if (type == "b") {
        value = c.child("v").text().as_bool() ? "1" : "0";
      } else {
        pugi::xml_node v = c.child("v");
        if (v) value = FormatNumber(v.text().get());
      }
      if (value.empty()) continue;
      if (static_cast<size_t>(col) >= out.cells.size()) out.cells.resize(col + 1);
      out.cells[col] = std::move(value);
    }
    if (!out.cells.empty()) sheet.rows.push_back(std::move(out));
  }
  return sheet;
}

}  // namespace chosa
