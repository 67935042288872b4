#include "server/form.h"

#include <gtest/gtest.h>

namespace chosa::web {
namespace {

TEST(FormDataTest, ParsesRepeatedAndEncodedFields) {
  Result<FormData> f =
      FormData::Parse("Q8=1&Q8=13&Q35=%E4%BA%BA%E6%9D%90+%26+%E4%BD%93%E5%88%B6&empty=&flag");
  ASSERT_TRUE(f.ok()) << f.status().ToString();
  EXPECT_EQ(f->GetAll("Q8"), (std::vector<std::string_view>{"1", "13"}));
  EXPECT_EQ(f->Get("Q35"), "人材 & 体制");
  EXPECT_TRUE(f->Has("empty"));
  EXPECT_EQ(f->Get("flag"), "");
  EXPECT_EQ(f->Get("missing"), "");
}

TEST(FormDataTest, RejectsMalformedInput) {
  EXPECT_FALSE(FormData::Parse("a=%zz").ok());
  EXPECT_FALSE(FormData::Parse("a=%e4").ok()) << "a truncated UTF-8 sequence";
  EXPECT_FALSE(FormData::Parse("a=1&b=2&c=3", 2).ok()) << "too many fields";
}

TEST(CookieTest, FindsTheNamedCookie) {
  EXPECT_EQ(CookieValue("a=1; chosa_session=abc; b=2", "chosa_session"), "abc");
  EXPECT_EQ(CookieValue("xchosa_session=1", "chosa_session"), "");
  EXPECT_EQ(CookieValue("", "chosa_session"), "");
}

TEST(PercentEncodeTest, RoundTripsAnyBytes) {
  std::string bytes = "回答 a/b?c=d&e+f%~._-";
  std::string encoded = PercentEncode(bytes);
  EXPECT_EQ(encoded.find_first_of("/?=&+ "), std::string::npos);
  std::string back;
  ASSERT_TRUE(PercentDecode(encoded, true, &back));
  EXPECT_EQ(back, bytes);
}

}  // namespace
}  // namespace chosa::web
