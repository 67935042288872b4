// chosa survey add FILE | list: registers questionnaires in the database and lists them.
#include <fmt/format.h>

#include <iostream>

#include "cli/common.h"

namespace chosa::cli {
namespace {

class SurveyCommand final : public Command {
 public:
  explicit SurveyCommand(CLI::App& app)
      : Command(app.add_subcommand("survey", "調査票をデータベースに登録する・一覧を見る")) {
    app_->require_subcommand(1);
    add_ = app_->add_subcommand("add", "調査票（YAML または組み込みの名前）を登録する");
    add_->add_option("questionnaire", questionnaire_, "調査票")->required();
    AddStoreOptions(add_, &store_);
    list_ = app_->add_subcommand("list", "登録済みの調査と回答数を表示する");
    AddStoreOptions(list_, &store_);
  }

  int Run() override {
    Result<std::unique_ptr<Storage>> storage = OpenStore(store_);
    if (!storage.ok()) return Fail(storage.status());
    if (add_->parsed()) {
      Result<Questionnaire> qn = LoadQuestionnaireArg(questionnaire_);
      if (!qn.ok()) return Fail(qn.status());
      Status s = RegisterQuestionnaire(**storage, *qn);
      if (!s.ok()) return Fail(s);
      std::cout << fmt::format("登録しました: {}（{} 版{}）\n", qn->title, qn->id, qn->version);
      return 0;
    }
    Result<std::vector<SurveyVersion>> surveys = (*storage)->ListSurveys();
    if (!surveys.ok()) return Fail(surveys.status());
    if (surveys->empty()) std::cout << "登録済みの調査はありません（chosa survey add で登録）\n";
    for (const SurveyVersion& s : *surveys) {
      Result<int64_t> complete = (*storage)->CountResponses(s.survey_id, ResponseStatus::kComplete);
      Result<int64_t> all = (*storage)->CountResponses(s.survey_id, std::nullopt);
      std::cout << fmt::format("{}  版{}  回答 {}件（回答中を含め {}件）  {}\n", s.survey_id,
                               s.version, complete.ok() ? *complete : -1, all.ok() ? *all : -1,
                               s.title);
    }
    return 0;
  }

 private:
  CLI::App* add_;
  CLI::App* list_;
  std::string questionnaire_;
  StoreOptions store_;
};

}  // namespace

std::unique_ptr<Command> MakeSurveyCommand(CLI::App& app) {
  return std::make_unique<SurveyCommand>(app);
}

}  // namespace chosa::cli
