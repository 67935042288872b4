// chosa diagnose: scores one company's answers to the security self-diagnosis (issue 5) and
// prints the result a manager reads: total and band, points per part, the items to fix first
// with plain explanations, first steps and public support, SECURITY ACTION readiness, and, with
// a database, the comparison with the peers stored there.
#include <fmt/format.h>

#include <iostream>
#include <sstream>

#include "cli/common.h"
#include "diagnosis/companies.h"
#include "tabulation/dataset_builder.h"

namespace chosa::cli {
namespace {

class DiagnoseCommand final : public Command {
 public:
  explicit DiagnoseCommand(CLI::App& app)
      : Command(app.add_subcommand("diagnose", "情報セキュリティ自社診断の点数と助言を出す")) {
    app_->add_option("--diagnosis", diagnosis_, "診断ファイル（組み込み名かパス）")
        ->capture_default_str();
    app_->add_option("--answers", answers_,
                     "回答: 項目ID=コード をカンマ区切りで（例: D01=1,D02=3,…）。"
                     "コード 1 実施している, 2 一部実施している, 3 実施していない, 4 わからない, "
                     "9 該当しない")
        ->required();
    app_->add_option("--industry", industry_, "業種のコード（調査票の選択肢）");
    app_->add_option("--employees", employees_, "従業員数");
    app_->add_option("--capital", capital_, "資本金のコード（調査票の選択肢）");
    app_->add_option("-s,--survey", survey_,
                     "同業・同規模と比べる回答の調査ID（--db と。省略時は診断の調査票）");
    app_->add_flag("--compare", compare_, "データベースの回答と比べる");
    app_->add_option("--top", top_, "「まず取り組む項目」を何件まで示すか")->capture_default_str();
    AddStoreOptions(app_, &store_);
  }

  int Run() override {
    DiagnosisLoad load = LoadDiagnosisFile(ResolveDiagnosisPath(diagnosis_));
    for (const Diagnostic& d : load.diagnostics) std::cerr << d.ToString() << "\n";
    if (!load.diagnosis) return 1;
    const Diagnosis& d = *load.diagnosis;
    std::map<std::string, int> answers;
    Status parsed = ParseAnswers(d, &answers);
    if (!parsed.ok()) return Fail(parsed);
    DiagnosisResult r = ScoreDiagnosis(d, answers);
    std::ostringstream out;
    Print(d, r, out);
    if (compare_ || !survey_.empty()) {
      Status s = PrintPeers(d, r, out);
      if (!s.ok()) return Fail(s);
    }
    std::cout << out.str();
    return 0;
  }

 private:
  Status ParseAnswers(const Diagnosis& d, std::map<std::string, int>* answers) const {
    std::stringstream list(answers_);
    std::string pair;
    while (std::getline(list, pair, ',')) {
      size_t eq = pair.find('=');
      std::string id = pair.substr(0, eq);
      bool known = false;
      for (const DiagnosisPart& p : d.parts)
        for (const DiagnosisItem& item : p.items) known = known || item.id == id;
      int code = 0;
      if (eq == std::string::npos || !known || !ParseCode(pair.substr(eq + 1), &code) ||
          d.FindScale(code) == nullptr) {
        return Status::InvalidArgument(fmt::format(
            "--answers の「{}」が読めません（項目ID=コード、コードは診断の選択肢）", pair));
      }
      (*answers)[id] = code;
    }
    return Status::Ok();
  }

  static bool ParseCode(const std::string& s, int* out) {
    if (s.empty() || s.size() > 4) return false;
    int v = 0;
    for (char c : s) {
      if (c < '0' || c > '9') return false;
      v = v * 10 + (c - '0');
    }
    *out = v;
    return true;
  }

  void Print(const Diagnosis& d, const DiagnosisResult& r, std::ostream& out) const {
    out << fmt::format("{} の結果\n\n", d.title);
    out << fmt::format("合計: {}点 / {}点（{}）\n", r.total, r.max, r.band->label);
    out << fmt::format("  {}\n  次の一歩: {}\n", r.band->meaning, r.band->next);
    if (r.unanswered > 0)
      out << fmt::format("  未回答の項目が {} 件あります（0点で計算）\n", r.unanswered);
    out << "\n部ごとの点数:\n";
    for (const PartScore& p : r.parts)
      out << fmt::format("  Part {} {}: {} / {}\n", p.part->number, p.part->title, p.points, p.max);
    if (!r.priorities.empty()) {
      out << "\nまず取り組む項目:\n";
      for (size_t i = 0; i < r.priorities.size() && i < top_; ++i) {
        const ItemScore& s = r.items[r.priorities[i]];
        const ScaleEntry* e = s.code ? d.FindScale(*s.code) : nullptr;
        out << fmt::format("  {}. [Part {}] {} {}（{}）\n", i + 1, s.part->number, s.item->id,
                           s.item->title, e ? e->label : "未回答");
        out << fmt::format("     なぜ大切か: {}\n", s.item->explain);
        for (const std::string& step : s.item->steps) out << fmt::format("     - {}\n", step);
        for (const std::string& id : s.item->support) {
          const SupportMeasure* m = d.FindSupport(id);
          if (m) out << fmt::format("     支援: {} {}\n", m->name, m->url);
        }
      }
      if (r.priorities.size() > top_)
        out << fmt::format("  ほか {} 項目\n", r.priorities.size() - top_);
    }
    std::string na;
    for (const ItemScore& s : r.items)
      if (s.not_applicable) na += fmt::format(" {} {}", s.item->id, s.item->title);
    if (!na.empty()) out << fmt::format("\n該当しない（実施とみなした）項目:{}\n", na);
    const SecurityActionReadiness& sa = r.security_action;
    out << "\nSECURITY ACTION:\n";
    if (sa.one_star) {
      out << "  一つ星: 宣言できます（Part 1 の基本的対策をすべて実施）\n";
    } else {
      std::string missing;
      for (const DiagnosisItem* item : sa.one_star_missing) missing += " " + item->id;
      out << fmt::format("  一つ星: あと {} 項目（{} ）で宣言できます\n",
                         sa.one_star_missing.size(), missing);
    }
    out << (sa.two_star ? "  二つ星: 宣言できます（この診断を実施し、基本方針を文書にして周知）\n"
                        : "  二つ星: 情報セキュリティ基本方針を文書にして周知すれば手が届きます\n");
  }

  Status PrintPeers(const Diagnosis& d, const DiagnosisResult& r, std::ostream& out) const {
    std::string survey = survey_.empty() ? d.questionnaire : survey_;
    CHOSA_ASSIGN_OR_RETURN(OpenedSurvey opened, OpenSurvey(store_, survey, ""));
    Dataset data(*opened.questionnaire);
    DatasetOptions options;
    options.use_snapshot = true;
    CHOSA_RETURN_IF_ERROR(LoadDatasetFromStorage(*opened.storage, *opened.catalog, options, &data));
    std::vector<PeerScore> peers = PeerScoresOf(d, data);
    int size = PeerSizeOf(d.profile, industry_,
                          employees_ >= 0 ? std::optional<double>(employees_) : std::nullopt,
                          capital_ > 0 ? std::optional<int>(capital_) : std::nullopt);
    PeerComparison c = ComparePeers(r.total, industry_, size, peers);
    std::string industry = "業種不明";
    int qi = opened.questionnaire->FindQuestion(d.profile.industry);
    if (qi >= 0 && industry_ > 0) {
      const Option* o = opened.questionnaire->questions[qi].FindOption(industry_);
      if (o) industry = o->label;
    }
    out << fmt::format("\n比べた相手: {}（n={}）\n",
                       PeerScopeLabel(c.scope, industry, PeerSizeName(size)), c.n);
    if (c.n == 0) {
      out << "  比べられる回答がまだありません\n";
      return Status::Ok();
    }
    out << fmt::format("  平均 {:.1f}点、標準偏差 {:.1f}\n", c.mean, c.sd);
    out << fmt::format("  パーセンタイル {:.1f}（下位からの位置）、偏差値 {:.1f}\n", c.percentile,
                       c.standard_score);
    if (!c.enough) out << "  ※回答が30件未満のため参考値です\n";
    return Status::Ok();
  }

  std::string diagnosis_ = "self-check-25";
  std::string answers_, survey_;
  int industry_ = 0, capital_ = 0;
  double employees_ = -1;  // -1: not given
  bool compare_ = false;
  size_t top_ = 5;
  StoreOptions store_;
};

}  // namespace

std::unique_ptr<Command> MakeDiagnoseCommand(CLI::App& app) {
  return std::make_unique<DiagnoseCommand>(app);
}

}  // namespace chosa::cli
