// Company size by the legal definition (中小企業基本法 第2条 and its ordinance): 中小企業者 when
// the capital or the number of regular employees is within the limit of the company's industry,
// 小規模企業者 when the employees are within 20 (5 for commerce and services), with the special
// cases set by government ordinance (rubber products, software and information processing, inns,
// and lodging and entertainment for the small-enterprise limit). Inputs may be ranges, as survey
// answers are bands ("21名～50名以下"); a range that straddles a limit leaves the class unknown.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/result.h"

namespace chosa {

// The industry categories the definition distinguishes.
enum class LegalIndustry {
  kManufacturing,  // 製造業その他 (also construction, transport, ...)
  kWholesale,      // 卸売業
  kRetail,         // 小売業
  kService,        // サービス業
  kRubber,  // ゴム製品製造業 (not tyres and tubes for cars and aircraft, not industrial belts)
  kSoftware,       // ソフトウェア業・情報処理サービス業
  kInn,            // 旅館業
  kEntertainment,  // 娯楽業
};

// "manufacturing", "wholesale", ... (the keys used in analysis files and on the command line).
std::optional<LegalIndustry> ParseLegalIndustry(std::string_view key);
std::string_view LegalIndustryKey(LegalIndustry industry);
std::string_view LegalIndustryName(LegalIndustry industry);  // "製造業その他", ...
std::vector<LegalIndustry> AllLegalIndustries();

// A closed range of values, [low, high]; an exact value has low == high. High may be "no upper
// bound" (std::nullopt), as in "1,001名以上".
struct ValueRange {
  int64_t low = 0;
  std::optional<int64_t> high;
  static ValueRange Exact(int64_t v) { return {v, v}; }
};

enum class SizeClass {
  kSmall,    // 小規模企業者 (also a 中小企業者)
  kSme,      // 中小企業者, not 小規模
  kLarge,    // neither
  kUnknown,  // the ranges given do not decide
};

std::string_view SizeClassName(
    SizeClass c);  // "小規模企業者", "中小企業者", "大企業", "判定できない"

struct SizeLimits {
  int64_t capital_yen = 0;  // at most
  int64_t employees = 0;    // at most
  int64_t small_employees = 0;
  std::string rule;        // which rule set the SME limits, in Japanese
  std::string small_rule;  // which rule set the small-enterprise limit
};

SizeLimits LimitsFor(LegalIndustry industry);

struct SizeDecision {
  SizeClass size = SizeClass::kUnknown;
  std::string reason;  // in Japanese: the rule that applied and how the company meets it
};

// `capital` unset: an individual business or unknown capital; only employees then decide.
SizeDecision ClassifySize(LegalIndustry industry, std::optional<ValueRange> capital,
                          ValueRange employees);

// An amount of yen as people write it: "50000000", "5000万", "5,000万円", "1.5億", "３億円".
Result<int64_t> ParseYen(std::string_view text);

// "3億円", "5,000万円", "1,200万円", "800円".
std::string YenText(int64_t yen);

}  // namespace chosa
