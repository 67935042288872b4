// A questionnaire as data: survey metadata, sections (pages) and questions with their options,
// skip logic and tabulation settings. Loaded from YAML by loader.h; see
// docs/questionnaire-format.md. A Questionnaire is an immutable value once loaded.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "questionnaire/expr/expression.h"
#include "questionnaire/source_location.h"

namespace chosa {

enum class QuestionType {
  kSingle,      // one option (SA)
  kMulti,       // any number of options (MA)
  kText,        // one line of text
  kTextArea,    // free text over several lines
  kNumber,      // integer or decimal, with unit and range
  kPrefecture,  // one of the 47 prefectures, codes 1..47 in JIS X 0401 order
  kGrid,        // several items rated on one scale of options (one code per item)
};

std::string_view QuestionTypeName(QuestionType type);  // "single", "multi", ...
bool HasOptions(QuestionType type);                    // single, multi, grid

struct Option {
  int code = 0;
  std::string label;
  bool other = false;      // "その他（具体的に）": a text is required when chosen
  bool exclusive = false;  // multi only: chosen alone ("特に何も対応していない")
  std::string group;       // heading shown above this option when it differs from the previous
  SourceLocation location;
};

struct GridItem {
  std::string id;
  std::string label;
  SourceLocation location;
};

enum class TextFormat { kPlain, kEmail, kPhone, kPostalCode };

// How a question is tabulated. Survey-wide defaults live in Questionnaire::tabulation.
enum class TableBase {
  kAll,         // every respondent
  kApplicable,  // respondents the question applied to (非該当 left out)
  kAnswered,    // respondents who answered (無回答 left out too)
};
enum class PercentOf { kCases, kMentions };  // multi answers: % of respondents or of mentions
enum class RowOrder { kQuestionnaire, kCountDescending };

struct TabulationSettings {
  int decimals = 1;  // percent decimals
  std::vector<TableBase> bases = {TableBase::kApplicable};
  PercentOf percent_of = PercentOf::kCases;
  RowOrder order = RowOrder::kQuestionnaire;  // "count": その他 and 無回答 stay last
};

struct QuestionTabulation {  // per-question overrides; unset fields take the survey's settings
  std::optional<int> decimals;
  std::optional<std::vector<TableBase>> bases;
  std::optional<PercentOf> percent_of;
  std::optional<RowOrder> order;
};

struct Question {
  std::string id;  // ASCII, unique; CSV columns derive from it
  QuestionType type = QuestionType::kSingle;
  std::string number;  // as printed, e.g. "問14"; defaults to id
  std::string text;    // the question as asked
  std::string title;   // short title for tables; defaults to text
  std::string note;
  bool required = false;
  bool personal = false;        // respondent block: stored encrypted, never tabulated or exported
  std::vector<Option> options;  // single/multi/grid scale; prefecture: the 47, built in
  std::vector<GridItem> items;  // grid
  int min_choices = 0;          // multi; 0 = no minimum beyond `required`
  int max_choices = 0;          // multi; 0 = no limit
  int decimals = 0;             // number: digits after the point (0 = integer)
  std::optional<double> min;    // number
  std::optional<double> max;    // number
  std::string unit;             // number, e.g. "人"
  TextFormat format = TextFormat::kPlain;  // text
  int max_length = 0;                      // text/textarea, in characters; 0 = the type's default
  std::string when_source;                 // the `when:` text as written; empty = always asked
  std::optional<Expression> when;          // compiled from when_source by the checker
  SourceLocation when_location;
  bool when_quoted = false;  // the YAML scalar was quoted (shifts columns by one)
  QuestionTabulation tabulation;
  int section = 0;  // index into Questionnaire::sections
  SourceLocation location;
  std::vector<int> option_positions;  // by code; -1 = no such code (see IndexOptions)

  // The option with `code`, or null. O(1) once Questionnaire::IndexQuestions() has run.
  const Option* FindOption(int code) const;
  // Position of `code` in `options`, or -1.
  int OptionPosition(int code) const;
  // Rebuilds the code -> position table (IndexQuestions does it for every question).
  void IndexOptions();
  int FindItem(std::string_view item_id) const;  // index or -1
  int EffectiveMaxLength() const;                // max_length or the type's default
  int OptionPositionSlow(int code) const;        // linear search, before IndexOptions
  bool HasOtherOption() const;
};

inline int Question::OptionPosition(int code) const {
  if (option_positions.empty()) return OptionPositionSlow(code);
  return code >= 0 && static_cast<size_t>(code) < option_positions.size() ? option_positions[code]
                                                                          : -1;
}

inline const Option* Question::FindOption(int code) const {
  int position = OptionPosition(code);
  return position < 0 ? nullptr : &options[position];
}

struct Section {
  std::string id;
  std::string title;
  std::string description;
  bool personal = false;       // a respondent block: every question in it is personal
  std::vector<int> questions;  // indices into Questionnaire::questions
  SourceLocation location;
};

struct Questionnaire {
  std::string id;  // survey id, e.g. "ipa-it-vendor-role"
  SourceLocation id_location;
  int version = 1;
  std::string title;
  std::string organization;
  std::string introduction;  // shown before answering (Markdown)
  std::string closing;       // shown after the last question
  TabulationSettings tabulation;
  std::vector<Section> sections;
  std::vector<Question> questions;  // in the order they are asked
  std::string source_name;          // file the definition came from
  std::string source_text;          // the YAML text, kept so storage can record it

  // Index of the question with `id`, or -1.
  int FindQuestion(std::string_view question_id) const;
  // Rebuilds the id index; the loader calls it once after filling `questions`.
  void IndexQuestions();

 private:
  std::unordered_map<std::string, int> index_;
};

// The settings in force for question `q`: its overrides on top of the survey's.
TabulationSettings EffectiveTabulation(const Questionnaire& qn, const Question& q);

}  // namespace chosa
