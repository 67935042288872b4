#include "report/findings.h"

#include <gtest/gtest.h>

namespace chosa {
namespace {

TableRow Row(const std::string& label, int64_t n, double percent) {
  TableRow r;
  r.label = label;
  r.n = n;
  r.weighted = static_cast<double>(n);
  r.percents = {percent};
  return r;
}

// Seed 002, the threat of computer viruses (n = 4,074): 55.1%, 26.6%, 3.8%, ...
TEST(Findings, SeedTwoStyleSentence) {
  Table t;
  t.title = "コンピュータウイルス";
  t.rows = {Row("非常に大きな脅威である", 2245, 100.0 * 2245 / 4074),
            Row("どちらかといえば脅威である", 1084, 100.0 * 1084 / 4074),
            Row("あまり脅威ではない", 155, 100.0 * 155 / 4074),
            Row("脅威ではない", 40, 100.0 * 40 / 4074), Row("わからない", 150, 100.0 * 150 / 4074)};
  EXPECT_EQ(TallyFinding(t),
            "コンピュータウイルスについて、「非常に大きな脅威である」の割合が最も高く55.1%となって"
            "いる。次いで、「どちらかといえば脅威である（26.6%）」、「あまり脅威ではない（3.8%）」"
            "となっている。");
}

TEST(Findings, FewOptionsAndEmptyTables) {
  Table t;
  t.title = "テレワーク";
  t.rows = {Row("実施している", 3, 75.0), Row("実施していない", 1, 25.0), Row("検討中", 0, 0.0)};
  EXPECT_EQ(TallyFinding(t, "テレワークの実施"),
            "テレワークの実施について、「実施している」の割合が最も高く75.0%となっている。次いで、"
            "「実施していない（25.0%）」となっている。");
  Table empty;
  empty.title = "空";
  EXPECT_EQ(TallyFinding(empty), "");
  EXPECT_EQ(ReportPercent(12.25), "12.3");
}

}  // namespace
}  // namespace chosa
