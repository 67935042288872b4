// The public self-diagnosis (issue 5): the receipt of a questionnaire that asks a diagnosis is
// its result — total and band with what it means, points per part as bars, the items to fix
// first with plain explanations, first steps and public support, SECURITY ACTION readiness and
// the comparison with the diagnoses stored so far.
#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <iostream>

#include "base/file.h"
#include "base/text.h"
#include "diagnosis/companies.h"
#include "report/pdf.h"
#include "server/diagnosis_views.h"
#include "server/failure_limiter.h"
#include "server/form.h"
#include "server/session.h"
#include "server/tokens.h"
#include "server/web_app.h"
#include "tabulation/dataset_builder.h"

namespace chosa::web {
namespace {

constexpr size_t kPriorities = 5;  // items to fix first, shown in full

// What a person typed, as the canonical 12 characters: half-width, upper case, without hyphens
// and spaces; "" when it cannot be a code.
std::string CanonicalCode(std::string_view typed) {
  std::string code;
  for (char c : Nfkc(typed)) {
    char u = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    if (u == '-' || u == ' ') continue;
    if (kResultCodeAlphabet.find(u) == std::string_view::npos) return "";
    code += u;
  }
  return code.size() == 12 ? code : "";
}

}  // namespace

std::string WebApp::ResultCodeFor(const std::string& survey_id, const std::string& respondent_key,
                                  ResultCodeRecord* record) const {
  Result<std::optional<ResultCodeRecord>> linked = Db().ResultCodeOf(survey_id, respondent_key);
  if (!linked.ok()) throw std::runtime_error(linked.status().ToString());
  if (linked->has_value()) {
    *record = **linked;
  } else {
    std::string code = NewResultCode();
    record->code_hash = HashToken(code);
    record->survey_id = survey_id;
    record->sealed_code = vault_.Seal(code, record->code_hash);
    std::lock_guard<std::mutex> lock(write_mu_);
    Check(Db().LinkResultCode(*record, respondent_key));
  }
  Result<std::string> code = vault_.Unseal(record->sealed_code, record->code_hash);
  return code.ok() ? ShownResultCode(*code) : "";
}

View WebApp::DiagnosisHistory(const Served& served, const ResultCodeRecord& code) const {
  SurveyCatalog catalog(Db());
  Result<std::vector<ScoredAttempt>> attempts =
      CompletedAttempts(Db(), catalog, *served.questionnaire, *served.diagnosis, code.code_hash);
  Check(attempts.status());
  return HistoryView(*attempts);
}

std::shared_ptr<const std::vector<PeerScore>> WebApp::StoredPeers(const Served& served) const {
  const std::string& id = served.questionnaire->id;
  Result<int64_t> revision = Db().ResponsesRevision(id);
  Check(revision.status());
  {
    std::lock_guard<std::mutex> lock(peers_mu_);
    auto it = peers_cache_.find(id);
    if (it != peers_cache_.end() && it->second.first == *revision) return it->second.second;
  }
  // Read outside the lock; two threads may both read, and either result is current.
  SurveyCatalog catalog(Db());
  Dataset data(*served.questionnaire);
  int64_t read_revision = 0;
  Status loaded = Db().ReadTogether([&] {
    CHOSA_ASSIGN_OR_RETURN(read_revision, Db().ResponsesRevision(id));
    return LoadDatasetFromStorage(Db(), catalog, {}, &data);
  });
  if (!loaded.ok()) return nullptr;
  auto peers =
      std::make_shared<const std::vector<PeerScore>>(PeerScoresOf(*served.diagnosis, data));
  std::lock_guard<std::mutex> lock(peers_mu_);
  peers_cache_[id] = {read_revision, peers};
  return peers;
}

HttpResponse WebApp::ResultCodeForm(const std::string& survey_id, const std::string& message,
                                    int status) const {
  const Served* served = FindServed(survey_id);
  View v;
  v.set("survey_title", served->questionnaire->title);
  v.set("survey", survey_id);
  if (!message.empty()) v.set("message", message);
  return PageWithPreSession("diagnosis_code", std::move(v), "結果コードで開く", status);
}

HttpResponse WebApp::ResultCodeAction(const HttpRequest& request, const std::string& survey_id,
                                      bool retake) const {
  int64_t now = NowSeconds();
  if (limiter_->Blocked(request.remote, now)) {
    return Message(429, "しばらくお待ちください",
                   "短時間に多くの誤ったコードが入力されました。10分ほどしてからお試しください。");
  }
  Result<FormData> form = FormData::Parse(request.body);
  if (!form.ok() ||
      !ConstantTimeEquals(form->Get("_csrf"), CookieValue(request.cookie, kPreSessionCookie))) {
    return Message(403, "もう一度お試しください",
                   "ページの有効期限が切れました。最初のページから開き直してください。");
  }
  std::string code = CanonicalCode(form->Get("code"));
  Result<std::optional<ResultCodeRecord>> found =
      code.empty() ? Result<std::optional<ResultCodeRecord>>(std::nullopt)
                   : Db().FindResultCode(HashToken(code));
  if (!found.ok()) throw std::runtime_error(found.status().ToString());
  if (!found->has_value() || (*found)->survey_id != survey_id) {
    limiter_->Fail(request.remote, now);
    return ResultCodeForm(
        survey_id, "結果コードが見つかりません。12文字（例: AB23-CD45-EF67）をご確認ください。",
        404);
  }
  const Served& served = *FindServed(survey_id);
  if (retake) {
    std::string key = "web-" + RandomToken(12);
    HttpResponse started = Start(request, survey_id, key);
    if (started.status == 303) {
      std::lock_guard<std::mutex> lock(write_mu_);
      Check(Db().LinkResultCode(**found, key));
    }
    return started;
  }
  View v = DiagnosisHistory(served, **found);
  v.set("survey_title", served.questionnaire->title);
  v.set("survey", survey_id);
  v.set("code", ShownResultCode(code));
  return PageWithPreSession("diagnosis_history", std::move(v), "診断結果の推移");
}

HttpResponse WebApp::DiagnosisResultPage(const Served& served, const Questionnaire& qn,
                                         const Answers& answers, const std::string& respondent_key,
                                         const std::string& submitted_at) const {
  const Diagnosis& d = *served.diagnosis;
  DiagnosisResult r = ScoreDiagnosis(d, DiagnosisAnswers(d, qn, answers));
  View v = ResultView(d, r, kPriorities);
  v.set("survey_title", qn.title);
  v.set("submitted_at", submitted_at);

  // Peers: every complete diagnosis stored for this questionnaire, this one included.
  std::optional<int> industry = SingleCode(qn, answers, d.profile.industry);
  int employees_q = qn.FindQuestion(d.profile.employees);
  std::optional<double> employees;
  if (employees_q >= 0 && answers[employees_q].answered()) employees = answers[employees_q].number;
  int size = PeerSizeOf(
      d.profile, industry.value_or(0), employees,
      d.profile.capital.empty() ? std::nullopt : SingleCode(qn, answers, d.profile.capital));
  if (std::shared_ptr<const std::vector<PeerScore>> peers = StoredPeers(served)) {
    PeerComparison c = ComparePeers(r.total, industry.value_or(0), size, *peers);
    std::string industry_label = "業種不明";
    if (const Option* o =
            industry ? qn.questions[qn.FindQuestion(d.profile.industry)].FindOption(*industry)
                     : nullptr) {
      industry_label = o->label;
    }
    View pv;
    pv.set("group", PeerScopeLabel(c.scope, industry_label, PeerSizeName(size)));
    pv.set("n", std::to_string(c.n));
    pv.set("mean", fmt::format("{:.1f}", c.mean));
    pv.set("percentile", fmt::format("{:.0f}", c.percentile));
    pv.set("standard_score", fmt::format("{:.1f}", c.standard_score));
    pv.set("reference", !c.enough);
    if (c.n > 0) v.set("peers", pv);
  }
  ResultCodeRecord record;
  v.set("code", ResultCodeFor(qn.id, respondent_key, &record));
  v.set("survey", qn.id);
  View history = DiagnosisHistory(served, record);
  v.set("history", history);
  return PageWithPreSession("diagnosis_result", std::move(v), qn.title + "（診断結果）");
}

std::optional<HttpResponse> WebApp::PdfLimit(const HttpRequest& request) const {
  std::string key = "pdf:" + request.remote;
  int64_t now = NowSeconds();
  if (limiter_->Blocked(key, now)) {
    return Message(429, "しばらくお待ちください",
                   "短時間に多くの PDF が作られました。10分ほどしてからお試しください。");
  }
  limiter_->Fail(key, now);  // counted as a use, not a failure
  return std::nullopt;
}

HttpResponse WebApp::SheetResponse(View view, const std::string& title, bool pdf,
                                   const std::string& filename) const {
  view.set("page_title", title);
  if (!pdf) {
    HttpResponse r;
    r.body = templates_->Render("diagnosis_sheet", view);
    return r;
  }
  // Chromium reads the document from a file: the style sheet goes inline.
  Result<std::string> css = ReadFile(config_.data_dir + "/static/sheet.css");
  Check(css.status());
  view.set("inline_css", *css);
  Result<std::string> bytes = [&] {
    std::lock_guard<std::mutex> lock(pdf_mu_);  // one Chromium at a time
    return HtmlToPdf(templates_->Render("diagnosis_sheet", view));
  }();
  if (!bytes.ok()) {
    std::cerr << "chosa serve: " << bytes.status().ToString() << "\n";
    return Message(503, "PDF を作れませんでした",
                   "しばらくしてからもう一度お試しください。画面の印刷機能でも印刷できます。");
  }
  return Download(std::move(*bytes), "application/pdf", filename);
}

HttpResponse WebApp::DiagnosisResultPdf(const Served& served, const Questionnaire& qn,
                                        const Answers& answers,
                                        const std::string& submitted_at) const {
  const Diagnosis& d = *served.diagnosis;
  DiagnosisResult r = ScoreDiagnosis(d, DiagnosisAnswers(d, qn, answers));
  View v = ResultView(d, r, kPriorities);
  v.set("title", d.title + " 結果");
  v.set("at", submitted_at);
  v.set("printed", FormatJst(clock_.NowMicros()));
  v.set("support_measures", SupportView(d));
  return SheetResponse(std::move(v), d.title + " 結果", true, fmt::format("{}-result.pdf", qn.id));
}

}  // namespace chosa::web
