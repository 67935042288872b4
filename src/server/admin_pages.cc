// The administrator console of WebApp: login with Argon2id passwords, the survey dashboard
// (responses by status and day, completion, drop-off by page, live simple tallies) and the
// audit log. Personal data never appears on these pages.
#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <map>
#include <nlohmann/json.hpp>

#include "base/text.h"
#include "server/failure_limiter.h"
#include "server/form.h"
#include "server/passwords.h"
#include "server/session.h"
#include "server/tokens.h"
#include "server/web_app.h"
#include "storage/survey_catalog.h"
#include "tabulation/dataset_builder.h"
#include "tabulation/output/display.h"
#include "tabulation/simple_tally.h"

namespace chosa::web {

namespace {

constexpr const char* kAdminCookie = "chosa_admin";
constexpr int kAdminSessionSeconds = 8 * 3600;

std::string AdminCookie(const std::string& token, int max_age, bool secure) {
  return fmt::format("{}={}; Path=/admin; Max-Age={}; HttpOnly; SameSite=Strict{}", kAdminCookie,
                     token, max_age, secure ? "; Secure" : "");
}

// A user name as typed on the login form, bounded for the audit log.
std::string LoggedUserName(std::string_view name) {
  if (!IsValidUtf8(name)) return "(不正な文字列)";
  if (name.size() <= 64) return std::string(name);
  size_t end = 64;
  while (end > 0 && (static_cast<unsigned char>(name[end]) & 0xC0) == 0x80) --end;
  return std::string(name.substr(0, end)) + "…";
}

}  // namespace

void WebApp::Audit(const std::string& user, const std::string& action,
                   const std::string& detail) const {
  Status s;
  {
    std::lock_guard<std::mutex> lock(write_mu_);
    s = Db().AppendAudit(AuditRecord{"", user, action, detail});
  }
  Check(s);  // an action that cannot be audited is not done
}

HttpResponse WebApp::Download(std::string body, const std::string& content_type,
                              const std::string& filename) {
  HttpResponse r;
  r.content_type = content_type;
  r.body = std::move(body);
  r.headers.emplace_back("Content-Disposition", "attachment; filename=\"" + filename + "\"");
  r.headers.emplace_back("Cache-Control", "no-store");
  return r;
}

Status WebApp::LoadAccount(const HttpRequest& request, const char* cookie, std::string_view kind,
                           std::initializer_list<std::string_view> roles, SessionRecord* session,
                           UserRecord* user) const {
  std::string token = CookieValue(request.cookie, cookie);
  if (token.empty()) return Status::NotFound("no session");
  CHOSA_ASSIGN_OR_RETURN(std::optional<SessionRecord> found,
                         Db().GetSession(HashToken(token), NowSeconds()));
  if (!found || found->kind != kind) return Status::NotFound("no session");
  CHOSA_ASSIGN_OR_RETURN(std::optional<UserRecord> account, Db().GetUser(found->subject));
  if (!account || std::find(roles.begin(), roles.end(), account->role) == roles.end())
    return Status::NotFound("account removed or changed");
  *session = std::move(*found);
  *user = std::move(*account);
  return Status::Ok();
}

Result<std::unique_ptr<WebApp::Admin>> WebApp::LoadAdmin(const HttpRequest& request) const {
  auto admin = std::make_unique<Admin>();
  CHOSA_RETURN_IF_ERROR(LoadAccount(request, kAdminCookie, "admin", {"admin", "analyst"},
                                    &admin->session, &admin->user));
  return admin;
}

HttpResponse WebApp::AdminRoute(const HttpRequest& r,
                                const std::vector<std::string_view>& parts) const {
  bool get = r.method == "GET" || r.method == "HEAD";
  bool post = r.method == "POST";
  if (parts.size() == 2 && parts[1] == "login") {
    if (get) return AdminLoginForm();
    if (post) return AdminLogin(r);
  }
  Result<std::unique_ptr<Admin>> admin = LoadAdmin(r);
  if (!admin.ok()) return HttpResponse::Redirect("/admin/login");
  if (post) {
    if (!FormTokenMatches(r.body, (*admin)->session.csrf_token)) {
      return Message(403, "もう一度お試しください",
                     "ページの有効期限が切れたか、別の画面から送信されました。");
    }
    if (parts.size() == 2 && parts[1] == "logout") return AdminLogout(r);
  }
  if (get && parts.size() == 1) return AdminIndex(**admin);
  if (parts.size() >= 3 && parts[1] == "s") {
    const Served* served = FindServed(std::string(parts[2]));
    if (served == nullptr) return Message(404, "調査が見つかりません", "URL をご確認ください。");
    return AdminSurveyRoute(r, **admin, *served, parts);
  }
  if (get && parts.size() == 2 && parts[1] == "audit") {
    if (!(*admin)->is_admin())
      return Message(403, "権限がありません", "この画面は管理者だけが見られます。");
    return AdminAudit(**admin);
  }
  return Message(404, "ページが見つかりません", "URL をご確認ください。");
}

// /admin/s/<survey>[/<page>]: POST forms have passed the CSRF check in AdminRoute.
HttpResponse WebApp::AdminSurveyRoute(const HttpRequest& r, const Admin& admin,
                                      const Served& served,
                                      const std::vector<std::string_view>& parts) const {
  bool get = r.method == "GET" || r.method == "HEAD";
  std::string_view page = parts.size() == 4 ? parts[3] : std::string_view();
  if (parts.size() > 4) page = "?";
  auto admins_only = [&] {
    return Message(403, "権限がありません", "この操作は管理者だけができます。");
  };
  if (get) {
    if (page.empty()) return AdminSurvey(admin, served);
    if (page == "cross") return AdminCross(admin, served);
    if (page == "invitations") return AdminInvitations(r, admin, served);
    if (page == "invitations.csv") return AdminInvitationsCsv(admin, served);
    if (page == "responses") return AdminResponses(r, admin, served);
    if (page == "response") return AdminResponse(r, admin, served);
    if (page == "answers.csv") return AdminExport(admin, served, false);
    if (page == "answers.xlsx") return AdminExport(admin, served, true);
    if (page == "respondents.csv")
      return admin.is_admin() ? AdminRespondents(admin, served) : admins_only();
  } else if (r.method == "POST" && page == "invitations") {
    return admin.is_admin() ? AdminCreateInvitations(r, admin, served) : admins_only();
  }
  return Message(404, "ページが見つかりません", "URL をご確認ください。");
}

HttpResponse WebApp::AdminLoginForm(const std::string& message, int status) const {
  View v;
  if (!message.empty()) v.set("message", message);
  v.set("heading", std::string("管理画面ログイン"));
  v.set("action", std::string("/admin/login"));
  return PageWithPreSession("login", std::move(v), "管理画面ログイン", status);
}

WebApp::LoginOutcome WebApp::CheckLogin(const HttpRequest& request,
                                        std::initializer_list<std::string_view> roles) const {
  int64_t now = NowSeconds();
  Result<FormData> form = FormData::Parse(request.body);
  if (!form.ok() ||
      !ConstantTimeEquals(form->Get("_csrf"), CookieValue(request.cookie, kPreSessionCookie))) {
    return {std::nullopt, "ページの有効期限が切れました。もう一度ログインしてください。", 403};
  }
  std::string name(form->Get("user"));
  std::string by_user = "user:" + LoggedUserName(name);
  if (limiter_->Blocked(request.remote, now) || limiter_->Blocked(by_user, now)) {
    return {
        std::nullopt,
        "ログインの失敗が続いたため、しばらくログインできません。10分ほどしてからお試しください。",
        429};
  }
  Result<std::optional<UserRecord>> user = Db().GetUser(name);
  if (!user.ok()) throw std::runtime_error(user.status().ToString());
  bool ok = VerifyPassword(user->has_value() ? (*user)->password_hash : DummyPasswordHash(),
                           form->Get("password")) &&
            user->has_value() &&
            std::find(roles.begin(), roles.end(), (*user)->role) != roles.end();
  if (!ok) {
    limiter_->Fail(request.remote, now);
    limiter_->Fail(by_user, now);
    Audit(LoggedUserName(name), "login-failed", request.remote);
    return {std::nullopt, "ユーザー名またはパスワードが違います。", 403};
  }
  return {std::move(*user), "", 200};
}

HttpResponse WebApp::AdminLogin(const HttpRequest& request) const {
  LoginOutcome login = CheckLogin(request, {"admin", "analyst"});
  if (!login.user) return AdminLoginForm(login.message, login.status);
  const std::string& name = login.user->user_name;
  std::string token = RandomToken();
  Check(Db().PutSession(SessionRecord{HashToken(token), "admin", "", name, RandomToken(16),
                                      NowSeconds() + kAdminSessionSeconds}));
  Audit(name, "login", request.remote);
  HttpResponse r = HttpResponse::Redirect("/admin");
  r.headers.emplace_back("Set-Cookie",
                         AdminCookie(token, kAdminSessionSeconds, config_.secure_cookies));
  return r;
}

HttpResponse WebApp::AdminLogout(const HttpRequest& request) const {
  std::string token = CookieValue(request.cookie, kAdminCookie);
  Result<std::unique_ptr<Admin>> admin = LoadAdmin(request);
  Check(Db().DeleteSession(HashToken(token)));
  if (admin.ok()) Audit((*admin)->user.user_name, "logout", "");
  HttpResponse r = HttpResponse::Redirect("/admin/login");
  r.headers.emplace_back("Set-Cookie", AdminCookie("", 0, config_.secure_cookies));
  return r;
}

HttpResponse WebApp::AdminPage(const Admin& admin, const std::string& name, View view,
                               const std::string& title, int status) const {
  view.set("user", admin.user.user_name);
  view.set("role", admin.is_admin() ? std::string("管理者") : std::string("分析者"));
  view.set("is_admin", admin.is_admin());
  view.set("csrf", admin.session.csrf_token);
  view.set("nav", templates_->Render("admin_nav", view));  // escapes inside; inserted raw
  return Page(name, view, title + " — chosa 管理画面", status);
}

HttpResponse WebApp::AdminSurveyPage(const Admin& admin, const Served& served,
                                     const std::string& name, View view, const std::string& title,
                                     const std::string& current) const {
  const Questionnaire& qn = *served.questionnaire;
  View tabs{View::type::list};
  const std::pair<const char*, const char*> kTabs[] = {
      {"", "集計"}, {"/cross", "クロス集計"}, {"/invitations", "招待"}, {"/responses", "回答一覧"}};
  for (const auto& [suffix, label] : kTabs) {
    View tab;
    tab.set("href", "/admin/s/" + qn.id + suffix);
    tab.set("label", std::string(label));
    tab.set("current", current == suffix);
    tabs.push_back(tab);
  }
  view.set("tabs", tabs);
  view.set("survey_id", qn.id);
  view.set("survey_title", qn.title);
  view.set("survey_nav", templates_->Render("admin_survey_nav", view));
  return AdminPage(admin, name, std::move(view),
                   title.empty() ? qn.title : title + " — " + qn.title);
}

HttpResponse WebApp::AdminIndex(const Admin& admin) const {
  View surveys{View::type::list};
  for (const auto& [id, served] : served_) {
    Result<int64_t> complete = Db().CountResponses(id, ResponseStatus::kComplete);
    Result<int64_t> all = Db().CountResponses(id, std::nullopt);
    View item;
    item.set("id", id);
    item.set("title", served.questionnaire->title);
    item.set("complete", std::to_string(complete.ok() ? *complete : 0));
    item.set("in_progress", std::to_string(all.ok() && complete.ok() ? *all - *complete : 0));
    surveys.push_back(item);
  }
  View v;
  v.set("surveys", surveys);
  return AdminPage(admin, "admin_index", v, "調査一覧");
}

HttpResponse WebApp::AdminAudit(const Admin& admin) const {
  Result<std::vector<AuditRecord>> log = Db().ListAudit(500);
  if (!log.ok()) throw std::runtime_error(log.status().ToString());
  View entries{View::type::list};
  for (const AuditRecord& a : *log) {
    View e;
    e.set("at", JstTime(a.at));
    e.set("user", a.user_name);
    e.set("action", a.action);
    e.set("detail", a.detail);
    entries.push_back(e);
  }
  View v;
  v.set("entries", entries);
  return AdminPage(admin, "admin_audit", v, "監査ログ");
}

}  // namespace chosa::web
