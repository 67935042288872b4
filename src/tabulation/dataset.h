// Dataset: the answers of many respondents held column by column (one column per question),
// for tabulation. Built by appending respondents' typed answers; personal questions are never
// stored. An optional weight per respondent (1.0 when unweighted).
#pragma once

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "base/status.h"
#include "questionnaire/answer.h"
#include "questionnaire/questionnaire.h"

namespace chosa {

struct QuestionColumn {
  std::vector<AnswerState> states;  // one per respondent
  // single, prefecture: the code per respondent (0 when not answered).
  // grid: items() codes per respondent, row-major (0 = item unanswered).
  std::vector<int16_t> codes;
  // multi: `words` 64-bit words per respondent; bit i = the i-th option of the question chosen.
  std::vector<uint64_t> bits;
  int words = 0;
  std::vector<double> numbers;  // number: the value per respondent (0 when not answered)
  // Texts, in respondent order: "other" option texts (code, text) and free texts (code 0).
  std::vector<std::pair<int64_t, std::pair<int, std::string>>> texts;
};

class Dataset {
 public:
  // `qn` must outlive the dataset.
  explicit Dataset(const Questionnaire& qn);

  // Appends one respondent. `answers` is indexed like the questionnaire's questions.
  void Add(const Answers& answers, double weight = 1.0);

  // Appends one respondent from a stored record (storage/answer_codec.h) written with this
  // questionnaire version, without building Answers. With `weight_question` >= 0 the weight is
  // that number question's answer (InvalidArgument if it is empty). Corruption if the record
  // does not decode; the dataset is then unchanged.
  Status AddRecord(std::string_view record, int weight_question = -1);

  // Appends the respondents of `other`, which must be built on the same questionnaire, after
  // this dataset's (texts keep their respondent's position).
  void Append(const Dataset& other);

  // Switches to `extended`, whose first questions are this dataset's questionnaire's, and adds
  // one column (one value per respondent) for each question after them. `extended` must
  // outlive the dataset.
  void Extend(const Questionnaire& extended, std::vector<QuestionColumn> columns);

  // Replaces the weights (one per respondent); the dataset is weighted from then on.
  void SetWeights(std::vector<double> weights);

  // Reserves room for `rows` respondents.
  void Reserve(int64_t rows);

  const Questionnaire& questionnaire() const { return *qn_; }
  int64_t size() const { return rows_; }
  const QuestionColumn& column(int question) const { return columns_[question]; }
  const std::vector<double>& weights() const { return weights_; }
  bool weighted() const { return weighted_; }
  double TotalWeight() const;
  // Position of `code` among the options of `question` (its bit in a multi column), or -1.
  int OptionIndex(int question, int code) const {
    return qn_->questions[question].OptionPosition(code);
  }

 private:
  friend struct RecordSink;
  friend struct ColumnSnapshotIo;  // column_cache.cc: writes and reads the columns as they are
  void Truncate(int64_t rows);     // drops respondents from `rows` on (undoes a failed AddRecord)

  const Questionnaire* qn_;
  int64_t rows_ = 0;
  std::vector<QuestionColumn> columns_;
  std::vector<double> weights_;
  bool weighted_ = false;
};

}  // namespace chosa
