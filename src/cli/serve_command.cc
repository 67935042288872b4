// chosa serve: the web answering system (docs/server.md).
#include <fmt/format.h>

#include <iostream>

#include "cli/common.h"
#include "server/http_server.h"
#include "server/web_app.h"

namespace chosa::cli {
namespace {

class ServeCommand final : public Command {
 public:
  explicit ServeCommand(CLI::App& app)
      : Command(app.add_subcommand("serve",
                                   "ウェブ回答システムを起動する（既定: 127.0.0.1:8080, "
                                   "組み込み調査票 ipa-it-vendor-role を公開リンクで）")) {
    app_->add_option("-c,--config", config_path_, "設定ファイル（YAML, docs/server.md）");
    app_->add_option("--address", address_, "待ち受けるアドレス");
    app_->add_option("--port", port_, "待ち受けるポート");
    app_->add_option("--threads", threads_, "処理スレッド数");
    app_->add_option("-q,--questionnaire", surveys_, "配信する調査票（複数可）");
    app_->add_flag("--open-link", open_link_,
                   "招待なしの公開リンク /s/<調査ID> で回答を受け付ける");
    AddStoreOptions(app_, &store_);
  }

  int Run() override {
    web::ServerConfig config;
    if (!config_path_.empty()) {
      Result<web::ServerConfig> loaded = web::LoadServerConfig(config_path_);
      if (!loaded.ok()) return Fail(loaded.status());
      config = std::move(*loaded);
    }
    if (!address_.empty()) config.address = address_;
    if (port_ >= 0) config.port = port_;
    if (threads_ > 0) config.threads = threads_;
    if (app_->count("--db") || config_path_.empty()) config.database = store_.db_path;
    if (!store_.key_path.empty()) config.key_file = store_.key_path;
    for (const std::string& q : surveys_) config.surveys.push_back({q, open_link_});
    if (config.surveys.empty()) config.surveys.push_back({"ipa-it-vendor-role", true});
    Result<std::unique_ptr<web::WebApp>> app = web::WebApp::Create(config);
    if (!app.ok()) return Fail(app.status());
    Status s = web::RunHttpServer(config, **app, [&config] {
      std::cout << fmt::format("chosa serve: http://{}:{}/ で待ち受けています（Ctrl+C で停止）\n",
                               config.address, config.port)
                << std::flush;
    });
    if (!s.ok()) return Fail(s);
    std::cout << "chosa serve: 停止しました\n";
    return 0;
  }

 private:
  std::string config_path_, address_;
  int port_ = -1, threads_ = 0;
  std::vector<std::string> surveys_;
  bool open_link_ = false;
  StoreOptions store_;
};

}  // namespace

std::unique_ptr<Command> MakeServeCommand(CLI::App& app) {
  return std::make_unique<ServeCommand>(app);
}

}  // namespace chosa::cli
