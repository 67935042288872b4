// The administrator console of WebApp: login with Argon2id passwords, the survey dashboard
// (responses by status and day, completion, drop-off by page, live simple tallies) and the
// audit log. Personal data never appears on these pages.
#include <fmt/format.h>

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

struct WebApp::Admin {
  SessionRecord session;
  UserRecord user;
  bool is_admin() const { return user.role == "admin"; }
};

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

void Check(const Status& s) {
  if (!s.ok()) throw std::runtime_error(s.ToString());  // the request is abandoned (500)
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

Result<std::unique_ptr<WebApp::Admin>> WebApp::LoadAdmin(const HttpRequest& request) const {
  std::string token = CookieValue(request.cookie, kAdminCookie);
  if (token.empty()) return Status::NotFound("no admin session");
  CHOSA_ASSIGN_OR_RETURN(std::optional<SessionRecord> session,
                         Db().GetSession(HashToken(token), NowSeconds()));
  if (!session || session->kind != "admin") return Status::NotFound("no admin session");
  CHOSA_ASSIGN_OR_RETURN(std::optional<UserRecord> user, Db().GetUser(session->subject));
  if (!user) return Status::NotFound("account removed");
  auto admin = std::make_unique<Admin>();
  admin->session = std::move(*session);
  admin->user = std::move(*user);
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
    Result<FormData> form = FormData::Parse(r.body);
    if (!form.ok() || !ConstantTimeEquals(form->Get("_csrf"), (*admin)->session.csrf_token)) {
      return Message(403, "もう一度お試しください",
                     "ページの有効期限が切れたか、別の画面から送信されました。");
    }
    if (parts.size() == 2 && parts[1] == "logout") return AdminLogout(r);
  }
  if (get && parts.size() == 1) return AdminIndex(**admin);
  if (get && parts.size() == 3 && parts[1] == "s")
    return AdminSurvey(**admin, std::string(parts[2]));
  if (get && parts.size() == 2 && parts[1] == "audit") {
    if (!(*admin)->is_admin())
      return Message(403, "権限がありません", "この画面は管理者だけが見られます。");
    return AdminAudit(**admin);
  }
  return Message(404, "ページが見つかりません", "URL をご確認ください。");
}

HttpResponse WebApp::AdminLoginForm(const std::string& message, int status) const {
  View v;
  std::string pre = RandomToken(16);
  v.set("csrf", pre);
  if (!message.empty()) v.set("message", message);
  HttpResponse r = Page("admin_login", v, "管理画面ログイン", status);
  r.headers.emplace_back("Set-Cookie", PreSessionCookie(pre, config_.secure_cookies));
  return r;
}

HttpResponse WebApp::AdminLogin(const HttpRequest& request) const {
  int64_t now = NowSeconds();
  Result<FormData> form = FormData::Parse(request.body);
  if (!form.ok() ||
      !ConstantTimeEquals(form->Get("_csrf"), CookieValue(request.cookie, kPreSessionCookie))) {
    return AdminLoginForm("ページの有効期限が切れました。もう一度ログインしてください。", 403);
  }
  std::string name(form->Get("user"));
  std::string by_user = "user:" + LoggedUserName(name);
  if (limiter_->Blocked(request.remote, now) || limiter_->Blocked(by_user, now)) {
    return AdminLoginForm(
        "ログインの失敗が続いたため、しばらくログインできません。10分ほどしてからお試しください。",
        429);
  }
  Result<std::optional<UserRecord>> user = Db().GetUser(name);
  if (!user.ok()) throw std::runtime_error(user.status().ToString());
  bool ok = VerifyPassword(user->has_value() ? (*user)->password_hash : DummyPasswordHash(),
                           form->Get("password")) &&
            user->has_value();
  if (!ok) {
    limiter_->Fail(request.remote, now);
    limiter_->Fail(by_user, now);
    Audit(LoggedUserName(name), "login-failed", request.remote);
    return AdminLoginForm("ユーザー名またはパスワードが違います。", 403);
  }
  std::string token = RandomToken();
  Check(Db().PutSession(SessionRecord{HashToken(token), "admin", "", name, RandomToken(16),
                                      now + kAdminSessionSeconds}));
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

HttpResponse WebApp::AdminSurvey(const Admin& admin, const std::string& survey_id) const {
  const Served* served = FindServed(survey_id);
  if (served == nullptr) return Message(404, "調査が見つかりません", "URL をご確認ください。");
  const Questionnaire& qn = *served->questionnaire;
  int pages = static_cast<int>(qn.sections.size());
  int64_t complete = 0, in_progress = 0, web = 0, file = 0;
  std::map<std::string, std::pair<int64_t, int64_t>> by_day;  // date -> (started, completed)
  std::vector<int64_t> stopped(static_cast<size_t>(pages) + 2, 0);
  Check(Db().ScanResponses(survey_id, {}, [&](const ResponseRecord& r) {
    bool done = r.status == ResponseStatus::kComplete;
    (done ? complete : in_progress)++;
    (r.channel == Channel::kWeb ? web : file)++;
    std::optional<int64_t> created = ParseIso8601(r.created_at);
    auto& day = by_day[created ? FormatJst(*created).substr(0, 10) : r.created_at.substr(0, 10)];
    ++day.first;
    if (done) ++day.second;
    if (!done) stopped[std::clamp(r.progress, 1, pages + 1)]++;
    return Status::Ok();
  }));
  View v;
  v.set("survey_id", survey_id);
  v.set("now", FormatJst(clock_.NowMicros()));
  v.set("refresh", std::to_string(std::max(1, config_.dashboard_refresh_seconds)));
  v.set("title", qn.title);
  v.set("complete", std::to_string(complete));
  v.set("in_progress", std::to_string(in_progress));
  v.set("web", std::to_string(web));
  v.set("file", std::to_string(file));
  v.set("completion", complete + in_progress > 0
                          ? FormatPercent(complete, complete + in_progress, 1)
                          : std::string("-"));
  View days{View::type::list};
  for (const auto& [date, counts] : by_day) {
    View d;
    d.set("date", date);
    d.set("started", std::to_string(counts.first));
    d.set("completed", std::to_string(counts.second));
    days.push_back(d);
  }
  v.set("days", days);
  View dropoff{View::type::list};
  for (int p = 1; p <= pages + 1; ++p) {
    View d;
    d.set("page", p <= pages ? fmt::format("{}. {}", p, qn.sections[p - 1].title)
                             : std::string("確認画面"));
    d.set("count", std::to_string(stopped[p]));
    d.set("share",
          in_progress > 0 ? FormatPercent(stopped[p], in_progress, 1) : std::string("0.0"));
    dropoff.push_back(d);
  }
  v.set("dropoff", dropoff);

  // Live simple tallies of the completed responses.
  SurveyCatalog catalog(Db());
  Dataset data(qn);
  Check(LoadDatasetFromStorage(Db(), catalog, {}, &data));
  TallyReport report = SimpleTally(data);
  View tables{View::type::list};
  for (const Table& t : report.tables) {
    if (t.type == QuestionType::kText || t.type == QuestionType::kTextArea) continue;
    View table;
    table.set("number", t.number);
    table.set("title", t.title);
    table.set("kind", TypeName(t.type));
    table.set("base", t.bases.empty() ? std::string("0") : std::to_string(t.bases[0].n));
    View rows{View::type::list};
    nlohmann::json chart = {{"labels", nlohmann::json::array()},
                            {"values", nlohmann::json::array()}};
    for (const TableRow& row : t.rows) {
      chart["labels"].push_back(row.label);
      chart["values"].push_back(row.percents.empty() || !row.percents[0]
                                    ? nlohmann::json(nullptr)
                                    : nlohmann::json(std::round(*row.percents[0] * 10) / 10));
      View rv;
      rv.set("label", row.label);
      rv.set("n", std::to_string(row.n));
      std::string pct = DisplayPercent(t, row, 0);
      rv.set("pct", pct);
      rv.set("bar", pct == "―" || pct == "-" ? std::string("0") : pct);
      rows.push_back(rv);
    }
    table.set("rows", rows);
    if (!t.rows.empty()) table.set("chart", chart.dump());  // escaped into an attribute
    tables.push_back(table);
  }
  v.set("tables", tables);
  v.set("respondents", std::to_string(report.respondents));
  return AdminPage(admin, "admin_survey", v, qn.title);
}

HttpResponse WebApp::AdminAudit(const Admin& admin) const {
  Result<std::vector<AuditRecord>> log = Db().ListAudit(500);
  if (!log.ok()) throw std::runtime_error(log.status().ToString());
  View entries{View::type::list};
  for (const AuditRecord& a : *log) {
    View e;
    std::optional<int64_t> at = ParseIso8601(a.at);
    e.set("at", at ? FormatJst(*at) : a.at);
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
