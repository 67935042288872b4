// The response browser and downloads of the administrator console. Answers are shown and
// exported without the respondent block; the respondent list (personal data, decrypted) is for
// admins only, and every download is in the audit log.
#include <fmt/format.h>
#include <unistd.h>

#include <charconv>
#include <cstdlib>
#include <filesystem>

#include "base/encoding.h"
#include "base/file.h"
#include "exchange/csv_writer.h"
#include "exchange/exporter.h"
#include "exchange/importer.h"
#include "server/form.h"
#include "server/page_view.h"
#include "server/web_app.h"
#include "storage/answer_codec.h"
#include "storage/survey_catalog.h"

namespace chosa::web {
namespace {

constexpr int kPageSize = 50;

const char* StatusLabel(ResponseStatus s) {
  return s == ResponseStatus::kComplete ? "回答済み" : "回答中";
}
const char* ChannelLabel(Channel c) { return c == Channel::kWeb ? "ウェブ" : "ファイル"; }

int QueryPage(const FormData& query) {
  std::string_view v = query.Get("page");
  int page = 1;
  auto [ptr, ec] = std::from_chars(v.data(), v.data() + v.size(), page);
  return ec == std::errc() && ptr == v.data() + v.size() && page >= 1 ? page : 1;
}

// A private temporary file, removed when this goes out of scope.
class TempFile {
 public:
  TempFile() {
    std::string pattern = (std::filesystem::temp_directory_path() / "chosa-XXXXXX").string();
    int fd = mkstemp(pattern.data());
    if (fd >= 0) {
      close(fd);
      path_ = pattern;
    }
  }
  ~TempFile() {
    if (!path_.empty()) std::remove(path_.c_str());
  }
  const std::string& path() const { return path_; }

 private:
  std::string path_;
};

}  // namespace

HttpResponse WebApp::AdminResponses(const HttpRequest& request, const Admin& admin,
                                    const Served& served) const {
  const Questionnaire& qn = *served.questionnaire;
  Result<FormData> query = FormData::Parse(request.query);
  std::string filter = query.ok() ? std::string(query->Get("status")) : std::string();
  ScanOptions scan;
  if (filter == "complete") scan.status = ResponseStatus::kComplete;
  if (filter == "in_progress") scan.status = ResponseStatus::kInProgress;
  int page = query.ok() ? QueryPage(*query) : 1;
  int64_t first = int64_t{page - 1} * kPageSize, index = 0;
  View rows{View::type::list};
  Check(Db().ScanResponses(qn.id, scan, [&](const ResponseRecord& r) {
    if (index >= first && index < first + kPageSize) {
      View row;
      row.set("id", std::to_string(r.response_id));
      row.set("key", r.respondent_key);
      row.set("href",
              fmt::format("/admin/s/{}/response?key={}", qn.id, PercentEncode(r.respondent_key)));
      row.set("status", std::string(StatusLabel(r.status)));
      row.set("channel", std::string(ChannelLabel(r.channel)));
      row.set("created", JstTime(r.created_at));
      row.set("updated", JstTime(r.updated_at));
      row.set("progress", r.status == ResponseStatus::kInProgress
                              ? fmt::format("{}ページ目", r.progress)
                              : std::string());
      rows.push_back(row);
    }
    ++index;
    return Status::Ok();
  }));
  int pages = std::max<int>(1, static_cast<int>((index + kPageSize - 1) / kPageSize));
  std::string suffix = filter.empty() ? "" : "&status=" + PercentEncode(filter);
  View v;
  v.set("rows", rows);
  v.set("count", std::to_string(index));
  View filters{View::type::list};
  for (const auto& [value, label] : {std::pair<const char*, const char*>{"", "すべて"},
                                     {"complete", "回答済み"},
                                     {"in_progress", "回答中"}}) {
    View f;
    f.set("href", value[0] ? fmt::format("?status={}", value) : std::string("?"));
    f.set("label", std::string(label));
    f.set("current", filter == value);
    filters.push_back(f);
  }
  v.set("filters", filters);
  if (page > 1) v.set("prev", fmt::format("?page={}{}", page - 1, suffix));
  if (page < pages) v.set("next", fmt::format("?page={}{}", page + 1, suffix));
  v.set("page", std::to_string(page));
  v.set("pages", std::to_string(pages));
  return AdminSurveyPage(admin, served, "admin_responses", v, "回答一覧", "/responses");
}

HttpResponse WebApp::AdminResponse(const HttpRequest& request, const Admin& admin,
                                   const Served& served) const {
  const Questionnaire& qn = *served.questionnaire;
  Result<FormData> query = FormData::Parse(request.query);
  std::string key = query.ok() ? std::string(query->Get("key")) : std::string();
  Result<std::optional<ResponseRecord>> record = Db().GetResponse(qn.id, key, false);
  Check(record.status());
  if (!record->has_value()) return Message(404, "回答が見つかりません", "一覧から選んでください。");
  const ResponseRecord& r = **record;
  SurveyCatalog catalog(Db());
  Answers answers;
  Check(catalog.Decode(r, qn, &answers));
  View v;
  v.set("key", r.respondent_key);
  v.set("status", std::string(StatusLabel(r.status)));
  v.set("channel", std::string(ChannelLabel(r.channel)));
  v.set("created", JstTime(r.created_at));
  v.set("updated", JstTime(r.updated_at));
  v.set("version", std::to_string(r.survey_version));
  v.set("items", AnsweredItems(qn, answers));
  return AdminSurveyPage(admin, served, "admin_response", v, "回答 " + r.respondent_key,
                         "/responses");
}

HttpResponse WebApp::AdminExport(const Admin& admin, const Served& served, bool xlsx) const {
  const Questionnaire& qn = *served.questionnaire;
  SurveyCatalog catalog(Db());
  ExportOptions options;
  ExportReport report;
  std::string body;
  if (xlsx) {
    TempFile tmp;
    if (tmp.path().empty()) Check(Status::IoError("一時ファイルを作れません"));
    Check(WriteAnswersXlsx(Db(), catalog, qn, options, tmp.path(), &report));
    Result<std::string> bytes = ReadFile(tmp.path());
    Check(bytes.status());
    body = std::move(bytes).value();
  } else {
    Result<std::string> csv = AnswersCsv(Db(), catalog, qn, options, &report);
    if (!csv.ok()) return Message(500, "書き出せませんでした", csv.status().message());
    body = std::move(csv).value();
  }
  std::string name = fmt::format("{}-answers-{}.{}", qn.id, FormatJstCompact(clock_.NowMicros()),
                                 xlsx ? "xlsx" : "csv");
  Audit(admin.user.user_name, "export", fmt::format("{} rows={}", name, report.rows));
  return Download(std::move(body),
                  xlsx ? "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
                       : "text/csv; charset=utf-8",
                  name);
}

HttpResponse WebApp::AdminRespondents(const Admin& admin, const Served& served) const {
  const Questionnaire& qn = *served.questionnaire;
  SurveyCatalog catalog(Db());
  std::vector<int> personal;
  std::vector<std::string> header = {"id", "状態", "最終更新"};
  for (size_t qi = 0; qi < qn.questions.size(); ++qi) {
    const Question& q = qn.questions[qi];
    if (!q.personal) continue;
    personal.push_back(static_cast<int>(qi));
    header.push_back(GuardFormula(q.title.empty() ? q.text : q.title));
  }
  std::string csv(kUtf8Bom);
  AppendCsvRecord(&csv, header);
  int64_t rows = 0;
  ScanOptions scan;
  scan.with_personal = true;
  Check(Db().ScanResponses(qn.id, scan, [&](const ResponseRecord& r) -> Status {
    if (r.personal.empty()) return Status::Ok();
    // Decoded in the response's own version, then shown by question id in the served one.
    CHOSA_ASSIGN_OR_RETURN(const Questionnaire* version, catalog.Get(qn.id, r.survey_version));
    CHOSA_ASSIGN_OR_RETURN(std::string plain,
                           vault_.Unseal(r.personal, PersonalDataBinding(qn.id, r.respondent_key)));
    Answers answers(version->questions.size());
    CHOSA_RETURN_IF_ERROR(DecodeAnswers(*version, plain, AnswerPart::kPersonal, &answers));
    std::vector<std::string> fields = {GuardFormula(r.respondent_key), StatusLabel(r.status),
                                       JstTime(r.updated_at)};
    for (int qi : personal) {
      int vi = version->FindQuestion(qn.questions[qi].id);
      fields.push_back(vi < 0 ? std::string()
                              : GuardFormula(AnswerText(version->questions[vi], answers[vi])));
    }
    AppendCsvRecord(&csv, fields);
    ++rows;
    return Status::Ok();
  }));
  std::string name =
      fmt::format("{}-respondents-{}.csv", qn.id, FormatJstCompact(clock_.NowMicros()));
  Audit(admin.user.user_name, "view-personal", fmt::format("{} rows={}", name, rows));
  return Download(std::move(csv), "text/csv; charset=utf-8", name);
}

}  // namespace chosa::web
