// chosa classify: 中小企業者 / 小規模企業者 / neither from industry, capital and employees, naming
// the rule that applied (classification/sme_size.h).
#include <fmt/format.h>

#include <charconv>
#include <iostream>

#include "base/text.h"
#include "classification/sme_size.h"
#include "cli/common.h"

namespace chosa::cli {
namespace {

// "50000000", "5000万", "5,000万円", "1.5億", "3億円" -> yen.
Result<int64_t> ParseYen(std::string text) {
  std::string s;
  for (char c : Nfkc(text)) {
    if (c != ',' && c != ' ') s += c;
  }
  auto strip = [&](std::string_view suffix) {
    if (s.size() >= suffix.size() &&
        s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0) {
      s.resize(s.size() - suffix.size());
      return true;
    }
    return false;
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
        fmt::format("資本金「{}」を読めません（例: 50000000, 5000万, 3億）", text));
  }
  return static_cast<int64_t>(value * unit + 0.5);
}

class ClassifyCommand final : public Command {
 public:
  explicit ClassifyCommand(CLI::App& app)
      : Command(app.add_subcommand(
            "classify", "業種・資本金・従業員数から中小企業者／小規模企業者を判定する")) {
    std::string keys;
    for (LegalIndustry i : AllLegalIndustries()) {
      keys += fmt::format("{}{}（{}）", keys.empty() ? "" : ", ", LegalIndustryKey(i),
                          LegalIndustryName(i));
    }
    app_->add_option("--industry", industry_, "業種: " + keys)->required();
    app_->add_option("--capital", capital_,
                     "資本金の額又は出資の総額（例: 5000万, 3億）。個人事業は省略");
    app_->add_option("--employees", employees_, "常時使用する従業員の数")
        ->required()
        ->check(CLI::NonNegativeNumber);
  }

  int Run() override {
    std::optional<LegalIndustry> industry = ParseLegalIndustry(industry_);
    if (!industry) {
      std::string keys;
      for (LegalIndustry i : AllLegalIndustries()) keys += fmt::format(" {}", LegalIndustryKey(i));
      return Fail(Status::InvalidArgument(
          fmt::format("業種「{}」はありません。使える業種:{}", industry_, keys)));
    }
    std::optional<ValueRange> capital;
    if (!capital_.empty()) {
      Result<int64_t> yen = ParseYen(capital_);
      if (!yen.ok()) return Fail(yen.status());
      capital = ValueRange::Exact(*yen);
    }
    SizeDecision d = ClassifySize(*industry, capital, ValueRange::Exact(employees_));
    std::cout << fmt::format("判定: {}\n理由: {}\n", SizeClassName(d.size), d.reason);
    return 0;
  }

 private:
  std::string industry_, capital_;
  int64_t employees_ = 0;
};

}  // namespace

std::unique_ptr<Command> MakeClassifyCommand(CLI::App& app) {
  return std::make_unique<ClassifyCommand>(app);
}

}  // namespace chosa::cli
