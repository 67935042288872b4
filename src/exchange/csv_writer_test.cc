#include "exchange/csv_writer.h"

#include <gtest/gtest.h>

#include "exchange/csv_reader.h"

namespace chosa {
namespace {

TEST(CsvWriterTest, QuotesWhatNeedsQuotingAndRoundTrips) {
  std::vector<std::string> fields = {"plain", "a,b", "say \"hi\"", "two\nlines", ""};
  std::string out;
  AppendCsvRecord(&out, fields);
  EXPECT_EQ(out, "plain,\"a,b\",\"say \"\"hi\"\"\",\"two\nlines\",\r\n");
  CsvReader reader(out, "x");
  std::vector<std::string_view> back;
  ASSERT_TRUE(*reader.Next(&back));
  EXPECT_EQ(std::vector<std::string>(back.begin(), back.end()), fields);
}

TEST(CsvWriterTest, NeutralisesSpreadsheetFormulas) {
  EXPECT_EQ(GuardFormula("=HYPERLINK(\"http://x\")"), "'=HYPERLINK(\"http://x\")");
  EXPECT_EQ(GuardFormula("+1"), "'+1");
  EXPECT_EQ(GuardFormula("-2+3"), "'-2+3");
  EXPECT_EQ(GuardFormula("@SUM(A1)"), "'@SUM(A1)");
  EXPECT_EQ(GuardFormula("\tcmd"), "'\tcmd");
  EXPECT_EQ(GuardFormula("普通の回答"), "普通の回答");
}

}  // namespace
}  // namespace chosa
