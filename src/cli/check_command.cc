// chosa check FILE...: validates questionnaire definitions and lists every problem.
#include <fmt/format.h>

#include <iostream>

#include "cli/commands.h"
#include "questionnaire/builtin.h"
#include "questionnaire/loader.h"

namespace chosa::cli {
namespace {

class CheckCommand final : public Command {
 public:
  explicit CheckCommand(CLI::App& app)
      : Command(app.add_subcommand(
            "check", "調査票ファイル（YAML）を検査する。組み込み調査票は名前でも指定できる")) {
    app_->add_option("files", files_, "調査票ファイルまたは組み込み調査票の名前")->required();
  }

  int Run() override {
    int errors = 0;
    for (const std::string& arg : files_) {
      Result<std::string> path = ResolveQuestionnairePath(arg);
      if (!path.ok()) {
        std::cerr << path.status().message() << "\n";
        ++errors;
        continue;
      }
      LoadResult loaded = LoadQuestionnaireFile(*path);
      for (const Diagnostic& d : loaded.diagnostics) std::cerr << d.ToString() << "\n";
      if (!loaded.ok()) {
        errors += loaded.ErrorCount();
        continue;
      }
      const Questionnaire& qn = *loaded.questionnaire;
      int rules = 0;
      for (const Question& q : qn.questions) rules += q.when ? 1 : 0;
      std::cout << fmt::format("{}: OK — {}（{} 版{}）: {}セクション, {}問, 条件分岐 {}件\n", *path,
                               qn.title, qn.id, qn.version, qn.sections.size(), qn.questions.size(),
                               rules);
    }
    return errors == 0 ? 0 : 1;
  }

 private:
  std::vector<std::string> files_;
};

}  // namespace

std::unique_ptr<Command> MakeCheckCommand(CLI::App& app) {
  return std::make_unique<CheckCommand>(app);
}

}  // namespace chosa::cli
