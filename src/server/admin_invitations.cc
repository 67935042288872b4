// Invitations in the administrator console: the state of every invitation by label, new codes
// as a mail-merge CSV (shown only in that download; the database keeps hashes), and the state
// list as a CSV.
#include <fmt/format.h>

#include <charconv>
#include <map>

#include "base/encoding.h"
#include "base/text.h"
#include "exchange/csv_writer.h"
#include "server/form.h"
#include "server/invitations.h"
#include "server/web_app.h"
#include "tabulation/simple_tally.h"

namespace chosa::web {
namespace {

constexpr int kPageSize = 100;
constexpr int kMaxCreate = 10000;  // per request from the console (the CLI allows more)
constexpr size_t kMaxLabel = 100;  // characters

int PageNumber(const HttpRequest& request) {
  Result<FormData> query = FormData::Parse(request.query);
  if (!query.ok()) return 1;
  std::string_view v = query->Get("page");
  int page = 1;
  auto [ptr, ec] = std::from_chars(v.data(), v.data() + v.size(), page);
  return ec == std::errc() && ptr == v.data() + v.size() && page >= 1 ? page : 1;
}

}  // namespace

HttpResponse WebApp::AdminInvitations(const HttpRequest& request, const Admin& admin,
                                      const Served& served, const std::string& message,
                                      int status) const {
  const Questionnaire& qn = *served.questionnaire;
  Result<std::vector<InvitationStatus>> list = ListInvitationStatus(Db(), qn.id);
  Check(list.status());
  struct Counts {
    int64_t total = 0, by_state[3] = {0, 0, 0};
  };
  std::map<std::string, Counts> by_label;
  Counts all;
  for (const InvitationStatus& st : *list) {
    for (Counts* c : {&by_label[st.invitation.label], &all}) {
      ++c->total;
      ++c->by_state[static_cast<int>(st.state)];
    }
  }
  auto counts_view = [](const std::string& label, const Counts& c) {
    View row;
    row.set("label", label.empty() ? std::string("（ラベルなし）") : label);
    row.set("total", std::to_string(c.total));
    row.set("not_started", std::to_string(c.by_state[0]));
    row.set("in_progress", std::to_string(c.by_state[1]));
    row.set("complete", std::to_string(c.by_state[2]));
    row.set("rate", FormatPercent(c.by_state[2], c.total, 1));
    return row;
  };
  View labels{View::type::list};
  for (const auto& [label, c] : by_label) labels.push_back(counts_view(label, c));

  int pages = std::max<int>(1, static_cast<int>((list->size() + kPageSize - 1) / kPageSize));
  int page = std::min(PageNumber(request), pages);
  View rows{View::type::list};
  for (size_t i = static_cast<size_t>(page - 1) * kPageSize;
       i < list->size() && i < static_cast<size_t>(page) * kPageSize; ++i) {
    const InvitationStatus& st = (*list)[i];
    View row;
    row.set("no", std::to_string(i + 1));
    row.set("label", st.invitation.label);
    row.set("created", JstTime(st.invitation.created_at));
    row.set("state", std::string(InvitationStateName(st.state)));
    row.set("progress", st.state == InvitationState::kInProgress
                            ? fmt::format("{}ページ目", st.progress)
                            : std::string());
    row.set("updated", JstTime(st.updated_at));
    rows.push_back(row);
  }
  View v;
  v.set("labels", labels);
  if (all.total > 0) v.set("all", counts_view("合計", all));
  v.set("rows", rows);
  v.set("max_create", std::to_string(kMaxCreate));
  if (page > 1) v.set("prev", fmt::format("?page={}", page - 1));
  if (page < pages) v.set("next", fmt::format("?page={}", page + 1));
  v.set("page", std::to_string(page));
  v.set("pages", std::to_string(pages));
  if (!message.empty()) v.set("message", message);
  HttpResponse r = AdminSurveyPage(admin, served, "admin_invitations", v, "招待", "/invitations");
  r.status = status;
  return r;
}

HttpResponse WebApp::AdminCreateInvitations(const HttpRequest& request, const Admin& admin,
                                            const Served& served) const {
  const Questionnaire& qn = *served.questionnaire;
  Result<FormData> form = FormData::Parse(request.body);
  Check(form.status());  // AdminRoute has parsed it already
  std::string_view count_text = Trim(form->Get("count"));
  std::string count_half = Nfkc(count_text);  // full-width digits welcome
  int count = 0;
  auto [ptr, ec] = std::from_chars(count_half.data(), count_half.data() + count_half.size(), count);
  if (ec != std::errc() || ptr != count_half.data() + count_half.size() || count < 1 ||
      count > kMaxCreate) {
    return AdminInvitations(
        request, admin, served,
        fmt::format("作る数は 1～{} の整数で入力してください（一度に作れるのは{}件まで）。",
                    kMaxCreate, kMaxCreate),
        400);
  }
  std::string label(Trim(form->Get("label")));
  if (CodePointCount(label) > kMaxLabel) {
    return AdminInvitations(request, admin, served,
                            fmt::format("ラベルは{}文字以内にしてください。", kMaxLabel), 400);
  }
  std::optional<std::string> base = LinkBase(request);
  if (!base) {
    return AdminInvitations(request, admin, served,
                            "リンクの URL を決められません。設定ファイルに public_url "
                            "を書いてください。",
                            400);
  }
  Result<std::vector<std::string>> codes = [&] {
    std::lock_guard<std::mutex> lock(write_mu_);
    return CreateInvitations(Db(), qn.id, count, label);
  }();
  Check(codes.status());
  Audit(admin.user.user_name, "invitations-create",
        fmt::format("{} count={} label={}", qn.id, count, label));
  return Download(
      InvitationCsv(*codes, label, *base), "text/csv; charset=utf-8",
      fmt::format("{}-invitations-{}.csv", qn.id, FormatJstCompact(clock_.NowMicros())));
}

HttpResponse WebApp::AdminInvitationsCsv(const Admin& admin, const Served& served) const {
  const Questionnaire& qn = *served.questionnaire;
  Result<std::vector<InvitationStatus>> list = ListInvitationStatus(Db(), qn.id);
  Check(list.status());
  std::string csv(kUtf8Bom);
  AppendCsvRecord(&csv,
                  std::vector<std::string>{"no", "label", "created", "state", "page", "updated"});
  for (size_t i = 0; i < list->size(); ++i) {
    const InvitationStatus& st = (*list)[i];
    AppendCsvRecord(
        &csv,
        std::vector<std::string>{
            std::to_string(i + 1), GuardFormula(st.invitation.label),
            JstTime(st.invitation.created_at), InvitationStateName(st.state),
            st.state == InvitationState::kNotStarted ? std::string() : std::to_string(st.progress),
            JstTime(st.updated_at)});
  }
  Audit(admin.user.user_name, "export", qn.id + " invitations.csv");
  return Download(
      std::move(csv), "text/csv; charset=utf-8",
      fmt::format("{}-invitation-status-{}.csv", qn.id, FormatJstCompact(clock_.NowMicros())));
}

}  // namespace chosa::web
