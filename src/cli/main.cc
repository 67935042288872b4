// chosa: a survey system for research on cybersecurity in small and medium enterprises.
#include <CLI/CLI.hpp>
#include <memory>
#include <vector>

#include "cli/commands.h"

int main(int argc, char** argv) {
  CLI::App app{"chosa（調査）: 中小企業のサイバーセキュリティ調査のための調査システム"};
  app.require_subcommand(1);
  app.set_version_flag("--version", "chosa 0.1.0");
  std::vector<std::unique_ptr<chosa::cli::Command>> commands;
  commands.push_back(chosa::cli::MakeCheckCommand(app));
  commands.push_back(chosa::cli::MakeSurveyCommand(app));
  commands.push_back(chosa::cli::MakeImportCommand(app));
  commands.push_back(chosa::cli::MakeExportCommand(app));
  commands.push_back(chosa::cli::MakeTabulateCommand(app));
  commands.push_back(chosa::cli::MakeAnalyzeCommand(app));
  commands.push_back(chosa::cli::MakeReportCommand(app));
  commands.push_back(chosa::cli::MakeClassifyCommand(app));
  commands.push_back(chosa::cli::MakeDiagnoseCommand(app));
  commands.push_back(chosa::cli::MakeBackupCommand(app));
  commands.push_back(chosa::cli::MakeServeCommand(app));
  commands.push_back(chosa::cli::MakeInviteCommand(app));
  commands.push_back(chosa::cli::MakeUserCommand(app));
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    return app.exit(e);
  }
  for (const auto& command : commands) {
    if (command->chosen()) return command->Run();
  }
  return 2;
}
