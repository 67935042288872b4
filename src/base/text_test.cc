#include "base/text.h"

#include <gtest/gtest.h>

namespace chosa {
namespace {

TEST(TextTest, NfkcTurnsImeFullWidthIntoHalfWidth) {
  EXPECT_EQ(Nfkc("１２３　ＡＢＣ"), "123 ABC");
  EXPECT_EQ(Nfkc("ｱｲｳ"), "アイウ");  // half-width katakana becomes full-width
  EXPECT_EQ(Nfkc("plain ascii"), "plain ascii");
}

TEST(TextTest, NormalizeAnswerTextTrimsAndUnifiesMinusAndLineEnds) {
  EXPECT_EQ(NormalizeAnswerText("　　５０人　"), "50人");
  EXPECT_EQ(NormalizeAnswerText("\xE2\x88\x92"
                                "12"),
            "-12");                            // U+2212 MINUS SIGN
  EXPECT_EQ(NormalizeAnswerText("ー"), "ー");  // long vowel mark stays
  EXPECT_EQ(NormalizeAnswerText("a\r\nb\rc"), "a\nb\nc");
  EXPECT_EQ(NormalizeAnswerText(" \t "), "");
}

TEST(TextTest, DisplayWidthCountsCjkAsTwoColumns) {
  EXPECT_EQ(DisplayWidth("abc"), 3);
  EXPECT_EQ(DisplayWidth("調査"), 4);
  EXPECT_EQ(DisplayWidth("ｱ"), 1);  // half-width katakana
  EXPECT_EQ(PadRight("無回答", 8), "無回答  ");
  EXPECT_EQ(PadLeft("12", 4), "  12");
}

TEST(TextTest, Utf8Validation) {
  size_t bad = 0;
  EXPECT_TRUE(IsValidUtf8("日本語 and ASCII"));
  EXPECT_FALSE(IsValidUtf8(std::string("abc\x82\xa0xyz"), &bad));  // Shift_JIS あ
  EXPECT_EQ(bad, 3u);
  EXPECT_FALSE(IsValidUtf8(std::string("\xE3\x81"), &bad));  // truncated
}

TEST(TextTest, LineColumnAtOffset) {
  LineColumn lc = LineColumnAt("ab\ncd\nef", 7);
  EXPECT_EQ(lc.line, 3);
  EXPECT_EQ(lc.column, 2);
}

TEST(TextTest, SplitKeepsEmptyPieces) {
  auto parts = Split("a,,b,", ',');
  ASSERT_EQ(parts.size(), 4u);
  EXPECT_EQ(parts[1], "");
  EXPECT_EQ(parts[3], "");
}

}  // namespace
}  // namespace chosa
