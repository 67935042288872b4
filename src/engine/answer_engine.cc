#include "engine/answer_engine.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>

#include "base/text.h"
#include "engine/value_parser.h"

namespace chosa {
namespace {

std::string FormatNumber(double x) {
  if (x == std::floor(x) && std::fabs(x) < 1e15)
    return fmt::format("{}", static_cast<long long>(x));
  return fmt::format("{}", x);
}

class Evaluator {
 public:
  Evaluator(const Questionnaire& qn, const EngineOptions& options, Evaluation* out)
      : qn_(qn), options_(options), out_(*out) {}

  void Run(const RawAnswers& raw) {
    size_t n = qn_.questions.size();
    out_.answers.resize(n);
    out_.violations.clear();
    static const RawAnswer kEmpty;
    for (size_t i = 0; i < n; ++i) {
      index_ = static_cast<int>(i);
      const Question& q = qn_.questions[i];
      Answer& a = out_.answers[i];
      ResetAnswer(&a);
      const RawAnswer& r = i < raw.size() ? raw[i] : kEmpty;
      size_t before = out_.violations.size();
      bool has_value = Parse(q, r, &a);
      bool malformed = out_.violations.size() > before;
      bool applies = !q.when || q.when->Evaluate(out_.answers);
      if (!applies) {
        if (has_value && !options_.drop_inapplicable) {
          Add(q, "answered-but-not-applicable",
              fmt::format("この質問は回答の条件（{}）に当てはまらないため、回答は記入できません",
                          q.when_source),
              false);
        }
        ResetAnswer(&a);
        a.state = AnswerState::kNotApplicable;
        continue;
      }
      if (!has_value) {
        a.state = AnswerState::kNoAnswer;
        // A malformed value was already reported; "required" would only repeat it.
        if (q.required && !malformed) {
          Add(q, "required", "回答してください（必須）", !options_.incomplete_is_error);
        }
        continue;
      }
      a.state = AnswerState::kAnswered;
      CheckRules(q, a);
    }
  }

 private:
  static void ResetAnswer(Answer* a) {
    a->state = AnswerState::kNoAnswer;
    a->codes.clear();
    a->other_texts.clear();
    a->number = 0;
    a->text.clear();
  }

  void Add(const Question& q, const char* code, std::string message, bool warning = false) {
    out_.violations.push_back(Violation{index_, q.id, code, std::move(message), warning});
  }

  // Fills `a` from `r`; returns whether any value was given. Malformed values are violations
  // and do not count as given.
  bool Parse(const Question& q, const RawAnswer& r, Answer* a) {
    switch (q.type) {
      case QuestionType::kSingle:
      case QuestionType::kPrefecture:
        return ParseSingle(q, r, a);
      case QuestionType::kMulti:
        return ParseMulti(q, r, a);
      case QuestionType::kGrid:
        return ParseGrid(q, r, a);
      case QuestionType::kNumber:
        return ParseNumberAnswer(q, r, a);
      case QuestionType::kText:
      case QuestionType::kTextArea:
        return ParseText(q, r, a);
    }
    return false;
  }

  // The non-empty raw value; more than one for a one-value question is a violation.
  std::optional<std::string_view> SingleValue(const Question& q, const RawAnswer& r) {
    std::optional<std::string_view> found;
    for (std::string_view v : r.values) {
      if (Trim(v).empty()) continue;
      if (found) {
        Add(q, "too-many-values", "ひとつだけ選んでください");
        return std::nullopt;
      }
      found = v;
    }
    return found;
  }

  std::optional<int> ParseOptionCode(const Question& q, std::string_view v) {
    std::optional<int> code =
        q.type == QuestionType::kPrefecture ? ParsePrefecture(v) : ParseCode(v);
    if (!code || q.FindOption(*code) == nullptr) {
      Add(q, "invalid-code", fmt::format("選択肢にない値 \"{}\" です", v));
      return std::nullopt;
    }
    return code;
  }

  bool ParseSingle(const Question& q, const RawAnswer& r, Answer* a) {
    if (std::optional<std::string_view> v = SingleValue(q, r)) {
      if (std::optional<int> code = ParseOptionCode(q, *v)) a->codes.push_back(*code);
    }
    AttachOtherTexts(q, r, a);
    return !a->codes.empty();
  }

  bool ParseMulti(const Question& q, const RawAnswer& r, Answer* a) {
    for (std::string_view v : r.values) {
      if (Trim(v).empty()) continue;
      if (std::optional<int> code = ParseOptionCode(q, v)) a->codes.push_back(*code);
    }
    for (int code : r.codes) {
      if (q.FindOption(code) == nullptr) {
        Add(q, "invalid-code", fmt::format("選択肢にない値 \"{}\" です", code));
      } else {
        a->codes.push_back(code);
      }
    }
    std::sort(a->codes.begin(), a->codes.end());
    a->codes.erase(std::unique(a->codes.begin(), a->codes.end()), a->codes.end());
    AttachOtherTexts(q, r, a);
    return !a->codes.empty();
  }

  // Keeps texts of chosen "other" options; a text without its option is a violation.
  void AttachOtherTexts(const Question& q, const RawAnswer& r, Answer* a) {
    for (const auto& [code, raw_text] : r.other_texts) {
      std::string text = NormalizeAnswerText(raw_text);
      if (text.empty()) continue;
      const Option* o = q.FindOption(code);
      if (o == nullptr || !o->other) {
        Add(q, "invalid-code", fmt::format("選択肢 {} には記入欄がありません", code));
        continue;
      }
      if (!a->Has(code)) {
        Add(q, "other-text-without-option",
            fmt::format("「{}」を選ばずに記入されています（選ぶか、記入を消してください）",
                        o->label));
        continue;
      }
      size_t length = CodePointCount(text);
      if (length > 1000) {
        Add(q, "too-long",
            fmt::format("「{}」の記入は1000文字以内にしてください（{}文字）", o->label, length));
        continue;
      }
      a->other_texts.emplace_back(code, std::move(text));
    }
    std::sort(a->other_texts.begin(), a->other_texts.end());
  }

  bool ParseGrid(const Question& q, const RawAnswer& r, Answer* a) {
    a->codes.assign(q.items.size(), 0);
    bool any = false;
    for (size_t i = 0; i < q.items.size() && i < r.values.size(); ++i) {
      if (Trim(r.values[i]).empty()) continue;
      if (std::optional<int> code = ParseOptionCode(q, r.values[i])) {
        a->codes[i] = *code;
        any = true;
      }
    }
    if (!any) a->codes.clear();
    return any;
  }

  bool ParseNumberAnswer(const Question& q, const RawAnswer& r, Answer* a) {
    std::optional<std::string_view> v = SingleValue(q, r);
    if (!v) return false;
    std::optional<double> x = ParseNumber(*v, q.unit);
    if (!x) {
      Add(q, "not-a-number", fmt::format("数値で入力してください（\"{}\"）", *v));
      return false;
    }
    int digits = DecimalDigits(*v);
    if (digits > q.decimals) {
      Add(q, q.decimals == 0 ? "not-an-integer" : "too-many-decimals",
          q.decimals == 0 ? std::string("整数で入力してください")
                          : fmt::format("小数点以下は{}桁までで入力してください", q.decimals));
      return false;
    }
    a->number = *x;
    return true;
  }

  bool ParseText(const Question& q, const RawAnswer& r, Answer* a) {
    std::optional<std::string_view> v = SingleValue(q, r);
    if (!v) return false;
    a->text = NormalizeAnswerText(*v);
    if (q.type == QuestionType::kText) {
      // One line: line breaks become spaces.
      std::replace(a->text.begin(), a->text.end(), '\n', ' ');
    }
    return !a->text.empty();
  }

  void CheckRules(const Question& q, const Answer& a) {
    if (q.type == QuestionType::kMulti) {
      for (int code : a.codes) {
        const Option* o = q.FindOption(code);
        if (o->exclusive && a.codes.size() > 1) {
          Add(q, "exclusive-conflict",
              fmt::format("「{}」は他の選択肢と同時に選べません", o->label));
          break;
        }
      }
      int n = static_cast<int>(a.codes.size());
      if (q.min_choices > 0 && n < q.min_choices) {
        Add(q, "too-few-choices",
            fmt::format("{}個以上選んでください（{}個選択）", q.min_choices, n));
      }
      if (q.max_choices > 0 && n > q.max_choices) {
        Add(q, "too-many-choices", fmt::format("{}個まで選べます（{}個選択）", q.max_choices, n));
      }
    }
    if (q.type == QuestionType::kSingle || q.type == QuestionType::kMulti) {
      for (int code : a.codes) {
        const Option* o = q.FindOption(code);
        if (o->other && a.OtherText(code) == nullptr) {
          Add(q, "other-text-required",
              fmt::format("「{}」を選んだ場合は内容を記入してください", o->label),
              !options_.incomplete_is_error);
        }
      }
    }
    if (q.type == QuestionType::kNumber) {
      bool low = q.min && a.number < *q.min;
      bool high = q.max && a.number > *q.max;
      if (low || high) {
        std::string range;
        if (q.min && q.max) {
          range = fmt::format("{}以上{}以下", FormatNumber(*q.min), FormatNumber(*q.max));
        } else if (q.min) {
          range = fmt::format("{}以上", FormatNumber(*q.min));
        } else {
          range = fmt::format("{}以下", FormatNumber(*q.max));
        }
        Add(q, "out-of-range", fmt::format("{}{}で入力してください", range, q.unit));
      }
    }
    if (q.type == QuestionType::kText || q.type == QuestionType::kTextArea) {
      size_t length = CodePointCount(a.text);
      if (length > static_cast<size_t>(q.EffectiveMaxLength())) {
        Add(q, "too-long",
            fmt::format("{}文字以内で入力してください（{}文字）", q.EffectiveMaxLength(), length));
      }
      switch (q.format) {
        case TextFormat::kPlain:
          break;
        case TextFormat::kEmail:
          if (!IsEmailAddress(a.text))
            Add(q, "bad-format", "メールアドレスの形式が正しくありません");
          break;
        case TextFormat::kPhone:
          if (!IsPhoneNumber(a.text)) {
            Add(q, "bad-format", "電話番号は数字とハイフンで入力してください（例: 03-1234-5678）");
          }
          break;
        case TextFormat::kPostalCode:
          if (!IsPostalCode(a.text))
            Add(q, "bad-format", "郵便番号は 123-4567 の形で入力してください");
          break;
      }
    }
  }

  const Questionnaire& qn_;
  const EngineOptions& options_;
  Evaluation& out_;
  int index_ = 0;
};

}  // namespace

bool Evaluation::ok() const {
  return std::none_of(violations.begin(), violations.end(),
                      [](const Violation& v) { return !v.warning; });
}

void EvaluateAnswersInto(const Questionnaire& qn, const RawAnswers& raw,
                         const EngineOptions& options, Evaluation* out) {
  Evaluator(qn, options, out).Run(raw);
}

Evaluation EvaluateAnswers(const Questionnaire& qn, const RawAnswers& raw,
                           const EngineOptions& options) {
  Evaluation out;
  EvaluateAnswersInto(qn, raw, options, &out);
  return out;
}

}  // namespace chosa
