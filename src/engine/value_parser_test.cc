#include "engine/value_parser.h"

#include <gtest/gtest.h>

namespace chosa {
namespace {

TEST(ValueParserTest, CodesAcceptFullWidthDigitsAndSpaces) {
  EXPECT_EQ(ParseCode("3"), 3);
  EXPECT_EQ(ParseCode("　１２ "), 12);
  EXPECT_EQ(ParseCode("3.0"), 3);  // Excel numeric cells
  EXPECT_FALSE(ParseCode("3.5"));
  EXPECT_FALSE(ParseCode("0"));
  EXPECT_FALSE(ParseCode("x"));
  EXPECT_FALSE(ParseCode("99999"));
}

TEST(ValueParserTest, PrefecturesByCodeOrName) {
  EXPECT_EQ(ParsePrefecture("13"), 13);
  EXPECT_EQ(ParsePrefecture("東京都"), 13);
  EXPECT_EQ(ParsePrefecture("大阪"), 27);
  EXPECT_EQ(ParsePrefecture("北海道"), 1);
  EXPECT_EQ(ParsePrefecture("４７"), 47);
  EXPECT_FALSE(ParsePrefecture("48"));
  EXPECT_FALSE(ParsePrefecture("東京市"));
}

TEST(ValueParserTest, NumbersAsPeopleTypeThem) {
  EXPECT_EQ(ParseNumber("1,234", ""), 1234);
  EXPECT_EQ(ParseNumber("１，２３４", ""), 1234);
  EXPECT_EQ(ParseNumber("\xE2\x88\x92"
                        "５",
                        ""),
            -5);  // U+2212
  EXPECT_EQ(ParseNumber("50人", "人"), 50);
  EXPECT_EQ(ParseNumber("３．５", ""), 3.5);
  EXPECT_FALSE(ParseNumber("50人", ""));
  EXPECT_FALSE(ParseNumber("1,2,3x", ""));
  EXPECT_FALSE(ParseNumber("", ""));
  EXPECT_FALSE(ParseNumber("inf", ""));
  EXPECT_EQ(DecimalDigits("3.50"), 1);
  EXPECT_EQ(DecimalDigits("３．２５"), 2);
}

TEST(ValueParserTest, TextFormats) {
  EXPECT_TRUE(IsEmailAddress("taro@example.co.jp"));
  EXPECT_FALSE(IsEmailAddress("taro@example"));
  EXPECT_FALSE(IsEmailAddress("a b@example.jp"));
  EXPECT_TRUE(IsPhoneNumber("03-1234-5678"));
  EXPECT_TRUE(IsPhoneNumber("+81 90 1234 5678"));
  EXPECT_FALSE(IsPhoneNumber("1234"));
  EXPECT_TRUE(IsPostalCode("530-0001"));
  EXPECT_FALSE(IsPostalCode("53-00001"));
}

}  // namespace
}  // namespace chosa
