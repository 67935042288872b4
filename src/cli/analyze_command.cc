// chosa analyze: the simple tallies plus what an analysis file asks for (cross tables by
// breakdowns with significance marks, number summaries per group), from a stored survey or
// straight from an answer file.
#include <fmt/format.h>

#include <iostream>

#include "analysis/analysis.h"
#include "analysis/output/long_writer.h"
#include "analysis/output/text_writer.h"
#include "base/file.h"
#include "cli/dataset_source.h"

namespace chosa::cli {
namespace {

class AnalyzeCommand final : public Command {
 public:
  explicit AnalyzeCommand(CLI::App& app)
      : Command(app.add_subcommand(
            "analyze", "分析ファイルに従ってクロス集計・検定を行う（端末表示, long 形式）")) {
    app_->add_option("-a,--analysis", analysis_, "分析ファイル（YAML, docs/analysis.md）")
        ->required();
    source_.AddOptions(app_);
    tally_.AddOptions(app_);
    app_->add_option("-f,--format", format_, "text, long")
        ->check(CLI::IsMember({"text", "long"}))
        ->capture_default_str();
    app_->add_option("-o,--output", output_, "出力ファイル（既定: 標準出力）");
    app_->add_option(
            "--suppress-below", suppress_below_,
            "秘匿処理: この人数未満（1人以上）の件数を x にする（分析ファイルの設定より優先）")
        ->check(CLI::Range(0, 100));
  }

  int Run() override {
    AnalysisLoad spec = LoadAnalysisFile(analysis_);
    for (const Diagnostic& d : spec.diagnostics) std::cerr << d.ToString() << "\n";
    if (!spec.spec) return Fail(Status::InvalidArgument(analysis_ + " を読めませんでした"));
    Result<LoadedDataset> loaded = source_.Load();
    if (!loaded.ok()) return Fail(loaded.status());
    const Questionnaire& qn = loaded->data->questionnaire();
    std::vector<Diagnostic> problems = CheckAnalysis(*spec.spec, qn);
    for (const Diagnostic& d : problems) std::cerr << d.ToString() << "\n";
    if (!problems.empty()) {
      return Fail(
          Status::InvalidArgument(fmt::format("{} は調査票「{}」に合いません", analysis_, qn.id)));
    }
    if (!source_.weight_question().empty() &&
        spec.spec->weighting.method != WeightingSpec::Method::kNone) {
      return Fail(Status::InvalidArgument(
          fmt::format("{} にはウエイト付けの指定があるので --weight は使えません", analysis_)));
    }
    for (WaveSpec& wave : spec.spec->waves) {  // previous waves with answers in the database
      if (wave.survey.empty()) continue;
      Result<LoadedDataset> previous = source_.LoadSurvey(wave.survey);
      if (!previous.ok()) {
        return Fail(Status::InvalidArgument(fmt::format("前回調査「{}」の回答を読めません: {}",
                                                        wave.id, previous.status().message())));
      }
      wave.figures = FiguresOf(*previous->data, wave.questions);
    }
    Result<PreparedData> prepared = Prepare(*spec.spec, loaded->data.get());
    if (!prepared.ok()) return Fail(prepared.status());
    if (suppress_below_ >= 0) spec.spec->settings.suppress_below = suppress_below_;
    AnalysisReport report = Analyze(*loaded->data, *spec.spec, tally_.Overrides());
    report.weighting = prepared->weighting;
    if (report.tally.weight_variable.empty())
      report.tally.weight_variable = source_.weight_question();
    std::string text = format_ == "long" ? RenderAnalysisLong(report) : RenderAnalysisText(report);
    if (output_.empty()) {
      std::cout << text;
      return 0;
    }
    Status s = WriteFileAtomic(output_, text);
    return s.ok() ? 0 : Fail(s);
  }

 private:
  std::string analysis_, format_ = "text", output_;
  int suppress_below_ = -1;
  DatasetSource source_;
  TallyOptions tally_;
};

}  // namespace

std::unique_ptr<Command> MakeAnalyzeCommand(CLI::App& app) {
  return std::make_unique<AnalyzeCommand>(app);
}

}  // namespace chosa::cli
