// The stored form of a respondent's answers: a compact binary record, decoded with the
// questionnaire version it was written with. Layout (docs/storage.md):
//
//   record   := format:u8(=1) question*        (the questions of one part, in questionnaire order)
//   question := state:u8 payload?               (payload only when state == answered)
//   single, prefecture: code:varint others      multi: n:varint code:varint* others
//   grid:     n:varint code:varint*             number: f64 little-endian
//   text:     len:varint bytes                  others := n:varint (code:varint len:varint bytes)*
//
// Personal questions (the respondent block) and the rest are encoded as separate parts, so the
// personal part can be encrypted and stored apart.
#pragma once

#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>

#include "base/status.h"
#include "questionnaire/answer.h"
#include "questionnaire/questionnaire.h"

namespace chosa {

enum class AnswerPart { kSurvey, kPersonal };

// Encodes the answers to the questions of `part`. `answers` is indexed like qn.questions.
std::string EncodeAnswers(const Questionnaire& qn, const Answers& answers, AnswerPart part);

// Decodes a record of `part` into `answers` (resized to qn.questions.size(); questions of the
// other part are left untouched). Corruption if the bytes do not match the questionnaire.
Status DecodeAnswers(const Questionnaire& qn, std::string_view record, AnswerPart part,
                     Answers* answers);

// Walks a record without building Answers, calling `sink` for each question of `part` in order:
//   sink.State(q, state)              every question, first
//   sink.Code(q, code)                single, prefecture and each chosen multi code
//   sink.Item(q, item, code)          grid
//   sink.Number(q, value)  sink.Text(q, text)  sink.Other(q, code, text)
// Text views point into `record`. Corruption if the bytes do not match the questionnaire.
template <typename Sink>
Status WalkAnswers(const Questionnaire& qn, std::string_view record, AnswerPart part, Sink& sink);

namespace internal {

// Reads the record format; on any overrun it fails and stays failed.
class RecordCursor {
 public:
  explicit RecordCursor(std::string_view data) : p_(data.data()), end_(data.data() + data.size()) {}
  bool ok() const { return ok_; }
  bool done() const { return p_ == end_; }
  uint8_t Byte() {
    if (p_ >= end_) return Fail();
    return static_cast<uint8_t>(*p_++);
  }
  uint64_t Varint() {
    uint64_t v = 0;
    for (int shift = 0; shift < 64; shift += 7) {
      if (p_ >= end_) return Fail();
      uint8_t b = static_cast<uint8_t>(*p_++);
      v |= static_cast<uint64_t>(b & 0x7F) << shift;
      if ((b & 0x80) == 0) return v;
    }
    return Fail();
  }
  std::string_view Bytes() {
    uint64_t n = Varint();
    if (!ok_ || n > static_cast<uint64_t>(end_ - p_)) {
      Fail();
      return {};
    }
    std::string_view s(p_, n);
    p_ += n;
    return s;
  }
  double Double() {
    if (end_ - p_ < 8) return Fail();
    double d;
    std::memcpy(&d, p_, 8);
    p_ += 8;
    return d;
  }

 private:
  uint8_t Fail() {
    ok_ = false;
    p_ = end_;
    return 0;
  }
  const char* p_;
  const char* end_;
  bool ok_ = true;
};

inline constexpr uint8_t kRecordFormat = 1;
Status RecordCorruption(const Question& q);

}  // namespace internal

template <typename Sink>
Status WalkAnswers(const Questionnaire& qn, std::string_view record, AnswerPart part, Sink& sink) {
  internal::RecordCursor c(record);
  if (c.Byte() != internal::kRecordFormat)
    return Status::Corruption("回答レコードの形式が不明です");
  const bool personal = part == AnswerPart::kPersonal;
  for (size_t i = 0; i < qn.questions.size() && c.ok(); ++i) {
    const Question& q = qn.questions[i];
    if (q.personal != personal) continue;
    const int qi = static_cast<int>(i);
    uint8_t state = c.Byte();
    if (state > static_cast<uint8_t>(AnswerState::kNotApplicable))
      return internal::RecordCorruption(q);
    sink.State(qi, static_cast<AnswerState>(state));
    if (state != static_cast<uint8_t>(AnswerState::kAnswered)) continue;
    switch (q.type) {
      case QuestionType::kSingle:
      case QuestionType::kPrefecture:
      case QuestionType::kMulti: {
        uint64_t n = q.type == QuestionType::kMulti ? c.Varint() : 1;
        if (n > 100000) return internal::RecordCorruption(q);
        for (uint64_t k = 0; k < n && c.ok(); ++k) sink.Code(qi, static_cast<int>(c.Varint()));
        uint64_t others = c.Varint();
        for (uint64_t k = 0; k < others && c.ok(); ++k) {
          int code = static_cast<int>(c.Varint());
          sink.Other(qi, code, c.Bytes());
        }
        break;
      }
      case QuestionType::kGrid: {
        uint64_t n = c.Varint();
        if (n > 100000) return internal::RecordCorruption(q);
        for (uint64_t k = 0; k < n && c.ok(); ++k)
          sink.Item(qi, static_cast<int>(k), static_cast<int>(c.Varint()));
        break;
      }
      case QuestionType::kNumber:
        sink.Number(qi, c.Double());
        break;
      case QuestionType::kText:
      case QuestionType::kTextArea:
        sink.Text(qi, c.Bytes());
        break;
    }
  }
  if (!c.ok() || !c.done())
    return Status::Corruption("回答レコードが調査票と合いません（長さが違います）");
  return Status::Ok();
}

}  // namespace chosa
