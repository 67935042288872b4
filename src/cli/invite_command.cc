// chosa invite: invitation links for a stratified sample, as a CSV for the mail merge.
#include <fmt/format.h>

#include <iostream>

#include "base/file.h"
#include "cli/common.h"
#include "server/invitations.h"

namespace chosa::cli {
namespace {

class InviteCommand final : public Command {
 public:
  explicit InviteCommand(CLI::App& app)
      : Command(app.add_subcommand("invite",
                                   "招待リンクを作り、差し込み印刷用の CSV "
                                   "に書き出す（コードはここでしか表示されない）")) {
    app_->add_option("-s,--survey", survey_, "登録済みの調査ID")->required();
    app_->add_option("-n,--count", count_, "作る招待の数")->required();
    app_->add_option("--label", label_, "招待に付けるラベル（例: 層の名前）。個人情報は入れない");
    app_->add_option("--base-url", base_url_, "リンクの先頭（例: https://survey.example.jp）")
        ->capture_default_str();
    app_->add_option("-o,--output", output_, "書き出す CSV（権限 0600）")->required();
    AddStoreOptions(app_, &store_);
  }

  int Run() override {
    Result<std::unique_ptr<Storage>> storage = OpenStore(store_);
    if (!storage.ok()) return Fail(storage.status());
    Result<std::vector<std::string>> codes =
        web::CreateInvitations(**storage, survey_, count_, label_);
    if (!codes.ok()) return Fail(codes.status());
    Status s = WriteFileAtomic(output_, web::InvitationCsv(*codes, label_, base_url_), 0600);
    if (!s.ok()) return Fail(s);
    std::cout << fmt::format(
        "{}: 招待リンクを {}件 書き出しました（コードはこのファイルにしかありません）\n", output_,
        codes->size());
    return 0;
  }

 private:
  std::string survey_, label_, base_url_ = "http://127.0.0.1:8080", output_;
  int count_ = 0;
  StoreOptions store_;
};

}  // namespace

std::unique_ptr<Command> MakeInviteCommand(CLI::App& app) {
  return std::make_unique<InviteCommand>(app);
}

}  // namespace chosa::cli
