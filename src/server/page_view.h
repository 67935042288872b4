// Answering pages. RenderAnswerPage renders a section page through the templates with given
// values (used when a page has errors). PageCache renders every page once with marker slots and
// splices a respondent's answers into it per request (the common case; same HTML, no template
// work). Both build question markup with the same code (QuestionView in page_view.cc).
#pragma once

#include <map>
#include <string>
#include <vector>

#include "engine/raw_answers.h"
#include "questionnaire/answer.h"
#include "questionnaire/questionnaire.h"
#include "server/templates.h"

namespace chosa::web {

struct PageInput {
  const Questionnaire* qn = nullptr;
  int section = 0;                    // index into qn->sections
  const Answers* answers = nullptr;   // typed answers: decide what is shown, and what is known
  const RawAnswers* shown = nullptr;  // values to show in the inputs (what was typed)
  std::map<int, std::string> errors;  // question index -> Japanese message
};

// A section page inside the layout; `page`/`pages` drive the progress bar.
std::string RenderAnswerPage(const TemplateSet& templates, const PageInput& in, int page, int pages,
                             const std::string& csrf);

class PageCache {
 public:
  // Renders every section page of `qn` with marker slots. `qn` and `templates` must outlive it.
  static PageCache Build(const TemplateSet& templates, const Questionnaire& qn);

  // Page `page` (1-based) showing `answers`, without errors: identical to RenderAnswerPage with
  // the answers' own values. Thread-safe.
  std::string Render(int page, const Answers& answers, const std::string& csrf) const;

 private:
  struct Piece {
    std::string text;  // literal HTML, when slot == 0
    char slot = 0;     // 'c' checked, 's' selected, 'v' value, 'o' other text, 'g' grid cell,
                       // 't' csrf token, 'k' known answers, 'Q' the questions
    int code = 0;
    int item = -1;
  };
  using Pieces = std::vector<Piece>;
  struct Page {
    Pieces frame;                                   // layout and page around the questions
    std::vector<std::pair<int, Pieces>> questions;  // question index -> its markup
    std::vector<int> known;                         // other-page questions its conditions read
  };
  static Pieces Split(const std::string& marked);
  // Appends `pieces` with their slots filled; `q`/`answer` are null for the page frame.
  void Fill(const Pieces& pieces, const Question* q, const Answer* answer, const Answers& answers,
            const Page& page, const std::string& csrf, const std::string& questions,
            std::string* out) const;

  const Questionnaire* qn_ = nullptr;
  std::vector<Page> pages_;
};

// True when question `q` is shown on its page: it applies, or its condition depends on another
// question of the same page (then the page explains the condition and, with JavaScript, hides it).
bool ShownOnPage(const Questionnaire& qn, int q, const Answers& answers);

// The answers to other pages' questions that conditions on `section` read, as JSON for the page
// script ({"Q8":[1,2],"Q3":null}).
std::string KnownJson(const Questionnaire& qn, int section, const Answers& answers);

// How an answer reads on the review page and the printable copy ("" when unanswered).
std::string AnswerText(const Question& q, const Answer& a);

// The answered questions outside the respondent block, as a list of {number, text, answer}
// (the printable copy and the administrator's response view).
View AnsweredItems(const Questionnaire& qn, const Answers& answers);

}  // namespace chosa::web
