// Subcommands of the `chosa` command line. Each Make*Command registers one subcommand on `app`
// and returns the object that owns its option values; main() runs the one that was chosen.
// Exit status: 0 ok, 1 the input was rejected (bad file, invalid answers), 2 other failures.
#pragma once

#include <CLI/CLI.hpp>
#include <memory>
#include <string>

namespace chosa::cli {

class Command {
 public:
  explicit Command(CLI::App* app) : app_(app) {}
  virtual ~Command() = default;
  bool chosen() const { return app_->parsed(); }
  virtual int Run() = 0;

 protected:
  CLI::App* app_;  // owned by the parent CLI::App
};

// Options shared by the subcommands that open the database.
struct StoreOptions {
  std::string db_path = "chosa.db";  // --db (env CHOSA_DB)
  std::string key_path;              // --key (env CHOSA_KEY); default: <db>.key
  std::string KeyPath() const { return key_path.empty() ? db_path + ".key" : key_path; }
};
void AddStoreOptions(CLI::App* command, StoreOptions* options);

std::unique_ptr<Command> MakeCheckCommand(CLI::App& app);
std::unique_ptr<Command> MakeSurveyCommand(CLI::App& app);
std::unique_ptr<Command> MakeImportCommand(CLI::App& app);
std::unique_ptr<Command> MakeExportCommand(CLI::App& app);
std::unique_ptr<Command> MakeTabulateCommand(CLI::App& app);
std::unique_ptr<Command> MakeAnalyzeCommand(CLI::App& app);
std::unique_ptr<Command> MakeReportCommand(CLI::App& app);
std::unique_ptr<Command> MakeClassifyCommand(CLI::App& app);
std::unique_ptr<Command> MakeDiagnoseCommand(CLI::App& app);
std::unique_ptr<Command> MakeBackupCommand(CLI::App& app);
std::unique_ptr<Command> MakeServeCommand(CLI::App& app);
std::unique_ptr<Command> MakeInviteCommand(CLI::App& app);
std::unique_ptr<Command> MakeUserCommand(CLI::App& app);

}  // namespace chosa::cli
