#include "questionnaire/checker.h"

#include <fmt/format.h>

#include <map>
#include <set>

#include "questionnaire/variables.h"

namespace chosa {
namespace {

bool IsLowerOrDigit(char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'); }
bool IsAsciiLetter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool IsWordChar(char c) { return IsAsciiLetter(c) || (c >= '0' && c <= '9') || c == '_'; }

// Survey ids: [a-z0-9][a-z0-9_-]{0,63}
bool IsSurveyId(std::string_view s) {
  if (s.empty() || s.size() > 64 || !IsLowerOrDigit(s[0])) return false;
  for (char c : s) {
    if (!IsLowerOrDigit(c) && c != '_' && c != '-') return false;
  }
  return true;
}

// Question ids: [A-Za-z][A-Za-z0-9_]{0,63}
bool IsQuestionId(std::string_view s) {
  if (s.empty() || s.size() > 64 || !IsAsciiLetter(s[0])) return false;
  for (char c : s) {
    if (!IsWordChar(c)) return false;
  }
  return true;
}

// Grid item ids: [A-Za-z0-9_]{1,32}
bool IsItemId(std::string_view s) {
  if (s.empty() || s.size() > 32) return false;
  for (char c : s) {
    if (!IsWordChar(c)) return false;
  }
  return true;
}

class Checker {
 public:
  Checker(Questionnaire* qn, std::vector<Diagnostic>* out) : qn_(*qn), out_(*out) {}

  void Run() {
    CheckSurvey();
    CheckSections();
    for (size_t i = 0; i < qn_.questions.size(); ++i) CheckQuestion(static_cast<int>(i));
    CheckColumnNames();
  }

 private:
  void Error(const SourceLocation& loc, std::string code, std::string message) {
    out_.push_back(Diagnostic{loc, std::move(code), std::move(message), false});
  }
  void Warn(const SourceLocation& loc, std::string code, std::string message) {
    out_.push_back(Diagnostic{loc, std::move(code), std::move(message), true});
  }
  void CheckSurvey() {
    if (!qn_.id.empty() && !IsSurveyId(qn_.id)) {
      Error(qn_.id_location, "bad-survey-id",
            fmt::format("調査ID \"{}\" は半角英小文字・数字・- _ で 64 文字以内にしてください",
                        qn_.id));
    }
  }

  void CheckSections() {
    std::map<std::string, SourceLocation> seen;
    for (const Section& s : qn_.sections) {
      if (s.id.empty()) continue;
      auto [it, inserted] = seen.emplace(s.id, s.location);
      if (!inserted) {
        Error(s.location, "duplicate-id",
              fmt::format("セクションID \"{}\" が重複しています（最初は {}行目）", s.id,
                          it->second.line));
      }
      if (s.questions.empty()) {
        Warn(s.location, "empty-section",
             fmt::format("セクション \"{}\" に質問がありません", s.id));
      }
    }
  }

  void CheckQuestion(int index) {
    Question& q = qn_.questions[index];
    if (!q.id.empty() && !IsQuestionId(q.id)) {
      Error(q.location, "bad-question-id",
            fmt::format("質問ID \"{}\" は半角英字で始め、英数字と _ だけにしてください", q.id));
    }
    if (!q.id.empty()) {
      auto [it, inserted] = question_ids_.emplace(q.id, q.location);
      if (!inserted) {
        Error(
            q.location, "duplicate-id",
            fmt::format("質問ID \"{}\" が重複しています（最初は {}行目）", q.id, it->second.line));
      }
    }
    CheckOptions(q);
    CheckTypeSpecificKeys(q);
    if (!q.when_source.empty()) CompileWhen(index);
  }

  void CheckOptions(const Question& q) {
    if (!HasOptions(q.type)) {
      if (!q.options.empty() && q.type != QuestionType::kPrefecture) {
        Error(q.location, "options-not-allowed",
              fmt::format("{} は {} なので options は書けません", q.id, QuestionTypeName(q.type)));
      }
      return;
    }
    if (q.options.empty()) {
      Error(q.location, "no-options", fmt::format("{} に選択肢 (options) がありません", q.id));
      return;
    }
    std::map<int, SourceLocation> codes;
    for (const Option& o : q.options) {
      auto [it, inserted] = codes.emplace(o.code, o.location);
      if (!inserted) {
        Error(o.location, "duplicate-code",
              fmt::format("{} の選択肢コード {} が重複しています（最初は {}行目）", q.id, o.code,
                          it->second.line));
      }
      if (o.label.empty()) {
        Error(o.location, "empty-label",
              fmt::format("{} の選択肢 {} に文言がありません", q.id, o.code));
      }
      if (o.exclusive && q.type != QuestionType::kMulti) {
        Error(o.location, "exclusive-not-multi",
              fmt::format("exclusive は複数回答 (multi) の選択肢にだけ指定できます（{} の {}）",
                          q.id, o.code));
      }
      if (o.other && q.type == QuestionType::kGrid) {
        Error(o.location, "other-in-grid", "表形式 (grid) の選択肢に other は指定できません");
      }
    }
  }

  void CheckTypeSpecificKeys(const Question& q) {
    int option_count = static_cast<int>(q.options.size());
    if (q.type == QuestionType::kMulti) {
      if (q.min_choices < 0 || q.max_choices < 0) {
        Error(q.location, "bad-choices", "min_choices と max_choices は 0 以上にしてください");
      }
      if (q.max_choices > 0 && q.min_choices > q.max_choices) {
        Error(q.location, "bad-choices",
              fmt::format("{}: min_choices ({}) が max_choices ({}) より大きいです", q.id,
                          q.min_choices, q.max_choices));
      }
      if (q.min_choices > option_count || q.max_choices > option_count) {
        Error(q.location, "bad-choices",
              fmt::format("{}: 選択数の指定が選択肢の数 ({}) を超えています", q.id, option_count));
      }
    } else if (q.min_choices != 0 || q.max_choices != 0) {
      Error(q.location, "key-not-allowed",
            fmt::format("{}: min_choices / max_choices は複数回答 (multi) だけに書けます", q.id));
    }
    if (q.type == QuestionType::kGrid) {
      if (q.items.empty()) {
        Error(q.location, "no-items", fmt::format("{} は grid なので items が必要です", q.id));
      }
      std::set<std::string> ids;
      for (const GridItem& it : q.items) {
        if (!IsItemId(it.id)) {
          Error(it.location, "bad-item-id",
                fmt::format("項目ID \"{}\" は半角英数字と _ だけにしてください", it.id));
        }
        if (!ids.insert(it.id).second) {
          Error(it.location, "duplicate-id",
                fmt::format("{} の項目ID \"{}\" が重複しています", q.id, it.id));
        }
        if (it.label.empty()) Error(it.location, "empty-label", "項目に文言 (label) がありません");
      }
    } else if (!q.items.empty()) {
      Error(q.location, "key-not-allowed", fmt::format("{}: items は grid だけに書けます", q.id));
    }
    bool is_number = q.type == QuestionType::kNumber;
    if (!is_number && (q.min || q.max || q.decimals != 0 || !q.unit.empty())) {
      Error(q.location, "key-not-allowed",
            fmt::format("{}: min, max, decimals, unit は number だけに書けます", q.id));
    }
    if (is_number) {
      if (q.decimals < 0 || q.decimals > 6) {
        Error(q.location, "bad-decimals",
              fmt::format("{}: decimals は 0 から 6 にしてください", q.id));
      }
      if (q.min && q.max && *q.min > *q.max) {
        Error(q.location, "bad-range", fmt::format("{}: min が max より大きいです", q.id));
      }
    }
    bool is_text = q.type == QuestionType::kText || q.type == QuestionType::kTextArea;
    if (!is_text && (q.format != TextFormat::kPlain || q.max_length != 0)) {
      Error(q.location, "key-not-allowed",
            fmt::format("{}: format と max_length は text / textarea だけに書けます", q.id));
    }
    if (q.max_length < 0 || q.max_length > 100000) {
      Error(q.location, "bad-length",
            fmt::format("{}: max_length は 1 から 100000 にしてください", q.id));
    }
  }

  // Resolves names for the `when` expression of question `current`: earlier, non-personal only.
  class Scope final : public ExprScope {
   public:
    Scope(const Questionnaire& qn, int current) : qn_(qn), current_(current) {}
    Result<ExprSymbol> Resolve(std::string_view id, std::string_view item) const override {
      int index = qn_.FindQuestion(id);
      if (index < 0) return Status::NotFound(fmt::format("質問 {} はありません", id));
      if (index == current_) {
        return Status::InvalidArgument(fmt::format("{} 自身は条件に使えません", id));
      }
      if (index > current_) {
        return Status::InvalidArgument(fmt::format(
            "{} はこの質問より後にあるので条件に使えません（前の質問だけを参照できます）", id));
      }
      const Question& q = qn_.questions[index];
      if (q.personal) {
        return Status::InvalidArgument(
            fmt::format("{} は回答者情報（個人情報）なので条件に使えません", id));
      }
      ExprSymbol sym;
      sym.question_index = index;
      sym.display = std::string(id);
      if (q.type == QuestionType::kGrid) {
        if (item.empty()) {
          return Status::InvalidArgument(
              fmt::format("{} は表形式なので {}.項目ID と書いてください", id, id));
        }
        sym.item_index = q.FindItem(item);
        if (sym.item_index < 0) {
          return Status::NotFound(fmt::format("{} に項目 \"{}\" はありません", id, item));
        }
        sym.display = fmt::format("{}.{}", id, item);
      } else if (!item.empty()) {
        return Status::InvalidArgument(
            fmt::format("{} は表形式ではないので \".{}\" は書けません", id, item));
      }
      switch (q.type) {
        case QuestionType::kSingle:
        case QuestionType::kPrefecture:
        case QuestionType::kGrid:
          sym.type = ExprValueType::kCode;
          break;
        case QuestionType::kMulti:
          sym.type = ExprValueType::kCodeSet;
          break;
        case QuestionType::kNumber:
          sym.type = ExprValueType::kNumber;
          break;
        case QuestionType::kText:
        case QuestionType::kTextArea:
          sym.type = ExprValueType::kText;
          break;
      }
      for (const Option& o : q.options) sym.codes.push_back(o.code);
      return sym;
    }

   private:
    const Questionnaire& qn_;
    int current_;
  };

  void CompileWhen(int index) {
    Question& q = qn_.questions[index];
    Scope scope(qn_, index);
    CompiledExpression compiled = CompileExpression(q.when_source, scope);
    if (compiled.expression) {
      q.when = std::move(*compiled.expression);
      return;
    }
    // Point at the character inside the expression when the scalar is on one line.
    SourceLocation loc = q.when_location;
    const std::string& src = q.when_source;
    size_t offset = compiled.error->offset;
    if (src.find('\n') == std::string::npos && loc.column > 0) {
      loc.column += static_cast<int>(offset) + (q.when_quoted ? 1 : 0);
    }
    Error(loc, "bad-when", fmt::format("{} の when: {}", q.id, compiled.error->message));
  }

  void CheckColumnNames() {
    std::map<std::string, int> seen;
    for (const Variable& v : LayoutVariables(qn_, true)) {
      auto [it, inserted] = seen.emplace(v.name, v.question);
      if (!inserted && it->second != v.question &&
          qn_.questions[it->second].id != qn_.questions[v.question].id) {
        const Question& q = qn_.questions[v.question];
        Error(q.location, "duplicate-column",
              fmt::format("データの列名 \"{}\" が {} と {} で重複します（質問IDを変えてください）",
                          v.name, qn_.questions[it->second].id, q.id));
      }
    }
  }

  Questionnaire& qn_;
  std::vector<Diagnostic>& out_;
  std::map<std::string, SourceLocation> question_ids_;
};

}  // namespace

void CheckQuestionnaire(Questionnaire* qn, std::vector<Diagnostic>* diagnostics) {
  Checker(qn, diagnostics).Run();
}

}  // namespace chosa
