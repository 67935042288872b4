#include "base/encoding.h"

#include <gtest/gtest.h>

namespace chosa {
namespace {

// "問１,①〜\n" in CP932: 96 E2 82 50 2C 87 40 81 60 0A
const std::string kCp932 = "\x96\xe2\x82\x50,\x87\x40\x81\x60\n";

TEST(EncodingTest, DetectsUtf8WithAndWithoutBomAndCp932) {
  EXPECT_EQ(DetectEncoding("id,Q1\n1,2\n"), Encoding::kUtf8);
  EXPECT_EQ(DetectEncoding(std::string(kUtf8Bom) + "問1"), Encoding::kUtf8);
  EXPECT_EQ(DetectEncoding(kCp932), Encoding::kCp932);
}

TEST(EncodingTest, DecodesCp932IncludingNecExtensions) {
  Result<std::string> text = DecodeToUtf8(kCp932, Encoding::kAuto, "a.csv");
  ASSERT_TRUE(text.ok()) << text.status().ToString();
  EXPECT_EQ(*text, "問１,①～\n");  // Microsoft maps 0x8160 to U+FF5E
}

TEST(EncodingTest, StripsUtf8Bom) {
  Result<std::string> text = DecodeToUtf8(std::string(kUtf8Bom) + "id", Encoding::kAuto, "a.csv");
  ASSERT_TRUE(text.ok());
  EXPECT_EQ(*text, "id");
}

TEST(EncodingTest, InvalidBytesAreReportedWithLineAndColumn) {
  Result<std::string> text = DecodeToUtf8(
      "ok\nab\xff"
      "c\n",
      Encoding::kUtf8, "a.csv");
  ASSERT_FALSE(text.ok());
  EXPECT_NE(text.status().message().find("a.csv:2:3"), std::string::npos)
      << text.status().message();
  Result<std::string> sjis = DecodeToUtf8("x\n\x81\x20", Encoding::kCp932, "b.csv");
  ASSERT_FALSE(sjis.ok());
  EXPECT_NE(sjis.status().message().find("b.csv:2:1"), std::string::npos)
      << sjis.status().message();
}

TEST(EncodingTest, EncodesToCp932AndNamesUnmappableCharacters) {
  Result<std::string> bytes = EncodeFromUtf8("問１,①～\n", Encoding::kCp932);
  ASSERT_TRUE(bytes.ok());
  EXPECT_EQ(*bytes, kCp932);
  Result<std::string> emoji = EncodeFromUtf8("a\nb😀", Encoding::kCp932);
  ASSERT_FALSE(emoji.ok());
  EXPECT_NE(emoji.status().message().find("2行2文字目"), std::string::npos)
      << emoji.status().message();
  EXPECT_NE(emoji.status().message().find("😀"), std::string::npos);
}

TEST(EncodingTest, ParsesNames) {
  EXPECT_EQ(*ParseEncodingName("Shift_JIS"), Encoding::kCp932);
  EXPECT_EQ(*ParseEncodingName("UTF-8"), Encoding::kUtf8);
  EXPECT_FALSE(ParseEncodingName("euc-jp").ok());
}

}  // namespace
}  // namespace chosa
