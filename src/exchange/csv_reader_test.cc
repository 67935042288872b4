#include "exchange/csv_reader.h"

#include <gtest/gtest.h>

namespace chosa {
namespace {

std::vector<std::vector<std::string>> ReadAll(const std::string& text) {
  CsvReader reader(text, "t.csv");
  std::vector<std::vector<std::string>> rows;
  std::vector<std::string_view> fields;
  while (true) {
    Result<bool> more = reader.Next(&fields);
    EXPECT_TRUE(more.ok()) << more.status().ToString();
    if (!more.ok() || !*more) break;
    rows.emplace_back(fields.begin(), fields.end());
  }
  return rows;
}

TEST(CsvReaderTest, PlainAndQuotedFields) {
  auto rows = ReadAll("id,Q1,text\r\nR1,3,\"a,b\"\nR2,,\"say \"\"hi\"\"\"\n");
  ASSERT_EQ(rows.size(), 3u);
  EXPECT_EQ(rows[1], (std::vector<std::string>{"R1", "3", "a,b"}));
  EXPECT_EQ(rows[2], (std::vector<std::string>{"R2", "", "say \"hi\""}));
}

TEST(CsvReaderTest, LineBreaksInsideQuotesAndLineNumbers) {
  std::string text = "id,memo\nR1,\"一行目\n二行目\"\nR2,x";
  CsvReader reader(text, "t.csv");
  std::vector<std::string_view> f;
  ASSERT_TRUE(*reader.Next(&f));
  ASSERT_TRUE(*reader.Next(&f));
  EXPECT_EQ(f[1], "一行目\n二行目");
  EXPECT_EQ(reader.record_line(), 2);
  ASSERT_TRUE(*reader.Next(&f));
  EXPECT_EQ(reader.record_line(), 4) << "a record after a two-line field starts on line 4";
  EXPECT_EQ(f[1], "x");
  EXPECT_FALSE(*reader.Next(&f));
}

TEST(CsvReaderTest, LongRowsUseTheVectorPath) {
  std::string line;
  for (int i = 0; i < 300; ++i) line += (i ? "," : "") + std::to_string(i % 2);
  auto rows = ReadAll(line + "\n" + line + "\n");
  ASSERT_EQ(rows.size(), 2u);
  EXPECT_EQ(rows[1].size(), 300u);
  EXPECT_EQ(rows[1][299], "1");
}

TEST(CsvReaderTest, EmptyFieldsAndLiteralQuoteInUnquotedField) {
  auto rows = ReadAll(",,\nab\"c,d\n");
  EXPECT_EQ(rows[0], (std::vector<std::string>{"", "", ""}));
  EXPECT_EQ(rows[1], (std::vector<std::string>{"ab\"c", "d"}));
}

TEST(CsvReaderTest, UnterminatedQuoteNamesWhereItStarted) {
  CsvReader reader("a,b\nc,\"never closed\nmore", "bad.csv");
  std::vector<std::string_view> f;
  ASSERT_TRUE(*reader.Next(&f));
  Result<bool> r = reader.Next(&f);
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.status().message().find("bad.csv:2:3"), std::string::npos) << r.status().message();
}

TEST(CsvReaderTest, TextAfterClosingQuoteIsAnError) {
  CsvReader reader("\"ab\"c,d\n", "bad.csv");
  std::vector<std::string_view> f;
  Result<bool> r = reader.Next(&f);
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.status().message().find("bad.csv:1:5"), std::string::npos) << r.status().message();
}

}  // namespace
}  // namespace chosa
