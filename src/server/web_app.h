// WebApp: the web answering system as a function from HttpRequest to HttpResponse (the HTTP
// library is an adapter around it; see http_server.h). Thread-safe: each thread uses its own
// database connection; shared state is read-only after Create, except the rate limiter.
//
// Respondent URLs: /s/<survey> (open link), /i/<code> (invitation), /a/<page>, /a/review,
// /a/submit, /a/done, /a/copy, /static/<file>. docs/server.md describes them.
#pragma once

#include <map>
#include <memory>
#include <mutex>
#include <stdexcept>
#include <string>
#include <unordered_map>

#include "base/clock.h"
#include "diagnosis/diagnosis.h"
#include "diagnosis/peers.h"
#include "questionnaire/questionnaire.h"
#include "server/config.h"
#include "server/diagnosis_attempts.h"
#include "server/http_types.h"
#include "server/page_view.h"
#include "server/templates.h"
#include "storage/storage.h"
#include "storage/survey_catalog.h"
#include "storage/vault.h"

namespace chosa::web {

class FailureLimiter;

class WebApp {
 public:
  // Loads the configured questionnaires (registering them), templates and the key. `clock` must
  // outlive the app.
  static Result<std::unique_ptr<WebApp>> Create(const ServerConfig& config,
                                                const Clock& clock = SystemClock());

  ~WebApp();

  HttpResponse Handle(const HttpRequest& request) const;

 private:
  struct Served {
    std::unique_ptr<Questionnaire> questionnaire;
    bool open_link = false;
    PageCache pages;  // the answering pages, pre-rendered
    // The self-diagnosis this questionnaire asks (data/diagnosis/*.yaml naming it), if any:
    // its receipt page is the diagnosis result (diagnosis_pages.cc).
    std::optional<Diagnosis> diagnosis;
  };
  struct Session;  // a respondent's session with the loaded questionnaire and response

  WebApp(ServerConfig config, const Clock& clock, std::unique_ptr<TemplateSet> templates,
         Vault vault);

  Storage& Db() const;
  int64_t NowSeconds() const { return clock_.NowMicros() / 1000000; }
  const Served* FindServed(const std::string& survey_id) const;

  HttpResponse Route(const HttpRequest& request) const;
  HttpResponse Page(const std::string& name, const View& view, const std::string& title,
                    int status = 200) const;
  // A page whose form starts a session: sets a fresh pre-session token as the form's `csrf`
  // and as the pre-session cookie it is checked against.
  HttpResponse PageWithPreSession(const std::string& name, View view, const std::string& title,
                                  int status = 200) const;
  static HttpResponse Html(std::string body, int status = 200);
  HttpResponse Message(int status, const std::string& title, const std::string& text) const;
  HttpResponse Static(const std::string& name) const;
  HttpResponse Vendor(const std::string& name) const;

  // Landing and start.
  HttpResponse Index() const;
  HttpResponse OpenLanding(const std::string& survey_id) const;
  HttpResponse InvitationLanding(const HttpRequest& request, const std::string& code) const;
  HttpResponse Start(const HttpRequest& request, const std::string& survey_id,
                     const std::string& respondent_key) const;
  HttpResponse StartOpen(const HttpRequest& request, const std::string& survey_id) const;
  HttpResponse StartInvitation(const HttpRequest& request, const std::string& code) const;
  View LandingView(const Questionnaire& qn, const std::string& action, bool resume) const;

  // Answering (respondent_pages.cc).
  Result<std::unique_ptr<Session>> LoadSession(const HttpRequest& request) const;
  HttpResponse ShowPage(const HttpRequest& request, int page) const;
  HttpResponse SavePage(const HttpRequest& request, int page) const;
  HttpResponse Review(const HttpRequest& request) const;
  HttpResponse Submit(const HttpRequest& request) const;
  HttpResponse Done(const HttpRequest& request) const;
  HttpResponse Copy(const HttpRequest& request) const;
  // The public size classification (classify_page.cc).
  HttpResponse ClassifyPage(const HttpRequest& request) const;
  // The printable result of a completed diagnosis as PDF (/a/result.pdf; respondent_pages.cc
  // loads the session, diagnosis_pages.cc renders).
  HttpResponse ResultPdf(const HttpRequest& request) const;
  HttpResponse DiagnosisResultPdf(const Served& served, const Questionnaire& qn,
                                  const Answers& answers, const std::string& submitted_at) const;
  // Each PDF runs a Chromium: a client gets FailureLimiter::kMaxFailures of them per window;
  // the answer when it has had them (429), or nullopt to go on (the request is counted).
  std::optional<HttpResponse> PdfLimit(const HttpRequest& request) const;
  // The printable sheet (data/templates/diagnosis_sheet.mustache) as HTML with the style sheet
  // linked, or inlined and printed to PDF through Chromium.
  HttpResponse SheetResponse(View view, const std::string& title, bool pdf,
                             const std::string& filename) const;
  // The diagnosis result of a completed response (diagnosis_pages.cc): score, band, points per
  // part, the items to fix first, SECURITY ACTION, and the comparison with stored peers.
  HttpResponse DiagnosisResultPage(const Served& served, const Questionnaire& qn,
                                   const Answers& answers, const std::string& respondent_key,
                                   const std::string& submitted_at) const;
  // Result codes (diagnosis_pages.cc): /d/<survey> asks for a code; POST …/history shows the
  // scores answered under it over time, POST …/retake starts a new answer linked to it.
  HttpResponse ResultCodeForm(const std::string& survey_id, const std::string& message = "",
                              int status = 200) const;
  HttpResponse ResultCodeAction(const HttpRequest& request, const std::string& survey_id,
                                bool retake) const;
  // The code of a response, created (and linked) the first time; "" when it cannot be made.
  std::string ResultCodeFor(const std::string& survey_id, const std::string& respondent_key,
                            ResultCodeRecord* record) const;
  // The complete diagnoses stored for `served` as peers; kept in memory while the survey's
  // responses revision (Storage::ResponsesRevision) is unchanged. nullptr when unreadable.
  std::shared_ptr<const std::vector<PeerScore>> StoredPeers(const Served& served) const;
  // The completed diagnoses answered under a code, oldest first, as rows for the templates.
  View DiagnosisHistory(const Served& served, const ResultCodeRecord& code) const;
  Status Save(Session& s, ResponseStatus status) const;

  // IT vendors (vendor_pages.cc): /vendor/login, the portfolio at /vendor, each customer at
  // /vendor/customers/<id> with its advice sheet (/sheet, /sheet.pdf); a customer answers through
  // its own link /c/<code>. A vendor sees its own customers only; their identities are sealed.
  struct VendorAccount {
    SessionRecord session;
    UserRecord user;
  };
  struct CustomerState;  // a customer with its identity and scored diagnoses
  Result<std::unique_ptr<VendorAccount>> LoadVendor(const HttpRequest& request) const;
  HttpResponse VendorRoute(const HttpRequest& request,
                           const std::vector<std::string_view>& parts) const;
  HttpResponse VendorLoginForm(const std::string& message = "", int status = 200) const;
  HttpResponse VendorLogin(const HttpRequest& request) const;
  HttpResponse VendorLogout(const HttpRequest& request) const;
  HttpResponse VendorPortfolio(const VendorAccount& vendor, const std::string& message = "",
                               int status = 200) const;
  HttpResponse VendorAddCustomer(const HttpRequest& request, const VendorAccount& vendor) const;
  HttpResponse VendorCustomer(const HttpRequest& request, const VendorAccount& vendor,
                              int64_t customer_id, const std::string& message = "",
                              int status = 200) const;
  // Replaces the customer's name, contact and memo (sealed again); the link stays.
  HttpResponse VendorEditCustomer(const HttpRequest& request, const VendorAccount& vendor,
                                  int64_t customer_id) const;
  HttpResponse VendorSheet(const VendorAccount& vendor, int64_t customer_id, bool pdf) const;
  // Removes the customer's identity and link; its diagnoses stay as anonymous answers.
  HttpResponse VendorDeleteCustomer(const HttpRequest& request, const VendorAccount& vendor,
                                    int64_t customer_id) const;
  HttpResponse VendorPage(const VendorAccount& vendor, const std::string& name, View view,
                          const std::string& title, int status = 200) const;
  std::vector<CustomerState> VendorCustomers(const VendorAccount& vendor) const;
  // Every vendor's customers' latest diagnoses, without who they are.
  struct AcrossVendors {
    std::vector<ScoredAttempt> latest;  // one per diagnosed customer
    size_t vendors = 0;                 // vendors with at least one diagnosed customer
  };
  AcrossVendors AcrossAllVendors(const Served& served) const;
  // The vendor's customer `customer_id` with its diagnoses; nullopt when it is not this
  // vendor's (or there is none, or no diagnosis is served).
  std::optional<CustomerState> OwnCustomer(const VendorAccount& vendor, int64_t customer_id) const;
  CustomerState CustomerStateOf(VendorCustomerRecord record, SurveyCatalog& catalog) const;
  // The customer whose link has `code`, when its diagnosis is served.
  std::optional<VendorCustomerRecord> LinkedCustomer(const std::string& code) const;
  HttpResponse CustomerLanding(const HttpRequest& request, const std::string& code) const;
  HttpResponse CustomerStart(const HttpRequest& request, const std::string& code) const;
  // The served questionnaire that asks a diagnosis (the first one), or nullptr.
  const Served* DiagnosisServed() const;

  // Login forms (admin and vendor): the account when the name and password are right and its
  // role is one of `roles`; otherwise the message and status to answer with. Failures are
  // limited per address and per name, and audited.
  struct LoginOutcome {
    std::optional<UserRecord> user;
    std::string message;
    int status = 200;
  };
  LoginOutcome CheckLogin(const HttpRequest& request,
                          std::initializer_list<std::string_view> roles) const;
  // The scheme and host links are made with: public_url, or the request's Host when it is safe.
  std::optional<std::string> LinkBase(const HttpRequest& request) const;

  // Administration: login, index, audit log (admin_pages.cc); the survey dashboard
  // (admin_dashboard.cc); invitations (admin_invitations.cc); the response browser and
  // downloads (admin_responses.cc). Roles: "admin" sees everything; "analyst" statistics and
  // anonymous answers only.
  struct Admin {
    SessionRecord session;
    UserRecord user;
    bool is_admin() const { return user.role == "admin"; }
  };
  Result<std::unique_ptr<Admin>> LoadAdmin(const HttpRequest& request) const;
  // The session of `kind` named by the cookie `cookie` and its account, whose role must be one
  // of `roles`; NotFound otherwise (no cookie, expired, account removed or its role changed).
  Status LoadAccount(const HttpRequest& request, const char* cookie, std::string_view kind,
                     std::initializer_list<std::string_view> roles, SessionRecord* session,
                     UserRecord* user) const;
  HttpResponse AdminRoute(const HttpRequest& request,
                          const std::vector<std::string_view>& parts) const;
  HttpResponse AdminSurveyRoute(const HttpRequest& request, const Admin& admin,
                                const Served& served,
                                const std::vector<std::string_view>& parts) const;
  HttpResponse AdminLoginForm(const std::string& message = "", int status = 200) const;
  HttpResponse AdminLogin(const HttpRequest& request) const;
  HttpResponse AdminLogout(const HttpRequest& request) const;
  HttpResponse AdminIndex(const Admin& admin) const;
  HttpResponse AdminSurvey(const Admin& admin, const Served& served) const;
  HttpResponse AdminAudit(const Admin& admin) const;
  HttpResponse AdminCross(const Admin& admin, const Served& served) const;  // admin_cross.cc
  HttpResponse AdminInvitations(const HttpRequest& request, const Admin& admin,
                                const Served& served, const std::string& message = "",
                                int status = 200) const;
  HttpResponse AdminCreateInvitations(const HttpRequest& request, const Admin& admin,
                                      const Served& served) const;
  HttpResponse AdminInvitationsCsv(const Admin& admin, const Served& served) const;
  HttpResponse AdminResponses(const HttpRequest& request, const Admin& admin,
                              const Served& served) const;
  HttpResponse AdminResponse(const HttpRequest& request, const Admin& admin,
                             const Served& served) const;
  HttpResponse AdminExport(const Admin& admin, const Served& served, bool xlsx) const;
  HttpResponse AdminRespondents(const Admin& admin, const Served& served) const;
  HttpResponse AdminPage(const Admin& admin, const std::string& name, View view,
                         const std::string& title, int status = 200) const;
  // Survey pages: the survey's sub-navigation is added to `view`.
  HttpResponse AdminSurveyPage(const Admin& admin, const Served& served, const std::string& name,
                               View view, const std::string& title,
                               const std::string& current) const;
  void Audit(const std::string& user, const std::string& action, const std::string& detail) const;
  // A file to save: attachment, not cached. `filename` is ASCII.
  static HttpResponse Download(std::string body, const std::string& content_type,
                               const std::string& filename);

  std::string SessionCookie(const std::string& token, int max_age_seconds) const;

  ServerConfig config_;
  const Clock& clock_;
  std::unique_ptr<TemplateSet> templates_;
  Vault vault_;
  std::map<std::string, Served> served_;
  std::unique_ptr<FailureLimiter> limiter_;  // guessing defence for codes and passwords
  // Write transactions of this process take turns here instead of colliding in SQLite, whose busy
  // handler sleeps with a growing back-off (that made the tail latency of saves hundreds of ms).
  mutable std::mutex write_mu_;
  mutable std::mutex pdf_mu_;  // PDFs are printed one at a time (each runs a Chromium)
  mutable std::mutex peers_mu_;
  // survey id -> (responses revision, the peer scores read at it)
  mutable std::map<std::string, std::pair<int64_t, std::shared_ptr<const std::vector<PeerScore>>>>
      peers_cache_;
  uint64_t id_;
};

// Abandons the request being handled when `s` is not ok: WebApp::Handle answers 500 with a plain
// page and logs the Status, which the client never sees.
inline void Check(const Status& s) {
  if (!s.ok()) throw std::runtime_error(s.ToString());
}

}  // namespace chosa::web
