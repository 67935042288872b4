// IT vendors (issue 5, seed 003): a vendor account invites its customer companies to the
// self-diagnosis, one link each, and sees a portfolio — each customer's score, band and trend,
// the weakest items across its customers, who lacks the Part 1 basics — and prints an advice
// sheet per customer with the split of responsibilities to settle in the contract.
//
// Isolation: every customer is read through Storage calls scoped by the logged-in vendor
// (GetVendorCustomer(vendor, id)); another vendor's id is answered exactly like a missing one.
// A customer's identity is sealed with the vendor and link hash as associated data. Figures
// across vendors are anonymous counts and shares, shown only when they mix enough vendors.
#include <fmt/format.h>

#include <algorithm>
#include <charconv>
#include <nlohmann/json.hpp>
#include <set>

#include "base/clock.h"
#include "base/text.h"
#include "diagnosis/portfolio.h"
#include "server/diagnosis_views.h"
#include "server/failure_limiter.h"
#include "server/form.h"
#include "server/session.h"
#include "server/tokens.h"
#include "server/web_app.h"
#include "storage/survey_catalog.h"

namespace chosa::web {

struct CustomerIdentity {
  std::string name, contact, memo;
  std::string link_code;  // the code of the customer's link, to show it again
};

struct WebApp::CustomerState {
  VendorCustomerRecord record;
  CustomerIdentity identity;
  std::vector<ScoredAttempt> attempts;  // complete diagnoses, oldest first
  const ScoredAttempt* latest() const { return attempts.empty() ? nullptr : &attempts.back(); }
};

namespace {

using kainjow::mustache::list;

constexpr const char* kVendorCookie = "chosa_vendor";
constexpr int kVendorSessionSeconds = 8 * 3600;
constexpr size_t kMaxName = 100, kMaxContact = 100, kMaxMemo = 500;  // characters
constexpr size_t kWeakestShown = 8;
// Figures across vendors are shown only when they mix this many vendors and companies.
constexpr size_t kAcrossVendorsMin = 3, kAcrossCompaniesMin = 10;

std::string VendorCookie(const std::string& token, int max_age, bool secure) {
  return fmt::format("{}={}; Path=/vendor; Max-Age={}; HttpOnly; SameSite=Strict{}", kVendorCookie,
                     token, max_age, secure ? "; Secure" : "");
}

std::string SealIdentity(const Vault& vault, const CustomerIdentity& id, const std::string& vendor,
                         const std::string& link_hash) {
  nlohmann::json j = {
      {"name", id.name}, {"contact", id.contact}, {"memo", id.memo}, {"link", id.link_code}};
  return vault.Seal(j.dump(), VendorCustomerAssociated(vendor, link_hash));
}

CustomerIdentity UnsealIdentity(const Vault& vault, const VendorCustomerRecord& r) {
  Result<std::string> plain =
      vault.Unseal(r.sealed_identity, VendorCustomerAssociated(r.vendor, r.link_hash));
  CustomerIdentity id;
  if (!plain.ok()) {
    id.name = "（読み取れません: 鍵ファイルをご確認ください）";
    return id;
  }
  nlohmann::json j = nlohmann::json::parse(*plain, nullptr, false);
  if (!j.is_object()) return id;
  id.name = j.value("name", "");
  id.contact = j.value("contact", "");
  id.memo = j.value("memo", "");
  id.link_code = j.value("link", "");
  return id;
}

// The name, contact and memo typed on a customer form into `id`; what is wrong with them, in
// Japanese, or "".
std::string IdentityFromForm(const HttpRequest& request, CustomerIdentity* id) {
  Result<FormData> form = FormData::Parse(request.body);
  if (!form.ok()) return "送信内容を読み取れませんでした。";
  id->name = Trim(form->Get("name"));
  id->contact = Trim(form->Get("contact"));
  id->memo = Trim(form->Get("memo"));
  if (id->name.empty()) return "会社名を入力してください。";
  if (!IsValidUtf8(id->name) || !IsValidUtf8(id->contact) || !IsValidUtf8(id->memo))
    return "読み取れない文字が含まれています。";
  if (CodePointCount(id->name) > kMaxName || CodePointCount(id->contact) > kMaxContact ||
      CodePointCount(id->memo) > kMaxMemo) {
    return fmt::format("会社名と担当者は{}文字以内、メモは{}文字以内にしてください。", kMaxName,
                       kMaxMemo);
  }
  return "";
}

std::optional<int64_t> ParseId(std::string_view s) {
  int64_t id = 0;
  auto [ptr, ec] = std::from_chars(s.data(), s.data() + s.size(), id);
  if (ec != std::errc() || ptr != s.data() + s.size() || id <= 0) return std::nullopt;
  return id;
}

std::string Percent(size_t part, size_t whole) {
  return whole == 0 ? std::string("―")
                    : fmt::format("{:.0f}%",
                                  100.0 * static_cast<double>(part) / static_cast<double>(whole));
}

std::string Trend(const std::vector<ScoredAttempt>& attempts) {
  if (attempts.size() < 2) return "―";
  int first = attempts.front().result.total, last = attempts.back().result.total;
  return fmt::format("{}点 → {}点（{:+d}）", first, last, last - first);
}

}  // namespace

const WebApp::Served* WebApp::DiagnosisServed() const {
  for (const auto& [id, served] : served_)
    if (served.diagnosis) return &served;
  return nullptr;
}

Result<std::unique_ptr<WebApp::VendorAccount>> WebApp::LoadVendor(
    const HttpRequest& request) const {
  auto vendor = std::make_unique<VendorAccount>();
  CHOSA_RETURN_IF_ERROR(
      LoadAccount(request, kVendorCookie, "vendor", {"vendor"}, &vendor->session, &vendor->user));
  return vendor;
}

HttpResponse WebApp::VendorRoute(const HttpRequest& r,
                                 const std::vector<std::string_view>& parts) const {
  bool get = r.method == "GET" || r.method == "HEAD";
  bool post = r.method == "POST";
  if (parts.size() == 2 && parts[1] == "login") {
    if (get) return VendorLoginForm();
    if (post) return VendorLogin(r);
  }
  Result<std::unique_ptr<VendorAccount>> vendor = LoadVendor(r);
  if (!vendor.ok()) return HttpResponse::Redirect("/vendor/login");
  if (post) {
    if (!FormTokenMatches(r.body, (*vendor)->session.csrf_token)) {
      return Message(403, "もう一度お試しください",
                     "ページの有効期限が切れたか、別の画面から送信されました。");
    }
    if (parts.size() == 2 && parts[1] == "logout") return VendorLogout(r);
    if (parts.size() == 2 && parts[1] == "customers") return VendorAddCustomer(r, **vendor);
    if (parts.size() == 4 && parts[1] == "customers") {
      std::optional<int64_t> id = ParseId(parts[2]);
      if (id && parts[3] == "delete") return VendorDeleteCustomer(r, **vendor, *id);
      if (id && parts[3] == "edit") return VendorEditCustomer(r, **vendor, *id);
    }
  }
  if (get && parts.size() == 1) return VendorPortfolio(**vendor);
  if (get && parts.size() >= 3 && parts.size() <= 4 && parts[1] == "customers") {
    std::optional<int64_t> id = ParseId(parts[2]);
    if (id && parts.size() == 3) return VendorCustomer(r, **vendor, *id);
    if (id && parts[3] == "sheet") return VendorSheet(**vendor, *id, false);
    if (id && parts[3] == "sheet.pdf") {
      if (std::optional<HttpResponse> limited = PdfLimit(r)) return *limited;
      return VendorSheet(**vendor, *id, true);
    }
  }
  return Message(404, "ページが見つかりません", "URL をご確認ください。");
}

HttpResponse WebApp::VendorLoginForm(const std::string& message, int status) const {
  View v;
  if (!message.empty()) v.set("message", message);
  v.set("heading", std::string("IT ベンダー用ログイン"));
  v.set("action", std::string("/vendor/login"));
  return PageWithPreSession("login", std::move(v), "IT ベンダー用ログイン", status);
}

HttpResponse WebApp::VendorLogin(const HttpRequest& request) const {
  LoginOutcome login = CheckLogin(request, {"vendor"});
  if (!login.user) return VendorLoginForm(login.message, login.status);
  const std::string& name = login.user->user_name;
  std::string token = RandomToken();
  Check(Db().PutSession(SessionRecord{HashToken(token), "vendor", "", name, RandomToken(16),
                                      NowSeconds() + kVendorSessionSeconds}));
  Audit(name, "login", request.remote);
  HttpResponse r = HttpResponse::Redirect("/vendor");
  r.headers.emplace_back("Set-Cookie",
                         VendorCookie(token, kVendorSessionSeconds, config_.secure_cookies));
  return r;
}

HttpResponse WebApp::VendorLogout(const HttpRequest& request) const {
  Result<std::unique_ptr<VendorAccount>> vendor = LoadVendor(request);
  Check(Db().DeleteSession(HashToken(CookieValue(request.cookie, kVendorCookie))));
  if (vendor.ok()) Audit((*vendor)->user.user_name, "logout", "");
  HttpResponse r = HttpResponse::Redirect("/vendor/login");
  r.headers.emplace_back("Set-Cookie", VendorCookie("", 0, config_.secure_cookies));
  return r;
}

HttpResponse WebApp::VendorPage(const VendorAccount& vendor, const std::string& name, View view,
                                const std::string& title, int status) const {
  view.set("user", vendor.user.user_name);
  view.set("csrf", vendor.session.csrf_token);
  view.set("nav", templates_->Render("vendor_nav", view));  // escapes inside; inserted raw
  return Page(name, view, title + " — chosa IT ベンダー", status);
}

WebApp::CustomerState WebApp::CustomerStateOf(VendorCustomerRecord record,
                                              SurveyCatalog& catalog) const {
  const Served* served = DiagnosisServed();
  CustomerState c;
  c.identity = UnsealIdentity(vault_, record);
  if (served != nullptr && record.survey_id == served->questionnaire->id) {
    Result<std::vector<ScoredAttempt>> attempts = CompletedAttempts(
        Db(), catalog, *served->questionnaire, *served->diagnosis, record.code_hash);
    Check(attempts.status());
    c.attempts = std::move(*attempts);
  }
  c.record = std::move(record);
  return c;
}

std::vector<WebApp::CustomerState> WebApp::VendorCustomers(const VendorAccount& vendor) const {
  Result<std::vector<VendorCustomerRecord>> records =
      Db().ListVendorCustomers(vendor.user.user_name);
  Check(records.status());
  std::vector<CustomerState> customers;
  SurveyCatalog catalog(Db());
  for (VendorCustomerRecord& record : *records)
    customers.push_back(CustomerStateOf(std::move(record), catalog));
  return customers;
}

std::optional<WebApp::CustomerState> WebApp::OwnCustomer(const VendorAccount& vendor,
                                                         int64_t customer_id) const {
  Result<std::optional<VendorCustomerRecord>> record =
      Db().GetVendorCustomer(vendor.user.user_name, customer_id);
  Check(record.status());
  if (!record->has_value() || DiagnosisServed() == nullptr) return std::nullopt;
  SurveyCatalog catalog(Db());
  return CustomerStateOf(std::move(**record), catalog);
}

std::optional<VendorCustomerRecord> WebApp::LinkedCustomer(const std::string& code) const {
  Result<std::optional<VendorCustomerRecord>> customer =
      Db().FindVendorCustomerByLink(HashToken(code));
  Check(customer.status());
  const Served* s = customer->has_value() ? FindServed((*customer)->survey_id) : nullptr;
  if (s == nullptr || !s->diagnosis) return std::nullopt;
  return std::move(*customer);
}

WebApp::AcrossVendors WebApp::AcrossAllVendors(const Served& served) const {
  Result<std::vector<VendorCustomerCode>> codes =
      Db().VendorCustomerCodes(served.questionnaire->id);
  Check(codes.status());
  AcrossVendors all;
  std::set<std::string> vendors;
  SurveyCatalog catalog(Db());
  for (const VendorCustomerCode& code : *codes) {
    Result<std::vector<ScoredAttempt>> attempts =
        CompletedAttempts(Db(), catalog, *served.questionnaire, *served.diagnosis, code.code_hash);
    Check(attempts.status());
    if (attempts->empty()) continue;
    vendors.insert(code.vendor);
    all.latest.push_back(std::move(attempts->back()));
  }
  all.vendors = vendors.size();
  return all;
}

HttpResponse WebApp::VendorPortfolio(const VendorAccount& vendor, const std::string& message,
                                     int status) const {
  const Served* served = DiagnosisServed();
  View v;
  if (!message.empty()) v.set("message", message);
  if (served == nullptr) {
    v.set("no_diagnosis", true);
    return VendorPage(vendor, "vendor_portfolio", v, "顧客一覧", status);
  }
  const Diagnosis& d = *served->diagnosis;
  std::vector<CustomerState> customers = VendorCustomers(vendor);

  list rows, lacking;
  std::vector<const DiagnosisResult*> latest;
  std::map<std::string, int> by_band;
  int sum = 0;
  for (const CustomerState& c : customers) {
    View row;
    row.set("id", std::to_string(c.record.customer_id));
    row.set("name", c.identity.name);
    row.set("contact", c.identity.contact);
    row.set("trend", Trend(c.attempts));
    if (const ScoredAttempt* a = c.latest()) {
      const DiagnosisResult& r = a->result;
      latest.push_back(&r);
      sum += r.total;
      by_band[r.band->id] += 1;
      row.set("answered", true);
      row.set("at", JstTime(a->at));
      row.set("total", std::to_string(r.total));
      row.set("band", r.band->label);
      row.set("band_id", r.band->id);
      size_t missing = r.security_action.one_star_missing.size();
      row.set("basics",
              missing == 0 ? std::string("達成") : fmt::format("未達（{}項目）", missing));
      row.set("basics_missing", missing > 0);
      if (missing > 0) {
        View lv;
        lv.set("id", std::to_string(c.record.customer_id));
        lv.set("name", c.identity.name);
        list items;
        for (const DiagnosisItem* item : r.security_action.one_star_missing)
          items.push_back(View("title", item->title));
        lv.set("items", items);
        lacking.push_back(lv);
      }
    }
    rows.push_back(row);
  }
  v.set("customers", rows);
  v.set("has_customers", !customers.empty());
  v.set("customer_count", std::to_string(customers.size()));
  v.set("answered_count", std::to_string(latest.size()));
  v.set("has_answered", !latest.empty());
  if (!latest.empty())
    v.set("mean", fmt::format("{:.1f}", static_cast<double>(sum) / latest.size()));
  list bands;
  for (const ScoreBand& b : d.bands) {
    View bv;
    bv.set("label", b.label);
    bv.set("count", std::to_string(by_band[b.id]));
    bands.push_back(bv);
  }
  v.set("bands", bands);
  v.set("lacking", lacking);
  v.set("has_lacking", !lacking.empty());

  // Across all vendors' customers: anonymous shares, when they mix enough vendors.
  AcrossVendors all = AcrossAllVendors(*served);
  std::vector<const DiagnosisResult*> all_results;
  double all_sum = 0;
  for (const ScoredAttempt& a : all.latest) {
    all_results.push_back(&a.result);
    all_sum += a.result.total;
  }
  bool across = all.vendors >= kAcrossVendorsMin && all_results.size() >= kAcrossCompaniesMin;
  std::vector<ItemShare> all_shares = ItemShares(d, all_results);
  v.set("across", across);
  if (across) {
    v.set("across_n", std::to_string(all_results.size()));
    v.set("across_vendors", std::to_string(all.vendors));
    v.set("across_mean", fmt::format("{:.1f}", all_sum / all_results.size()));
  }
  v.set("across_vendors_min", std::to_string(kAcrossVendorsMin));
  v.set("across_companies_min", std::to_string(kAcrossCompaniesMin));

  // The weakest items across this vendor's customers.
  std::vector<ItemShare> shares = ItemShares(d, latest);
  list weakest;
  for (size_t i : WeakestItems(shares)) {
    if (weakest.size() == kWeakestShown) break;
    const ItemShare& t = shares[i];
    View wv;
    wv.set("title", t.item->title);
    wv.set("part", std::to_string(t.part->number));
    wv.set("share", Percent(t.implemented, t.n));
    wv.set("count", fmt::format("{} / {}社", t.implemented, t.n));
    wv.set("mean", fmt::format("{:.1f}", t.mean_points()));
    if (across) wv.set("across_share", Percent(all_shares[i].implemented, all_shares[i].n));
    weakest.push_back(wv);
  }
  v.set("weakest", weakest);
  v.set("has_weakest", !weakest.empty());
  return VendorPage(vendor, "vendor_portfolio", v, "顧客一覧", status);
}

HttpResponse WebApp::VendorAddCustomer(const HttpRequest& request,
                                       const VendorAccount& vendor) const {
  const Served* served = DiagnosisServed();
  if (served == nullptr) return VendorPortfolio(vendor);
  CustomerIdentity id;
  std::string problem = IdentityFromForm(request, &id);
  if (!problem.empty()) return VendorPortfolio(vendor, problem, 400);

  id.link_code = RandomToken(16);
  std::string code = NewResultCode();  // shown to the customer on its result page
  ResultCodeRecord result_code;
  result_code.code_hash = HashToken(code);
  result_code.survey_id = served->questionnaire->id;
  result_code.sealed_code = vault_.Seal(code, result_code.code_hash);
  VendorCustomerRecord record;
  record.vendor = vendor.user.user_name;
  record.survey_id = served->questionnaire->id;
  record.link_hash = HashToken(id.link_code);
  record.sealed_identity = SealIdentity(vault_, id, record.vendor, record.link_hash);
  record.key_id = vault_.key_id();
  {
    std::lock_guard<std::mutex> lock(write_mu_);
    Check(Db().PutVendorCustomer(result_code, &record));
  }
  Audit(vendor.user.user_name, "customer-add", fmt::format("customer {}", record.customer_id));
  return HttpResponse::Redirect(fmt::format("/vendor/customers/{}", record.customer_id));
}

HttpResponse WebApp::VendorEditCustomer(const HttpRequest& request, const VendorAccount& vendor,
                                        int64_t customer_id) const {
  std::optional<CustomerState> c = OwnCustomer(vendor, customer_id);
  if (!c) return Message(404, "顧客が見つかりません", "URL をご確認ください。");
  CustomerIdentity id;
  std::string problem = IdentityFromForm(request, &id);
  if (!problem.empty()) return VendorCustomer(request, vendor, customer_id, problem, 400);
  id.link_code = c->identity.link_code;  // the link stays
  Status s = [&] {
    std::lock_guard<std::mutex> lock(write_mu_);
    return Db().UpdateVendorCustomerIdentity(
        vendor.user.user_name, customer_id,
        SealIdentity(vault_, id, vendor.user.user_name, c->record.link_hash), vault_.key_id());
  }();
  if (s.code() == StatusCode::kNotFound)
    return Message(404, "顧客が見つかりません", "URL をご確認ください。");
  Check(s);
  Audit(vendor.user.user_name, "customer-edit", fmt::format("customer {}", customer_id));
  return HttpResponse::Redirect(fmt::format("/vendor/customers/{}", customer_id));
}

HttpResponse WebApp::VendorDeleteCustomer(const HttpRequest& request, const VendorAccount& vendor,
                                          int64_t customer_id) const {
  Result<FormData> form = FormData::Parse(request.body);
  if (form->Get("confirm") != "yes") {
    return Message(400, "削除を確認してください",
                   "「この顧客を削除します」にチェックを入れてから削除してください。");
  }
  Status s = [&] {
    std::lock_guard<std::mutex> lock(write_mu_);
    return Db().DeleteVendorCustomer(vendor.user.user_name, customer_id);
  }();
  if (s.code() == StatusCode::kNotFound)
    return Message(404, "顧客が見つかりません", "URL をご確認ください。");
  Check(s);
  Audit(vendor.user.user_name, "customer-delete", fmt::format("customer {}", customer_id));
  return HttpResponse::Redirect("/vendor");
}

HttpResponse WebApp::VendorCustomer(const HttpRequest& request, const VendorAccount& vendor,
                                    int64_t customer_id, const std::string& message,
                                    int status) const {
  std::optional<CustomerState> c = OwnCustomer(vendor, customer_id);
  if (!c) return Message(404, "顧客が見つかりません", "URL をご確認ください。");
  const Served& served = *DiagnosisServed();
  View v;
  if (const ScoredAttempt* latest = c->latest()) {
    v = ResultView(*served.diagnosis, latest->result, 3);
    v.set("answered", true);
    v.set("at", JstTime(latest->at));
  }
  v.set("history", HistoryView(c->attempts));
  v.set("id", std::to_string(customer_id));
  v.set("name", c->identity.name);
  v.set("contact", c->identity.contact);
  v.set("memo", c->identity.memo);
  v.set("created_at", JstTime(c->record.created_at));
  std::optional<std::string> base = LinkBase(request);
  v.set("link", base.value_or("") + "/c/" + c->identity.link_code);
  if (!message.empty()) v.set("message", message);
  return VendorPage(vendor, "vendor_customer", v, c->identity.name, status);
}

HttpResponse WebApp::VendorSheet(const VendorAccount& vendor, int64_t customer_id, bool pdf) const {
  std::optional<CustomerState> c = OwnCustomer(vendor, customer_id);
  if (!c) return Message(404, "顧客が見つかりません", "URL をご確認ください。");
  const Diagnosis& d = *DiagnosisServed()->diagnosis;
  if (c->attempts.empty()) {
    return Message(404, "まだ診断の回答がありません",
                   "顧客が診断に回答すると、助言シートを作れます。");
  }
  const DiagnosisResult& r = c->latest()->result;
  View v = ResultView(d, r, 8);
  v.set("title", d.title + " 助言シート");
  v.set("customer", c->identity.name);
  v.set("contact", c->identity.contact);
  v.set("vendor", vendor.user.user_name);
  v.set("at", JstTime(c->latest()->at));
  v.set("printed", FormatJst(clock_.NowMicros()));
  v.set("history", HistoryView(c->attempts));
  v.set("responsibilities", ResponsibilitiesView(d, r));
  v.set("support_measures", SupportView(d));
  Audit(vendor.user.user_name, pdf ? "sheet-pdf" : "sheet",
        fmt::format("customer {}", customer_id));
  return SheetResponse(std::move(v), c->identity.name + " 様 助言シート", pdf,
                       fmt::format("advice-sheet-{}.pdf", customer_id));
}

HttpResponse WebApp::CustomerLanding(const HttpRequest& request, const std::string& code) const {
  int64_t now = NowSeconds();
  if (limiter_->Blocked(request.remote, now)) {
    return Message(429, "しばらくお待ちください",
                   "短時間に多くの誤ったリンクが開かれました。10分ほどしてからお試しください。");
  }
  std::optional<VendorCustomerRecord> customer = LinkedCustomer(code);
  if (!customer) {
    limiter_->Fail(request.remote, now);
    return Message(404, "リンクが正しくありません", "受け取ったリンクをもう一度ご確認ください。");
  }
  const Questionnaire& qn = *FindServed(customer->survey_id)->questionnaire;
  View v = LandingView(qn, "/c/" + code + "/start", false);
  v.set("shared_with_vendor", true);
  return PageWithPreSession("landing", std::move(v), qn.title);
}

HttpResponse WebApp::CustomerStart(const HttpRequest& request, const std::string& code) const {
  std::optional<VendorCustomerRecord> customer = LinkedCustomer(code);
  if (!customer) {
    limiter_->Fail(request.remote, NowSeconds());
    return Message(404, "リンクが正しくありません", "受け取ったリンクをもう一度ご確認ください。");
  }
  // Resume the last answer under the link when it is unfinished; otherwise a new diagnosis.
  Result<std::vector<std::string>> keys = Db().ResultCodeResponses(customer->code_hash);
  Check(keys.status());
  std::string key;
  if (!keys->empty()) {
    Result<std::optional<ResponseRecord>> last =
        Db().GetResponse(customer->survey_id, keys->back(), false);
    Check(last.status());
    if (last->has_value() && (*last)->status == ResponseStatus::kInProgress) key = keys->back();
  }
  bool fresh = key.empty();
  if (fresh) key = "web-" + RandomToken(12);
  HttpResponse started = Start(request, customer->survey_id, key);
  if (started.status == 303 && fresh) {
    Result<std::optional<ResultCodeRecord>> result_code = Db().FindResultCode(customer->code_hash);
    Check(result_code.status());
    std::lock_guard<std::mutex> lock(write_mu_);
    Check(Db().LinkResultCode(**result_code, key));
  }
  return started;
}

}  // namespace chosa::web
