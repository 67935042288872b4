// chosa user: accounts of the administrator console. Passwords are read from standard input
// (without echo on a terminal) and stored only as Argon2id hashes.
#include <fmt/format.h>
#include <termios.h>
#include <unistd.h>

#include <iostream>

#include "cli/common.h"
#include "server/passwords.h"

namespace chosa::cli {
namespace {

bool ValidUserName(const std::string& name) {
  if (name.empty() || name.size() > 64) return false;
  for (char c : name) {
    if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' ||
          c == '-' || c == '_' || c == '@')) {
      return false;
    }
  }
  return true;
}

// One line of standard input; on a terminal, prompted and not echoed.
std::string ReadSecretLine(const std::string& prompt) {
  bool tty = isatty(STDIN_FILENO) != 0;
  termios saved{};
  if (tty) {
    std::cerr << prompt << std::flush;
    tcgetattr(STDIN_FILENO, &saved);
    termios quiet = saved;
    quiet.c_lflag &= ~static_cast<tcflag_t>(ECHO);
    tcsetattr(STDIN_FILENO, TCSANOW, &quiet);
  }
  std::string line;
  std::getline(std::cin, line);
  if (tty) {
    tcsetattr(STDIN_FILENO, TCSANOW, &saved);
    std::cerr << "\n";
  }
  if (!line.empty() && line.back() == '\r') line.pop_back();
  return line;
}

Result<std::string> ReadNewPassword() {
  std::string password = ReadSecretLine("パスワード: ");
  if (isatty(STDIN_FILENO) && ReadSecretLine("もう一度: ") != password)
    return Status::InvalidArgument("パスワードが一致しません");
  return web::HashPassword(password);
}

class UserCommand final : public Command {
 public:
  explicit UserCommand(CLI::App& app)
      : Command(app.add_subcommand("user", "管理画面のユーザーを追加・一覧・削除する")) {
    app_->require_subcommand(1);
    add_ = app_->add_subcommand("add",
                                "ユーザーを追加する（同名がいればパスワードと役割を置き換える）。"
                                "パスワードは標準入力から読む（10文字以上）");
    add_->add_option("name", name_, "ユーザー名（英数字と . - _ @、64文字まで）")->required();
    add_->add_option("--role", role_,
                     "admin（個人情報も見られる）、analyst（統計のみ）、vendor（IT ベンダー: "
                     "自社の顧客の診断だけ）")
        ->check(CLI::IsMember({"admin", "analyst", "vendor"}))
        ->capture_default_str();
    list_ = app_->add_subcommand("list", "ユーザーの一覧");
    remove_ =
        app_->add_subcommand("remove", "ユーザーを削除する（ログイン中の画面も使えなくなる）");
    remove_->add_option("name", name_, "ユーザー名")->required();
    AddStoreOptions(app_, &store_);
    for (CLI::App* sub : {add_, list_, remove_}) sub->fallthrough();  // --db after the verb
  }

  int Run() override {
    Result<std::unique_ptr<Storage>> storage = OpenStore(store_);
    if (!storage.ok()) return Fail(storage.status());
    Storage& db = **storage;
    if (list_->parsed()) {
      Result<std::vector<UserRecord>> users = db.ListUsers();
      if (!users.ok()) return Fail(users.status());
      for (const UserRecord& u : *users)
        std::cout << fmt::format("{}\t{}\t{}\n", u.user_name, u.role, u.created_at);
      return 0;
    }
    if (remove_->parsed()) {
      Status s = db.DeleteUser(name_);
      if (!s.ok()) return Fail(s);
      Status logged = db.AppendAudit(AuditRecord{"", "(cli)", "user-remove", name_});
      if (!logged.ok()) return Fail(logged);
      std::cout << fmt::format("ユーザー {} を削除しました\n", name_);
      return 0;
    }
    if (!ValidUserName(name_)) {
      return Fail(Status::InvalidArgument(
          fmt::format("ユーザー名 \"{}\" は使えません（英数字と . - _ @、64文字まで）", name_)));
    }
    Result<std::string> hash = ReadNewPassword();
    if (!hash.ok()) return Fail(hash.status());
    Status s = db.PutUser(UserRecord{name_, *hash, role_, ""});
    if (s.ok()) s = db.AppendAudit(AuditRecord{"", "(cli)", "user-add", name_ + " " + role_});
    if (!s.ok()) return Fail(s);
    std::cout << fmt::format("ユーザー {}（{}）を登録しました\n", name_, role_);
    return 0;
  }

 private:
  CLI::App* add_ = nullptr;
  CLI::App* list_ = nullptr;
  CLI::App* remove_ = nullptr;
  std::string name_, role_ = "analyst";
  StoreOptions store_;
};

}  // namespace

std::unique_ptr<Command> MakeUserCommand(CLI::App& app) {
  return std::make_unique<UserCommand>(app);
}

}  // namespace chosa::cli
