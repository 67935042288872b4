#include "base/clock.h"

#include <gtest/gtest.h>

namespace chosa {
namespace {

TEST(ClockTest, Iso8601RoundTrips) {
  int64_t micros = int64_t{1763758200} * 1000000;
  EXPECT_EQ(FormatIso8601(micros), "2025-11-21T20:50:00Z");
  EXPECT_EQ(ParseIso8601("2025-11-21T20:50:00Z"), micros);
  EXPECT_EQ(ParseIso8601("1970-01-01T00:00:00Z"), 0);
}

TEST(ClockTest, Iso8601RejectsOtherForms) {
  for (const char* bad :
       {"", "2025-11-21 20:50:00Z", "2025-11-21T20:50:00", "2025-13-01T00:00:00Z",
        "2025-11-21T24:00:00Z", "2025-1a-21T20:50:00Z", "2025-11-21T20:50:00+09"}) {
    EXPECT_FALSE(ParseIso8601(bad).has_value()) << bad;
  }
}

TEST(ClockTest, JapanStandardTimeIsNineHoursAhead) {
  // 20:50 UTC on the 21st is 05:50 on the 22nd in Japan.
  EXPECT_EQ(FormatJst(int64_t{1763758200} * 1000000), "2025-11-22 05:50:00");
  EXPECT_EQ(JstTime("2025-11-21T20:50:00Z"), "2025-11-22 05:50:00");
  EXPECT_EQ(JstTime("yesterday"), "yesterday");
  EXPECT_EQ(FormatJstCompact(int64_t{1763758200} * 1000000), "20251122-055000");
}

}  // namespace
}  // namespace chosa
