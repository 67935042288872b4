// chosa classify: 中小企業者 / 小規模企業者 / neither from industry, capital and employees, naming
// the rule that applied (classification/sme_size.h).
#include <fmt/format.h>

#include <iostream>

#include "classification/sme_size.h"
#include "cli/common.h"

namespace chosa::cli {
namespace {

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
