// The answering pages of WebApp: one page per section, saved on every step, a review page, the
// final submission, the receipt and the printable copy.
#include <fmt/format.h>

#include <deque>

#include "engine/answer_engine.h"
#include "engine/raw_from_answers.h"
#include "exchange/importer.h"
#include "server/form.h"
#include "server/page_view.h"
#include "server/session.h"
#include "server/tokens.h"
#include "server/web_app.h"
#include "storage/answer_codec.h"

namespace chosa::web {

struct WebApp::Session {
  SessionRecord record;
  const Questionnaire* qn = nullptr;
  ResponseRecord response;
  Answers answers;  // survey and personal parts, decoded
};

namespace {

constexpr EngineOptions kWebRules{.incomplete_is_error = true, .drop_inapplicable = true};

int Pages(const Questionnaire& qn) { return static_cast<int>(qn.sections.size()); }

bool PageHasQuestions(const Questionnaire& qn, int page, const Answers& answers) {
  for (int q : qn.sections[page - 1].questions) {
    if (ShownOnPage(qn, q, answers)) return true;
  }
  return false;
}

// The next page with something to answer after `page`, or Pages()+1 (the review).
int NextPage(const Questionnaire& qn, int page, const Answers& answers) {
  for (int p = page + 1; p <= Pages(qn); ++p) {
    if (PageHasQuestions(qn, p, answers)) return p;
  }
  return Pages(qn) + 1;
}

int PreviousPage(const Questionnaire& qn, int page, const Answers& answers) {
  for (int p = page - 1; p >= 1; --p) {
    if (PageHasQuestions(qn, p, answers)) return p;
  }
  return page;
}

std::string PageUrl(const Questionnaire& qn, int page) {
  return page > Pages(qn) ? "/a/review" : fmt::format("/a/{}", page);
}

// Re-evaluates stored answers (states follow the skip logic) and returns the evaluation.
Evaluation Reevaluate(const Questionnaire& qn, const Answers& answers,
                      EngineOptions options = kWebRules) {
  std::deque<std::string> strings;
  RawAnswers raw;
  RawFromAnswers(qn, answers, &strings, &raw);
  return EvaluateAnswers(qn, raw, options);
}

std::map<int, std::string> ErrorsOnPage(const Questionnaire& qn, const Evaluation& e, int page) {
  std::map<int, std::string> errors;
  for (const Violation& v : e.violations) {
    if (v.warning || v.question < 0 || qn.questions[v.question].section != page - 1) continue;
    errors.emplace(v.question, v.message);  // the first message per question
  }
  return errors;
}

}  // namespace

Result<std::unique_ptr<WebApp::Session>> WebApp::LoadSession(const HttpRequest& request) const {
  std::string token = CookieValue(request.cookie, kSessionCookie);
  if (token.empty()) return Status::NotFound("no session");
  std::optional<SessionRecord> record;
  std::optional<ResponseRecord> response;
  const Served* served = nullptr;
  CHOSA_RETURN_IF_ERROR(Db().ReadTogether([&]() -> Status {
    CHOSA_ASSIGN_OR_RETURN(record, Db().GetSession(HashToken(token), NowSeconds()));
    if (!record || record->kind != "respondent") return Status::NotFound("no session");
    served = FindServed(record->survey_id);
    if (served == nullptr) return Status::NotFound("survey no longer served");
    CHOSA_ASSIGN_OR_RETURN(response, Db().GetResponse(record->survey_id, record->subject, true));
    if (!response) return Status::NotFound("no response");
    return Status::Ok();
  }));
  auto s = std::make_unique<Session>();
  s->record = std::move(*record);
  s->qn = served->questionnaire.get();
  s->response = std::move(*response);
  s->answers.assign(s->qn->questions.size(), Answer{});
  CHOSA_RETURN_IF_ERROR(
      DecodeAnswers(*s->qn, s->response.answers, AnswerPart::kSurvey, &s->answers));
  if (!s->response.personal.empty()) {
    CHOSA_ASSIGN_OR_RETURN(
        std::string plain,
        vault_.Unseal(s->response.personal,
                      PersonalDataBinding(s->record.survey_id, s->record.subject)));
    CHOSA_RETURN_IF_ERROR(DecodeAnswers(*s->qn, plain, AnswerPart::kPersonal, &s->answers));
  }
  return s;
}

Status WebApp::Save(Session& s, ResponseStatus status) const {
  const Questionnaire& qn = *s.qn;
  ResponseRecord& r = s.response;
  r.status = status;
  r.channel = Channel::kWeb;
  r.survey_version = qn.version;
  r.answers = EncodeAnswers(qn, s.answers, AnswerPart::kSurvey);
  r.personal.clear();
  r.key_id.clear();
  bool personal = false;
  for (size_t i = 0; i < qn.questions.size(); ++i)
    personal |= qn.questions[i].personal && s.answers[i].answered();
  if (personal) {
    r.personal = vault_.Seal(EncodeAnswers(qn, s.answers, AnswerPart::kPersonal),
                             PersonalDataBinding(r.survey_id, r.respondent_key));
    r.key_id = vault_.key_id();
  }
  std::lock_guard<std::mutex> lock(write_mu_);
  CHOSA_ASSIGN_OR_RETURN(std::unique_ptr<Transaction> txn, Db().Begin());
  CHOSA_ASSIGN_OR_RETURN(int64_t id, txn->UpsertResponse(r));
  (void)id;
  return txn->Commit();  // durable before the respondent sees the next page
}

HttpResponse WebApp::ShowPage(const HttpRequest& request, int page) const {
  Result<std::unique_ptr<Session>> s = LoadSession(request);
  if (!s.ok())
    return Message(403, "回答用のリンクから開いてください",
                   "セッションが見つかりません。お送りしたリンク、または調査の最初のページから開き"
                   "直してください。");
  const Questionnaire& qn = *(*s)->qn;
  if ((*s)->response.status == ResponseStatus::kComplete) return HttpResponse::Redirect("/a/done");
  if (page > Pages(qn)) return HttpResponse::Redirect("/a/review");
  // Saved answers carry the states the engine gave them when they were saved.
  const Answers& answers = (*s)->answers;
  if (!PageHasQuestions(qn, page, answers))
    return HttpResponse::Redirect(PageUrl(qn, NextPage(qn, page, answers)));
  if (request.query.find("check=1") == std::string::npos) {
    return Html(
        FindServed((*s)->record.survey_id)->pages.Render(page, answers, (*s)->record.csrf_token));
  }
  // Sent back by the final check: show this page's problems.
  Evaluation e = Reevaluate(qn, answers);
  std::deque<std::string> strings;
  RawAnswers shown;
  RawFromAnswers(qn, answers, &strings, &shown);
  PageInput in{&qn, page - 1, &e.answers, &shown, ErrorsOnPage(qn, e, page)};
  return Html(RenderAnswerPage(*templates_, in, page, Pages(qn), (*s)->record.csrf_token));
}

HttpResponse WebApp::SavePage(const HttpRequest& request, int page) const {
  Result<std::unique_ptr<Session>> loaded = LoadSession(request);
  if (!loaded.ok())
    return Message(403, "回答用のリンクから開いてください",
                   "セッションが見つかりません。お送りしたリンクから開き直してください。");
  Session& s = **loaded;
  const Questionnaire& qn = *s.qn;
  Result<FormData> form = FormData::Parse(request.body);
  if (!form.ok()) return Message(400, "送信内容を読めません", form.status().message());
  if (!ConstantTimeEquals(form->Get("_csrf"), s.record.csrf_token)) {
    return Message(
        403, "もう一度お試しください",
        "ページの有効期限が切れたか、別の画面から送信されました。もう一度開き直してください。");
  }
  if (s.response.status == ResponseStatus::kComplete) return HttpResponse::Redirect("/a/done");
  if (page > Pages(qn)) return HttpResponse::Redirect("/a/review");

  // Saved answers, with this page's questions replaced by the form's values.
  std::deque<std::string> strings;
  RawAnswers raw;
  RawFromAnswers(qn, s.answers, &strings, &raw);
  for (int qi : qn.sections[page - 1].questions) {
    const Question& q = qn.questions[qi];
    RawAnswer& r = raw[qi];
    r.Clear();
    if (q.type == QuestionType::kGrid) {
      for (const GridItem& item : q.items) r.values.push_back(form->Get(q.id + "_" + item.id));
    } else {
      r.values = form->GetAll(q.id);
    }
    for (const Option& o : q.options) {
      if (o.other && q.type != QuestionType::kGrid) {
        r.other_texts.emplace_back(o.code, form->Get(fmt::format("{}_{}_text", q.id, o.code)));
      }
    }
  }
  Evaluation e = EvaluateAnswers(qn, raw, kWebRules);
  bool back = form->Get("_action") == "back";
  std::map<int, std::string> errors = ErrorsOnPage(qn, e, page);
  if (!back && !errors.empty()) {
    PageInput in{&qn, page - 1, &e.answers, &raw, errors};
    return Html(RenderAnswerPage(*templates_, in, page, Pages(qn), s.record.csrf_token));
  }
  s.answers = e.answers;
  int target = back ? PreviousPage(qn, page, s.answers) : NextPage(qn, page, s.answers);
  s.response.progress = std::max(s.response.progress, target);
  Check(Save(s, ResponseStatus::kInProgress));
  return HttpResponse::Redirect(PageUrl(qn, target));
}

HttpResponse WebApp::Review(const HttpRequest& request) const {
  Result<std::unique_ptr<Session>> s = LoadSession(request);
  if (!s.ok())
    return Message(403, "回答用のリンクから開いてください", "セッションが見つかりません。");
  const Questionnaire& qn = *(*s)->qn;
  if ((*s)->response.status == ResponseStatus::kComplete) return HttpResponse::Redirect("/a/done");
  Evaluation e = Reevaluate(qn, (*s)->answers);
  View sections{View::type::list};
  int problems = 0;
  for (size_t si = 0; si < qn.sections.size(); ++si) {
    const Section& sec = qn.sections[si];
    std::map<int, std::string> errors = ErrorsOnPage(qn, e, static_cast<int>(si) + 1);
    View items{View::type::list};
    for (int qi : sec.questions) {
      const Question& q = qn.questions[qi];
      if (e.answers[qi].state == AnswerState::kNotApplicable) continue;
      View item;
      item.set("number", q.personal ? std::string() : q.number);
      item.set("text", q.title.empty() || q.personal ? q.text : q.title);
      std::string answer = AnswerText(q, e.answers[qi]);
      item.set("answer", answer.empty() ? std::string("（未回答）") : answer);
      if (auto it = errors.find(qi); it != errors.end()) {
        item.set("error", it->second);
        ++problems;
      }
      items.push_back(item);
    }
    if (items.is_empty_list()) continue;
    View section;
    section.set("title", sec.title);
    section.set("href", fmt::format("/a/{}", si + 1));
    section.set("items", items);
    sections.push_back(section);
  }
  View v;
  v.set("survey_title", qn.title);
  v.set("sections", sections);
  v.set("csrf", (*s)->record.csrf_token);
  if (problems > 0) v.set("problems", std::to_string(problems));
  return Page("review", v, qn.title);
}

HttpResponse WebApp::Submit(const HttpRequest& request) const {
  Result<std::unique_ptr<Session>> loaded = LoadSession(request);
  if (!loaded.ok())
    return Message(403, "回答用のリンクから開いてください", "セッションが見つかりません。");
  Session& s = **loaded;
  const Questionnaire& qn = *s.qn;
  if (!FormTokenMatches(request.body, s.record.csrf_token)) {
    return Message(403, "もう一度お試しください",
                   "ページの有効期限が切れたか、別の画面から送信されました。");
  }
  if (s.response.status == ResponseStatus::kComplete) return HttpResponse::Redirect("/a/done");
  Evaluation e = Reevaluate(qn, s.answers);
  for (const Violation& v : e.violations) {
    if (!v.warning) {
      return HttpResponse::Redirect(
          fmt::format("/a/{}?check=1", qn.questions[v.question].section + 1));
    }
  }
  s.answers = e.answers;
  s.response.progress = Pages(qn) + 1;
  Check(Save(s, ResponseStatus::kComplete));
  return HttpResponse::Redirect("/a/done");
}

HttpResponse WebApp::Done(const HttpRequest& request) const {
  Result<std::unique_ptr<Session>> s = LoadSession(request);
  if (!s.ok())
    return Message(403, "回答用のリンクから開いてください", "セッションが見つかりません。");
  const Questionnaire& qn = *(*s)->qn;
  if ((*s)->response.status != ResponseStatus::kComplete) {
    return HttpResponse::Redirect(PageUrl(qn, std::max(1, (*s)->response.progress)));
  }
  const Served* served = FindServed(qn.id);
  if (served != nullptr && served->diagnosis) {
    return DiagnosisResultPage(*served, qn, (*s)->answers, (*s)->response.respondent_key,
                               JstTime((*s)->response.updated_at));
  }
  View v;
  v.set("survey_title", qn.title);
  v.set("closing", qn.closing.empty() ? std::string("ご協力ありがとうございました。") : qn.closing);
  v.set("submitted_at", JstTime((*s)->response.updated_at));
  return Page("done", v, qn.title);
}

HttpResponse WebApp::ResultPdf(const HttpRequest& request) const {
  Result<std::unique_ptr<Session>> s = LoadSession(request);
  if (!s.ok())
    return Message(403, "回答用のリンクから開いてください", "セッションが見つかりません。");
  const Questionnaire& qn = *(*s)->qn;
  const Served* served = FindServed(qn.id);
  if ((*s)->response.status != ResponseStatus::kComplete || served == nullptr ||
      !served->diagnosis) {
    return Message(404, "診断結果がありません",
                   "診断に回答し終えると、結果を PDF で保存できます。");
  }
  return DiagnosisResultPdf(*served, qn, (*s)->answers, JstTime((*s)->response.updated_at));
}

HttpResponse WebApp::Copy(const HttpRequest& request) const {
  Result<std::unique_ptr<Session>> s = LoadSession(request);
  if (!s.ok())
    return Message(403, "回答用のリンクから開いてください", "セッションが見つかりません。");
  const Questionnaire& qn = *(*s)->qn;
  View v;
  v.set("survey_title", qn.title);
  v.set("items", AnsweredItems(qn, (*s)->answers));
  v.set("submitted_at", JstTime((*s)->response.updated_at));
  v.set("complete", (*s)->response.status == ResponseStatus::kComplete);
  return Page("copy", v, qn.title + "（回答の控え）");
}

}  // namespace chosa::web
