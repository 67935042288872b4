#include "exchange/xlsx_reader.h"

#include <gtest/gtest.h>
#include <xlsxwriter.h>
#include <zip.h>

#include "base/file.h"
#include "support/temp_dir.h"

namespace chosa {
namespace {

TEST(XlsxReaderTest, ReadsWhatLibxlsxwriterWrites) {
  testing::TempDir dir;
  std::string path = dir.File("answers.xlsx");
  lxw_workbook* wb = workbook_new(path.c_str());
  workbook_add_worksheet(wb, "メモ");
  lxw_worksheet* ws = workbook_add_worksheet(wb, "回答");
  worksheet_write_string(ws, 0, 0, "id", nullptr);
  worksheet_write_string(ws, 0, 1, "Q1", nullptr);
  worksheet_write_string(ws, 0, 2, "Q2", nullptr);
  worksheet_write_string(ws, 1, 0, "R1", nullptr);
  worksheet_write_number(ws, 1, 1, 3, nullptr);
  worksheet_write_number(ws, 1, 2, 2.5, nullptr);
  worksheet_write_boolean(ws, 3, 1, 1, nullptr);  // row 4, after an empty row 3
  worksheet_write_string(ws, 3, 27, "AB列", nullptr);
  ASSERT_EQ(workbook_close(wb), LXW_NO_ERROR);

  Result<std::string> bytes = ReadFile(path);
  ASSERT_TRUE(bytes.ok());
  Result<Sheet> sheet = ReadXlsxSheet(*bytes, "回答", "answers.xlsx");
  ASSERT_TRUE(sheet.ok()) << sheet.status().ToString();
  EXPECT_EQ(sheet->name, "回答");
  ASSERT_EQ(sheet->rows.size(), 3u);
  EXPECT_EQ(sheet->rows[1].cells, (std::vector<std::string>{"R1", "3", "2.5"}));
  EXPECT_EQ(sheet->rows[2].number, 4);
  EXPECT_EQ(sheet->rows[2].cells[1], "1");
  EXPECT_EQ(sheet->rows[2].cells[27], "AB列");
  EXPECT_EQ(ReadXlsxSheet(*bytes, "", "a.xlsx")->name, "メモ") << "first sheet by default";
  Result<Sheet> missing = ReadXlsxSheet(*bytes, "なし", "a.xlsx");
  ASSERT_FALSE(missing.ok());
  EXPECT_NE(missing.status().message().find("メモ、回答"), std::string::npos)
      << missing.status().message();
}

void Add(zip_t* z, const char* name, const std::string& text) {
  zip_source_t* src = zip_source_buffer(z, strdup(text.c_str()), text.size(), 1);
  ASSERT_GE(zip_file_add(z, name, src, ZIP_FL_ENC_UTF_8), 0);
}

// Japanese Excel stores furigana (<rPh>) inside shared strings; it must not leak into cells.
TEST(XlsxReaderTest, IgnoresFuriganaAndJoinsRichText) {
  testing::TempDir dir;
  std::string path = dir.File("furigana.xlsx");
  int err = 0;
  zip_t* z = zip_open(path.c_str(), ZIP_CREATE | ZIP_TRUNCATE, &err);
  ASSERT_NE(z, nullptr);
  Add(z, "xl/workbook.xml",
      R"(<workbook xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="S" sheetId="1" r:id="rId1"/></sheets></workbook>)");
  Add(z, "xl/_rels/workbook.xml.rels",
      R"(<Relationships><Relationship Id="rId1" Target="worksheets/sheet1.xml"/></Relationships>)");
  Add(z, "xl/sharedStrings.xml",
      R"(<sst><si><t>大阪</t><rPh sb="0" eb="2"><t>オオサカ</t></rPh></si><si><r><t>株式</t></r><r><t>会社</t></r></si></sst>)");
  Add(z, "xl/worksheets/sheet1.xml",
      R"(<worksheet><sheetData><row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="inlineStr"><is><t>直接</t></is></c><c r="D1" t="str"><v>式の結果</v></c></row></sheetData></worksheet>)");
  ASSERT_EQ(zip_close(z), 0);
  Result<Sheet> sheet = ReadXlsxSheet(*ReadFile(path), "", "furigana.xlsx");
  ASSERT_TRUE(sheet.ok()) << sheet.status().ToString();
  EXPECT_EQ(sheet->rows[0].cells,
            (std::vector<std::string>{"大阪", "株式会社", "直接", "式の結果"}));
}

TEST(XlsxReaderTest, NotAWorkbook) {
  Result<Sheet> s = ReadXlsxSheet("this is text, not zip", "", "fake.xlsx");
  ASSERT_FALSE(s.ok());
  EXPECT_NE(s.status().message().find("fake.xlsx"), std::string::npos);
}

TEST(XlsxReaderTest, ColumnLetters) {
  EXPECT_EQ(ColumnIndexFromLetters("A"), 0);
  EXPECT_EQ(ColumnIndexFromLetters("AB"), 27);
  EXPECT_EQ(ColumnLetters(27), "AB");
  EXPECT_EQ(ColumnLetters(ColumnIndexFromLetters("XFD")), "XFD");
  EXPECT_EQ(ColumnIndexFromLetters("a1"), -1);
}

}  // namespace
}  // namespace chosa
