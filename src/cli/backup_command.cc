// chosa backup DEST: a consistent copy of the database while it is in use.
#include <fmt/format.h>

#include <iostream>

#include "cli/common.h"

namespace chosa::cli {
namespace {

class BackupCommand final : public Command {
 public:
  explicit BackupCommand(CLI::App& app)
      : Command(app.add_subcommand(
            "backup", "使用中のデータベースの一貫したコピーを作る（鍵ファイルは別に保管）")) {
    app_->add_option("destination", destination_,
                     "コピー先のファイル（既存のファイルは上書きしない）")
        ->required();
    AddStoreOptions(app_, &store_);
  }

  int Run() override {
    Result<std::unique_ptr<Storage>> storage = OpenStore(store_);
    if (!storage.ok()) return Fail(storage.status());
    Status s = (*storage)->Backup(destination_);
    if (!s.ok()) return Fail(s);
    std::cout << fmt::format(
        "{} を {} にバックアップしました。個人情報の鍵 {} は別に保管してください。\n",
        store_.db_path, destination_, store_.KeyPath());
    return 0;
  }

 private:
  std::string destination_;
  StoreOptions store_;
};

}  // namespace

std::unique_ptr<Command> MakeBackupCommand(CLI::App& app) {
  return std::make_unique<BackupCommand>(app);
}

}  // namespace chosa::cli
