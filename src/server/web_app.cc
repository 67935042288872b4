#include "server/web_app.h"

#include <fmt/format.h>

#include <atomic>
#include <charconv>
#include <chrono>
#include <deque>
#include <filesystem>
#include <iostream>

#include "base/file.h"
#include "base/text.h"
#include "questionnaire/builtin.h"
#include "questionnaire/loader.h"
#include "server/failure_limiter.h"
#include "server/form.h"
#include "server/markdown.h"
#include "server/session.h"
#include "server/tokens.h"
#include "storage/answer_codec.h"
#include "storage/survey_catalog.h"

namespace chosa::web {

namespace {

std::atomic<uint64_t> next_app_id{1};

// Security headers on every response.
void AddSecurityHeaders(HttpResponse* r) {
  r->headers.emplace_back("Content-Security-Policy",
                          "default-src 'none'; script-src 'self'; style-src 'self'; img-src "
                          "'self'; connect-src 'self'; "
                          "form-action 'self'; frame-ancestors 'none'; base-uri 'none'");
  r->headers.emplace_back("X-Content-Type-Options", "nosniff");
  r->headers.emplace_back("X-Frame-Options", "DENY");
  r->headers.emplace_back("Referrer-Policy", "no-referrer");
  if (r->content_type.starts_with("text/html"))
    r->headers.emplace_back("Cache-Control", "no-store");
}

// Paths with secrets (invitation codes) are logged without them.
std::string LoggablePath(const std::string& path) {
  if (path.starts_with("/i/")) return "/i/…";
  if (path.starts_with("/c/")) return "/c/…";
  return path;
}

std::string ContentType(const std::string& name) {
  if (name.ends_with(".css")) return "text/css; charset=utf-8";
  if (name.ends_with(".js")) return "text/javascript; charset=utf-8";
  if (name.ends_with(".svg")) return "image/svg+xml";
  if (name.ends_with(".png")) return "image/png";
  return "application/octet-stream";
}

bool SafeFileName(std::string_view name) {
  if (name.empty() || name[0] == '.') return false;
  for (char c : name) {
    if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' ||
          c == '-' || c == '_')) {
      return false;
    }
  }
  return true;
}

bool SafeHost(std::string_view host) {
  if (host.empty() || host.size() > 255) return false;
  for (char c : host) {
    if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' ||
          c == '-' || c == ':' || c == '[' || c == ']')) {
      return false;
    }
  }
  return true;
}

}  // namespace

WebApp::WebApp(ServerConfig config, const Clock& clock, std::unique_ptr<TemplateSet> templates,
               Vault vault)
    : config_(std::move(config)),
      clock_(clock),
      templates_(std::move(templates)),
      vault_(std::move(vault)),
      limiter_(std::make_unique<FailureLimiter>()),
      id_(next_app_id++) {}

WebApp::~WebApp() = default;

namespace {

// The diagnosis file in `data_dir`/diagnosis that names `qn` as its questionnaire; a broken one
// that does is an error (the server would otherwise show receipts without results).
Result<std::optional<Diagnosis>> DiagnosisFor(const std::string& data_dir,
                                              const Questionnaire& qn) {
  std::error_code ec;
  for (const auto& entry : std::filesystem::directory_iterator(data_dir + "/diagnosis", ec)) {
    if (entry.path().extension() != ".yaml") continue;
    DiagnosisLoad load = LoadDiagnosisFile(entry.path().string());
    if (!load.diagnosis || load.diagnosis->questionnaire != qn.id) continue;
    std::vector<Diagnostic> problems = CheckDiagnosis(*load.diagnosis, qn);
    if (!problems.empty()) return Status::InvalidArgument(problems[0].ToString());
    return std::optional<Diagnosis>(std::move(*load.diagnosis));
  }
  return std::optional<Diagnosis>();
}

}  // namespace

Result<std::unique_ptr<WebApp>> WebApp::Create(const ServerConfig& config, const Clock& clock) {
  ServerConfig c = config;
  if (c.data_dir.empty()) c.data_dir = DataDir();
  CHOSA_ASSIGN_OR_RETURN(std::unique_ptr<TemplateSet> templates,
                         TemplateSet::Load(c.data_dir + "/templates"));
  CHOSA_ASSIGN_OR_RETURN(Vault vault, Vault::OpenOrCreate(c.KeyFile()));
  std::unique_ptr<WebApp> app(new WebApp(c, clock, std::move(templates), std::move(vault)));
  for (const ServedSurvey& s : c.surveys) {
    CHOSA_ASSIGN_OR_RETURN(std::string path, ResolveQuestionnairePath(s.questionnaire));
    CHOSA_ASSIGN_OR_RETURN(Questionnaire qn, LoadQuestionnaire(path));
    CHOSA_RETURN_IF_ERROR(RegisterQuestionnaire(app->Db(), qn));
    Served served;
    served.open_link = s.open_link;
    std::string id = qn.id;
    served.questionnaire = std::make_unique<Questionnaire>(std::move(qn));
    served.pages = PageCache::Build(*app->templates_, *served.questionnaire);
    CHOSA_ASSIGN_OR_RETURN(served.diagnosis, DiagnosisFor(c.data_dir, *served.questionnaire));
    app->served_.emplace(id, std::move(served));
  }
  return app;
}

Storage& WebApp::Db() const {
  // One connection per thread and app (SQLite connections are used by one thread at a time).
  thread_local std::map<uint64_t, std::unique_ptr<Storage>> connections;
  std::unique_ptr<Storage>& db = connections[id_];
  if (!db) {
    Result<std::unique_ptr<Storage>> opened = OpenStorage(config_.database);
    if (!opened.ok()) throw std::runtime_error(opened.status().ToString());  // request abandoned
    db = std::move(opened).value();
  }
  return *db;
}

const WebApp::Served* WebApp::FindServed(const std::string& survey_id) const {
  auto it = served_.find(survey_id);
  return it == served_.end() ? nullptr : &it->second;
}

HttpResponse WebApp::Handle(const HttpRequest& request) const {
  auto start = std::chrono::steady_clock::now();
  HttpResponse response;
  try {
    if (request.body.size() > static_cast<size_t>(config_.max_body_kib) * 1024) {
      response = Message(413, "送信内容が大きすぎます",
                         "一度に送信できる量を超えました。記述を短くしてお試しください。");
    } else {
      response = Route(request);
    }
  } catch (const std::exception& e) {
    // The request is abandoned; the log says why, the client sees no internals.
    std::cerr << "chosa serve: error: " << e.what() << "\n";
    response = Message(500, "エラー",
                       "サーバーで問題が発生しました。しばらくしてからもう一度お試しください。");
  }
  AddSecurityHeaders(&response);
  double ms =
      std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
  if (response.status >= 500) {
    std::cerr << fmt::format("{} {} {} {:.1f}ms\n", request.method, LoggablePath(request.path),
                             response.status, ms);
  }
  return response;
}

HttpResponse WebApp::Route(const HttpRequest& r) const {
  const std::string& p = r.path;
  bool get = r.method == "GET" || r.method == "HEAD";
  bool post = r.method == "POST";
  std::vector<std::string_view> parts;
  for (std::string_view s : Split(p, '/')) {
    if (!s.empty()) parts.push_back(s);
  }
  if (parts.empty() && get) return Index();
  if (!parts.empty() && parts[0] == "admin") return AdminRoute(r, parts);
  if (!parts.empty() && parts[0] == "vendor") return VendorRoute(r, parts);
  if (parts.size() >= 2 && parts[0] == "c") {
    std::string code(parts[1]);
    if (parts.size() == 2 && get) return CustomerLanding(r, code);
    if (parts.size() == 3 && parts[2] == "start" && post) return CustomerStart(r, code);
  }
  if (parts.size() == 1 && parts[0] == "classify" && get) return ClassifyPage(r);
  if (parts.size() == 2 && parts[0] == "static" && get) return Static(std::string(parts[1]));
  if (parts.size() == 3 && parts[0] == "static" && parts[1] == "vendor" && get)
    return Vendor(std::string(parts[2]));
  if (parts.size() >= 2 && parts[0] == "s") {
    std::string survey(parts[1]);
    if (parts.size() == 2 && get) return OpenLanding(survey);
    if (parts.size() == 3 && parts[2] == "start" && post) return StartOpen(r, survey);
  }
  if (parts.size() >= 2 && parts[0] == "d" && FindServed(std::string(parts[1])) != nullptr &&
      FindServed(std::string(parts[1]))->diagnosis) {
    std::string survey(parts[1]);
    if (parts.size() == 2 && get) return ResultCodeForm(survey);
    if (parts.size() == 3 && parts[2] == "history" && post)
      return ResultCodeAction(r, survey, false);
    if (parts.size() == 3 && parts[2] == "retake" && post) return ResultCodeAction(r, survey, true);
  }
  if (parts.size() >= 2 && parts[0] == "i") {
    std::string code(parts[1]);
    if (parts.size() == 2 && get) return InvitationLanding(r, code);
    if (parts.size() == 3 && parts[2] == "start" && post) return StartInvitation(r, code);
  }
  if (parts.size() == 2 && parts[0] == "a") {
    std::string_view what = parts[1];
    if (what == "review" && get) return Review(r);
    if (what == "submit" && post) return Submit(r);
    if (what == "done" && get) return Done(r);
    if (what == "copy" && get) return Copy(r);
    if (what == "result.pdf" && get) {
      if (std::optional<HttpResponse> limited = PdfLimit(r)) return *limited;
      return ResultPdf(r);
    }
    int page = 0;
    auto [ptr, ec] = std::from_chars(what.data(), what.data() + what.size(), page);
    if (ec == std::errc() && ptr == what.data() + what.size() && page >= 1) {
      if (get) return ShowPage(r, page);
      if (post) return SavePage(r, page);
    }
  }
  if (!get && !post) {
    HttpResponse m = Message(405, "許可されていない操作", "この操作はできません。");
    return m;
  }
  return Message(404, "ページが見つかりません", "URL をご確認ください。");
}

HttpResponse WebApp::Page(const std::string& name, const View& view, const std::string& title,
                          int status) const {
  HttpResponse r;
  r.status = status;
  r.body = templates_->RenderPage(name, view, title);
  return r;
}

HttpResponse WebApp::PageWithPreSession(const std::string& name, View view,
                                        const std::string& title, int status) const {
  std::string pre = RandomToken(16);
  view.set("csrf", pre);
  HttpResponse r = Page(name, view, title, status);
  r.headers.emplace_back("Set-Cookie", PreSessionCookie(pre, config_.secure_cookies));
  return r;
}

HttpResponse WebApp::Html(std::string body, int status) {
  HttpResponse r;
  r.status = status;
  r.body = std::move(body);
  return r;
}

HttpResponse WebApp::Message(int status, const std::string& title, const std::string& text) const {
  View v;
  v.set("heading", title);
  v.set("text", text);
  return Page("message", v, title, status);
}

HttpResponse WebApp::Static(const std::string& name) const {
  if (!SafeFileName(name)) return Message(404, "ページが見つかりません", "URL をご確認ください。");
  Result<std::string> body = ReadFile(config_.data_dir + "/static/" + name);
  if (!body.ok()) return Message(404, "ページが見つかりません", "URL をご確認ください。");
  HttpResponse r;
  r.content_type = ContentType(name);
  r.body = std::move(body).value();
  r.headers.emplace_back("Cache-Control", "public, max-age=3600");
  return r;
}

HttpResponse WebApp::Vendor(const std::string& name) const {
  // Front-end libraries installed from npm (data/vendor/package.json), by fixed name only.
  static const std::map<std::string, std::string> kFiles = {
      {"chart.umd.min.js", "node_modules/chart.js/dist/chart.umd.min.js"},
  };
  auto it = kFiles.find(name);
  Result<std::string> body = it == kFiles.end()
                                 ? Result<std::string>(Status::NotFound(name))
                                 : ReadFile(config_.data_dir + "/vendor/" + it->second);
  if (!body.ok()) return Message(404, "ページが見つかりません", "URL をご確認ください。");
  HttpResponse r;
  r.content_type = ContentType(name);
  r.body = std::move(body).value();
  r.headers.emplace_back("Cache-Control", "public, max-age=86400");
  return r;
}

HttpResponse WebApp::Index() const {
  View v;
  View list{View::type::list};
  for (const auto& [id, s] : served_) {
    if (!s.open_link) continue;
    View item;
    item.set("title", s.questionnaire->title);
    item.set("href", "/s/" + id);
    list.push_back(item);
  }
  v.set("surveys", list);
  return Page("index", v, "chosa 調査");
}

View WebApp::LandingView(const Questionnaire& qn, const std::string& action, bool resume) const {
  View v;
  v.set("title", qn.title);
  v.set("organization", qn.organization);
  v.set("introduction_html", MarkdownToHtml(qn.introduction));
  v.set("action", action);
  v.set("resume", resume);
  return v;
}

HttpResponse WebApp::OpenLanding(const std::string& survey_id) const {
  const Served* s = FindServed(survey_id);
  if (s == nullptr || !s->open_link)
    return Message(404, "調査が見つかりません", "URL をご確認ください。");
  View v = LandingView(*s->questionnaire, "/s/" + survey_id + "/start", false);
  return PageWithPreSession("landing", std::move(v), s->questionnaire->title);
}

HttpResponse WebApp::InvitationLanding(const HttpRequest& request, const std::string& code) const {
  int64_t now = NowSeconds();
  if (limiter_->Blocked(request.remote, now)) {
    return Message(429, "しばらくお待ちください",
                   "短時間に多くの誤ったリンクが開かれました。10分ほどしてからお試しください。");
  }
  Result<std::optional<InvitationRecord>> inv = Db().FindInvitation(HashToken(code));
  if (!inv.ok()) throw std::runtime_error(inv.status().ToString());
  const Served* s = inv->has_value() ? FindServed((*inv)->survey_id) : nullptr;
  if (s == nullptr) {
    limiter_->Fail(request.remote, now);
    return Message(404, "リンクが正しくありません",
                   "お送りした回答用リンクをもう一度ご確認ください。");
  }
  std::string key = fmt::format("inv-{}", (*inv)->invitation_id);
  Result<std::optional<ResponseRecord>> existing = Db().GetResponse((*inv)->survey_id, key, false);
  if (!existing.ok()) throw std::runtime_error(existing.status().ToString());
  bool complete = existing->has_value() && (*existing)->status == ResponseStatus::kComplete;
  View v =
      LandingView(*s->questionnaire, "/i/" + code + "/start", existing->has_value() && !complete);
  v.set("complete", complete);
  return PageWithPreSession("landing", std::move(v), s->questionnaire->title);
}

HttpResponse WebApp::StartOpen(const HttpRequest& request, const std::string& survey_id) const {
  const Served* s = FindServed(survey_id);
  if (s == nullptr || !s->open_link)
    return Message(404, "調査が見つかりません", "URL をご確認ください。");
  return Start(request, survey_id, "web-" + RandomToken(12));
}

HttpResponse WebApp::StartInvitation(const HttpRequest& request, const std::string& code) const {
  Result<std::optional<InvitationRecord>> inv = Db().FindInvitation(HashToken(code));
  if (!inv.ok()) throw std::runtime_error(inv.status().ToString());
  if (!inv->has_value() || FindServed((*inv)->survey_id) == nullptr) {
    limiter_->Fail(request.remote, NowSeconds());
    return Message(404, "リンクが正しくありません",
                   "お送りした回答用リンクをもう一度ご確認ください。");
  }
  return Start(request, (*inv)->survey_id, fmt::format("inv-{}", (*inv)->invitation_id));
}

HttpResponse WebApp::Start(const HttpRequest& request, const std::string& survey_id,
                           const std::string& respondent_key) const {
  if (!FormTokenMatches(request.body, CookieValue(request.cookie, kPreSessionCookie))) {
    return Message(403, "もう一度お試しください",
                   "ページの有効期限が切れました。最初のページから開き直してください。");
  }
  const Questionnaire& qn = *FindServed(survey_id)->questionnaire;
  Result<std::optional<ResponseRecord>> existing =
      Db().GetResponse(survey_id, respondent_key, false);
  if (!existing.ok()) throw std::runtime_error(existing.status().ToString());
  int page = 1;
  if (existing->has_value()) {
    if ((*existing)->status == ResponseStatus::kComplete) {
      page = 0;  // answered: the session may still show the copy
    } else {
      page = std::max(1, (*existing)->progress);
    }
  } else {
    ResponseRecord r;
    r.survey_id = survey_id;
    r.survey_version = qn.version;
    r.respondent_key = respondent_key;
    r.status = ResponseStatus::kInProgress;
    r.channel = Channel::kWeb;
    Answers empty(qn.questions.size());
    r.answers = EncodeAnswers(qn, empty, AnswerPart::kSurvey);
    r.progress = 1;
    std::lock_guard<std::mutex> lock(write_mu_);
    Result<std::unique_ptr<Transaction>> txn = Db().Begin();
    if (!txn.ok()) throw std::runtime_error(txn.status().ToString());
    Result<int64_t> id = (*txn)->InsertResponse(r);
    if (!id.ok()) throw std::runtime_error(id.status().ToString());
    Status committed = (*txn)->Commit();
    if (!committed.ok()) throw std::runtime_error(committed.ToString());
  }
  std::string token = RandomToken();
  SessionRecord session{HashToken(token), "respondent",
                        survey_id,        respondent_key,
                        RandomToken(16),  NowSeconds() + int64_t{config_.session_hours} * 3600};
  Status put = Db().PutSession(session);
  if (!put.ok()) throw std::runtime_error(put.ToString());
  HttpResponse r = HttpResponse::Redirect(page == 0 ? "/a/done" : fmt::format("/a/{}", page));
  r.headers.emplace_back("Set-Cookie", SessionCookie(token, config_.session_hours * 3600));
  return r;
}

std::optional<std::string> WebApp::LinkBase(const HttpRequest& request) const {
  std::string base = config_.public_url;
  if (base.empty()) {
    if (!SafeHost(request.host)) return std::nullopt;
    base = (request.secure || config_.secure_cookies ? "https://" : "http://") + request.host;
  }
  while (base.ends_with('/')) base.pop_back();
  return base;
}

std::string WebApp::SessionCookie(const std::string& token, int max_age_seconds) const {
  return RespondentCookie(token, max_age_seconds, config_.secure_cookies);
}

}  // namespace chosa::web
