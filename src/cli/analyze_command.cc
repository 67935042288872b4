// chosa analyze: the simple tallies plus what an analysis file asks for (cross tables by
// breakdowns with significance marks, number summaries per group), from a stored survey or
// straight from an answer file.
#include <fmt/format.h>

#include <iostream>

#include "analysis/analysis.h"
#include "analysis/output/long_writer.h"
#include "analysis/output/text_writer.h"
#include "base/clock.h"
#include "base/file.h"
#include "cli/dataset_source.h"
#include "questionnaire/builtin.h"
#include "report/pdf.h"
#include "report/report_html.h"
#include "report/report_xlsx.h"

namespace chosa::cli {
namespace {

class AnalyzeCommand final : public Command {
 public:
  // `report`: the `chosa report` subcommand (HTML, optionally PDF) instead of `chosa analyze`.
  AnalyzeCommand(CLI::App& app, bool report)
      : Command(report ? app.add_subcommand(
                             "report", "集計報告書を HTML（グラフつき、1ファイル）と PDF で作る")
                       : app.add_subcommand("analyze",
                                            "分析ファイルに従ってクロス集計・検定を行う（端末表示, "
                                            "long 形式）")),
        report_(report) {
    app_->add_option("-a,--analysis", analysis_, "分析ファイル（YAML, docs/analysis.md）")
        ->required();
    source_.AddOptions(app_);
    tally_.AddOptions(app_);
    if (report_) {
      app_->add_option("-o,--output", output_, "報告書の HTML ファイル")->required();
      app_->add_option("--pdf", pdf_, "PDF も作る（ヘッドレス Chromium で印刷）");
      app_->add_option("--xlsx", xlsx_, "Excel ブックも作る（表ごとのシートと Excel のグラフ）");
    } else {
      app_->add_option("-f,--format", format_, "text, long")
          ->check(CLI::IsMember({"text", "long"}))
          ->capture_default_str();
      app_->add_option("-o,--output", output_, "出力ファイル（既定: 標準出力）");
    }
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
      wave.figures =
          FiguresOf(*previous->data, wave.questions, spec.spec->settings.base_applicable);
    }
    Result<PreparedData> prepared = Prepare(*spec.spec, loaded->data.get());
    if (!prepared.ok()) return Fail(prepared.status());
    if (suppress_below_ >= 0) spec.spec->settings.suppress_below = suppress_below_;
    AnalysisReport report = Analyze(*loaded->data, *spec.spec, tally_.Overrides());
    report.weighting = prepared->weighting;
    if (report.tally.weight_variable.empty())
      report.tally.weight_variable = source_.weight_question();
    if (report_) return WriteReport(report, qn);
    std::string text = format_ == "long" ? RenderAnalysisLong(report) : RenderAnalysisText(report);
    return WriteOutput(output_, text);
  }

 private:
  int WriteReport(const AnalysisReport& report, const Questionnaire& qn) {
    ReportInput input;
    input.report = &report;
    input.survey_title = qn.title;
    input.survey_id = qn.id;
    input.survey_version = qn.version;
    input.generated_at = FormatJst(SystemClock().NowMicros()) + "（日本時間）";
    Result<std::string> html = RenderReportHtml(input, DataDir());
    if (!html.ok()) return Fail(html.status());
    Status s = WriteFileAtomic(output_, *html);
    if (!s.ok()) return Fail(s);
    std::cout << fmt::format("{}: 報告書（単純集計 {}、クロス集計 {}、前回比較 {}）\n", output_,
                             report.tally.tables.size(), report.cross_tables.size(),
                             report.waves.size());
    if (!xlsx_.empty()) {
      s = WriteReportXlsx(report, input.survey_title, xlsx_);
      if (!s.ok()) return Fail(s);
      std::cout << fmt::format("{}: Excel ブック\n", xlsx_);
    }
    if (pdf_.empty()) return 0;
    s = PrintPdf(output_, pdf_);
    if (!s.ok()) return Fail(s);
    std::cout << fmt::format("{}: PDF\n", pdf_);
    return 0;
  }

  bool report_ = false;
  std::string pdf_, xlsx_;
  std::string analysis_, format_ = "text", output_;
  int suppress_below_ = -1;
  DatasetSource source_;
  TallyOptions tally_;
};

}  // namespace

std::unique_ptr<Command> MakeAnalyzeCommand(CLI::App& app) {
  return std::make_unique<AnalyzeCommand>(app, false);
}

std::unique_ptr<Command> MakeReportCommand(CLI::App& app) {
  return std::make_unique<AnalyzeCommand>(app, true);
}

}  // namespace chosa::cli
