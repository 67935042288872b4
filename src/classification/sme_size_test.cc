#include "classification/sme_size.h"

#include <gtest/gtest.h>

namespace chosa {
namespace {

constexpr int64_t kOku = 100'000'000;
constexpr int64_t kMan = 10'000;

SizeClass Classify(LegalIndustry i, std::optional<int64_t> capital, int64_t employees) {
  std::optional<ValueRange> c;
  if (capital) c = ValueRange::Exact(*capital);
  return ClassifySize(i, c, ValueRange::Exact(employees)).size;
}

// One test per row of the legal table (seed 000): at the limits, just over them, and either
// criterion alone sufficing.
TEST(SmeSize, ManufacturingAndOthers) {
  EXPECT_EQ(Classify(LegalIndustry::kManufacturing, 3 * kOku, 301), SizeClass::kSme);
  EXPECT_EQ(Classify(LegalIndustry::kManufacturing, 3 * kOku + 1, 300), SizeClass::kSme);
  EXPECT_EQ(Classify(LegalIndustry::kManufacturing, 3 * kOku + 1, 301), SizeClass::kLarge);
  EXPECT_EQ(Classify(LegalIndustry::kManufacturing, 10 * kOku, 20), SizeClass::kSmall);
  EXPECT_EQ(Classify(LegalIndustry::kManufacturing, 1000 * kMan, 21), SizeClass::kSme);
}

TEST(SmeSize, Wholesale) {
  EXPECT_EQ(Classify(LegalIndustry::kWholesale, 1 * kOku, 101), SizeClass::kSme);
  EXPECT_EQ(Classify(LegalIndustry::kWholesale, 1 * kOku + 1, 100), SizeClass::kSme);
  EXPECT_EQ(Classify(LegalIndustry::kWholesale, 1 * kOku + 1, 101), SizeClass::kLarge);
  EXPECT_EQ(Classify(LegalIndustry::kWholesale, 1000 * kMan, 5), SizeClass::kSmall);
  EXPECT_EQ(Classify(LegalIndustry::kWholesale, 1000 * kMan, 6), SizeClass::kSme);
}

TEST(SmeSize, Retail) {
  EXPECT_EQ(Classify(LegalIndustry::kRetail, 5000 * kMan, 51), SizeClass::kSme);
  EXPECT_EQ(Classify(LegalIndustry::kRetail, 5000 * kMan + 1, 50), SizeClass::kSme);
  EXPECT_EQ(Classify(LegalIndustry::kRetail, 5000 * kMan + 1, 51), SizeClass::kLarge);
  EXPECT_EQ(Classify(LegalIndustry::kRetail, 1 * kOku, 5), SizeClass::kSmall);
}

TEST(SmeSize, Services) {
  EXPECT_EQ(Classify(LegalIndustry::kService, 5000 * kMan, 101), SizeClass::kSme);
  EXPECT_EQ(Classify(LegalIndustry::kService, 5000 * kMan + 1, 100), SizeClass::kSme);
  EXPECT_EQ(Classify(LegalIndustry::kService, 5000 * kMan + 1, 101), SizeClass::kLarge);
  EXPECT_EQ(Classify(LegalIndustry::kService, 1000 * kMan, 5), SizeClass::kSmall);
  EXPECT_EQ(Classify(LegalIndustry::kService, 1000 * kMan, 6), SizeClass::kSme);
}

// The government ordinance's special cases.
TEST(SmeSize, RubberProductsUpTo900Employees) {
  EXPECT_EQ(Classify(LegalIndustry::kRubber, 5 * kOku, 900), SizeClass::kSme);
  EXPECT_EQ(Classify(LegalIndustry::kRubber, 5 * kOku, 901), SizeClass::kLarge);
  EXPECT_EQ(Classify(LegalIndustry::kRubber, 3 * kOku, 2000), SizeClass::kSme);
  EXPECT_EQ(Classify(LegalIndustry::kRubber, 5 * kOku, 20), SizeClass::kSmall);
  EXPECT_NE(ClassifySize(LegalIndustry::kRubber, std::nullopt, ValueRange::Exact(800))
                .reason.find("ゴム製品製造業の特例"),
            std::string::npos);
}

TEST(SmeSize, SoftwareAndInformationProcessingAsManufacturingLimitsButServiceSmallLimit) {
  EXPECT_EQ(Classify(LegalIndustry::kSoftware, 3 * kOku, 1000), SizeClass::kSme);
  EXPECT_EQ(Classify(LegalIndustry::kSoftware, 3 * kOku + 1, 300), SizeClass::kSme);
  EXPECT_EQ(Classify(LegalIndustry::kSoftware, 3 * kOku + 1, 301), SizeClass::kLarge);
  EXPECT_EQ(Classify(LegalIndustry::kSoftware, 1 * kOku, 5), SizeClass::kSmall);
  EXPECT_EQ(Classify(LegalIndustry::kSoftware, 1 * kOku, 6), SizeClass::kSme);
}

TEST(SmeSize, InnsUpTo200EmployeesAndSmallUpTo20) {
  EXPECT_EQ(Classify(LegalIndustry::kInn, 1 * kOku, 200), SizeClass::kSme);
  EXPECT_EQ(Classify(LegalIndustry::kInn, 1 * kOku, 201), SizeClass::kLarge);
  EXPECT_EQ(Classify(LegalIndustry::kInn, 5000 * kMan, 500), SizeClass::kSme);
  EXPECT_EQ(Classify(LegalIndustry::kInn, 1 * kOku, 20), SizeClass::kSmall);
  EXPECT_EQ(Classify(LegalIndustry::kInn, 1 * kOku, 21), SizeClass::kSme);
}

TEST(SmeSize, EntertainmentIsAServiceWithTheSmallLimitOf20) {
  EXPECT_EQ(Classify(LegalIndustry::kEntertainment, 1 * kOku, 101), SizeClass::kLarge);
  EXPECT_EQ(Classify(LegalIndustry::kEntertainment, 1 * kOku, 20), SizeClass::kSmall);
  EXPECT_EQ(Classify(LegalIndustry::kService, 1 * kOku, 20), SizeClass::kSme);
}

TEST(SmeSize, IndividualsAndUnknownCapitalAreJudgedByEmployees) {
  EXPECT_EQ(Classify(LegalIndustry::kRetail, std::nullopt, 3), SizeClass::kSmall);
  EXPECT_EQ(Classify(LegalIndustry::kRetail, std::nullopt, 40), SizeClass::kSme);
  EXPECT_EQ(Classify(LegalIndustry::kRetail, std::nullopt, 60), SizeClass::kUnknown);
}

TEST(SmeSize, BandsDecideWhenTheyDoNotStraddleALimit) {
  ValueRange emp_21_50{21, 50}, emp_101_300{101, 300}, emp_1001_up{1001, std::nullopt};
  ValueRange cap_1_2oku{1 * kOku + 1, 2 * kOku}, cap_over_3oku{3 * kOku + 1, std::nullopt};
  EXPECT_EQ(ClassifySize(LegalIndustry::kManufacturing, cap_over_3oku, emp_101_300).size,
            SizeClass::kSme);
  EXPECT_EQ(ClassifySize(LegalIndustry::kWholesale, cap_1_2oku, emp_101_300).size,
            SizeClass::kLarge);
  EXPECT_EQ(ClassifySize(LegalIndustry::kService, cap_over_3oku, emp_1001_up).size,
            SizeClass::kLarge);
  EXPECT_EQ(ClassifySize(LegalIndustry::kRetail, cap_1_2oku, emp_21_50).size, SizeClass::kSme);
  // 6-20 employees in services: an SME, but small (5) or not is not decided.
  SizeDecision d = ClassifySize(LegalIndustry::kService, cap_1_2oku, ValueRange{6, 20});
  EXPECT_EQ(d.size, SizeClass::kSme);
  d = ClassifySize(LegalIndustry::kManufacturing, cap_1_2oku, ValueRange{6, 50});
  EXPECT_EQ(d.size, SizeClass::kUnknown);
  EXPECT_NE(d.reason.find("小規模企業者（20人以下）かどうか決まりません"), std::string::npos)
      << d.reason;
  // 501-1,000 employees in rubber products straddles 900; the capital decides.
  EXPECT_EQ(ClassifySize(LegalIndustry::kRubber, cap_over_3oku, ValueRange{501, 1000}).size,
            SizeClass::kUnknown);
  EXPECT_EQ(ClassifySize(LegalIndustry::kRubber, cap_1_2oku, ValueRange{501, 1000}).size,
            SizeClass::kSme);
}

TEST(SmeSize, ReasonsNameTheRuleInJapanese) {
  SizeDecision d =
      ClassifySize(LegalIndustry::kWholesale, ValueRange::Exact(2 * kOku), ValueRange::Exact(80));
  EXPECT_EQ(d.reason,
            "卸売業の中小企業者（従業員80人が100人以下）。中小企業基本法第2条第1項第2号（卸売業）: "
            "資本金1億円以下 または 常時使用する従業員100人以下");
  EXPECT_EQ(YenText(5000 * kMan), "5,000万円");
  EXPECT_EQ(YenText(3 * kOku), "3億円");
  EXPECT_EQ(*ParseYen("５，０００万円"), 5000 * kMan);
  EXPECT_EQ(*ParseYen("1.5億"), 150'000'000);
  EXPECT_EQ(*ParseYen("800"), 800);
  EXPECT_FALSE(ParseYen("1億x").ok());
  EXPECT_FALSE(ParseYen("").ok());
  EXPECT_EQ(ParseLegalIndustry("software"), LegalIndustry::kSoftware);
  EXPECT_EQ(ParseLegalIndustry("旅館業"), LegalIndustry::kInn);
  EXPECT_FALSE(ParseLegalIndustry("mining"));
}

}  // namespace
}  // namespace chosa
