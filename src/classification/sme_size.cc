#include "classification/sme_size.h"

#include <fmt/format.h>

#include <array>
#include <charconv>

#include "base/text.h"

namespace chosa {
namespace {

struct IndustryInfo {
  LegalIndustry industry;
  std::string_view key;
  std::string_view name;
};

constexpr std::array<IndustryInfo, 8> kIndustries = {{
    {LegalIndustry::kManufacturing, "manufacturing", "製造業その他"},
    {LegalIndustry::kWholesale, "wholesale", "卸売業"},
    {LegalIndustry::kRetail, "retail", "小売業"},
    {LegalIndustry::kService, "service", "サービス業"},
    {LegalIndustry::kRubber, "rubber", "ゴム製品製造業"},
    {LegalIndustry::kSoftware, "software", "ソフトウェア業・情報処理サービス業"},
    {LegalIndustry::kInn, "inn", "旅館業"},
    {LegalIndustry::kEntertainment, "entertainment", "娯楽業"},
}};

constexpr int64_t kOku = 100'000'000;  // 億
constexpr int64_t kMan = 10'000;       // 万

// Whether every value of `r` is at most `limit` (yes), none is (no), or the range straddles it.
enum class Within { kYes, kNo, kStraddles };
Within Compare(const ValueRange& r, int64_t limit) {
  if (r.high && *r.high <= limit) return Within::kYes;
  if (r.low > limit) return Within::kNo;
  return Within::kStraddles;
}

std::string RangeText(const ValueRange& r, std::string (*unit)(int64_t)) {
  if (r.high && *r.high == r.low) return unit(r.low);
  if (!r.high) return unit(r.low) + "以上";
  return unit(r.low) + "～" + unit(*r.high);
}
std::string People(int64_t n) { return fmt::format("{}人", n); }

}  // namespace

std::optional<LegalIndustry> ParseLegalIndustry(std::string_view key) {
  for (const IndustryInfo& i : kIndustries)
    if (i.key == key || i.name == key) return i.industry;
  return std::nullopt;
}
std::string_view LegalIndustryKey(LegalIndustry industry) {
  return kIndustries[static_cast<size_t>(industry)].key;
}
std::string_view LegalIndustryName(LegalIndustry industry) {
  return kIndustries[static_cast<size_t>(industry)].name;
}
std::vector<LegalIndustry> AllLegalIndustries() {
  std::vector<LegalIndustry> all;
  for (const IndustryInfo& i : kIndustries) all.push_back(i.industry);
  return all;
}

std::string_view SizeClassName(SizeClass c) {
  switch (c) {
    case SizeClass::kSmall:
      return "小規模企業者";
    case SizeClass::kSme:
      return "中小企業者";
    case SizeClass::kLarge:
      return "大企業";
    case SizeClass::kUnknown:
      break;
  }
  return "判定できない";
}

Result<int64_t> ParseYen(std::string_view text) {
  std::string s;
  for (char c : Nfkc(text)) {
    if (c != ',' && c != ' ') s += c;
  }
  auto strip = [&](std::string_view suffix) {
    if (s.size() < suffix.size() || s.compare(s.size() - suffix.size(), suffix.size(), suffix) != 0)
      return false;
    s.resize(s.size() - suffix.size());
    return true;
  };
  strip("円");
  double unit = 1;
  if (strip("億")) {
    unit = 1e8;
  } else if (strip("万")) {
    unit = 1e4;
  }
  double value = 0;
  auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), value);
  if (s.empty() || ec != std::errc() || end != s.data() + s.size() || value < 0) {
    return Status::InvalidArgument(
        fmt::format("金額「{}」を読めません（例: 50000000, 5000万, 3億）", text));
  }
  return static_cast<int64_t>(value * unit + 0.5);
}

std::string YenText(int64_t yen) {
  if (yen >= kOku && yen % kOku == 0) return fmt::format("{}億円", yen / kOku);
  if (yen >= kMan && yen % kMan == 0) {
    int64_t man = yen / kMan;
    return man >= 1000 ? fmt::format("{},{:03}万円", man / 1000, man % 1000)
                       : fmt::format("{}万円", man);
  }
  return fmt::format("{}円", yen);
}

SizeLimits LimitsFor(LegalIndustry industry) {
  const std::string law = "中小企業基本法第2条第1項";
  const std::string ordinance = "中小企業基本法施行令第1条";
  const std::string small_law = "中小企業基本法第2条第5項";
  const std::string small_ordinance = "中小企業基本法施行令第2条";
  switch (industry) {
    case LegalIndustry::kManufacturing:
      return {3 * kOku, 300, 20, law + "第1号（製造業その他）", small_law + "（製造業その他）"};
    case LegalIndustry::kWholesale:
      return {1 * kOku, 100, 5, law + "第2号（卸売業）", small_law + "（商業）"};
    case LegalIndustry::kRetail:
      return {5000 * kMan, 50, 5, law + "第4号（小売業）", small_law + "（商業）"};
    case LegalIndustry::kService:
      return {5000 * kMan, 100, 5, law + "第3号（サービス業）", small_law + "（サービス業）"};
    case LegalIndustry::kRubber:
      return {3 * kOku, 900, 20, ordinance + "第1号（ゴム製品製造業の特例）",
              small_law + "（製造業その他）"};
    case LegalIndustry::kSoftware:
      return {3 * kOku, 300, 5, ordinance + "第2号（ソフトウェア業・情報処理サービス業の特例）",
              small_law + "（サービス業）"};
    case LegalIndustry::kInn:
      return {5000 * kMan, 200, 20, ordinance + "第3号（旅館業の特例）",
              small_ordinance + "（宿泊業・娯楽業の特例）"};
    case LegalIndustry::kEntertainment:
      return {5000 * kMan, 100, 20, law + "第3号（サービス業）",
              small_ordinance + "（宿泊業・娯楽業の特例）"};
  }
  return {};
}

SizeDecision ClassifySize(LegalIndustry industry, std::optional<ValueRange> capital,
                          ValueRange employees) {
  SizeLimits l = LimitsFor(industry);
  std::string name(LegalIndustryName(industry));
  std::string limits = fmt::format("{}: 資本金{}以下 または 常時使用する従業員{}人以下", l.rule,
                                   YenText(l.capital_yen), l.employees);
  std::string emp = RangeText(employees, People);
  Within by_employees = Compare(employees, l.employees);
  Within by_capital = capital ? Compare(*capital, l.capital_yen) : Within::kStraddles;
  std::string cap = capital ? RangeText(*capital, YenText) : "不明";

  SizeDecision d;
  if (by_employees == Within::kYes || by_capital == Within::kYes) {
    Within small = Compare(employees, l.small_employees);
    std::string why = by_employees == Within::kYes
                          ? fmt::format("従業員{}が{}人以下", emp, l.employees)
                          : fmt::format("資本金{}が{}以下", cap, YenText(l.capital_yen));
    if (small == Within::kYes) {
      d.size = SizeClass::kSmall;
      d.reason = fmt::format("{}の小規模企業者（{}: 従業員{}人以下）。従業員{}。{}", name,
                             l.small_rule, l.small_employees, emp, limits);
    } else if (small == Within::kNo) {
      d.size = SizeClass::kSme;
      d.reason = fmt::format("{}の中小企業者（{}）。{}", name, why, limits);
    } else {
      d.size = SizeClass::kUnknown;
      d.reason = fmt::format(
          "{}の中小企業者ですが、従業員{}では小規模企業者（{}人以下）かどうか決まりません。{}",
          name, emp, l.small_employees, limits);
    }
    return d;
  }
  if (by_employees == Within::kNo && capital && by_capital == Within::kNo) {
    d.size = SizeClass::kLarge;
    d.reason =
        fmt::format("{}の中小企業者に当たりません（資本金{}、従業員{}がともに上限を超える）。{}",
                    name, cap, emp, limits);
    return d;
  }
  d.size = SizeClass::kUnknown;
  d.reason = fmt::format("資本金{}、従業員{}では判定できません。{}", cap, emp, limits);
  return d;
}

}  // namespace chosa
