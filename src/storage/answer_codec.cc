#include "storage/answer_codec.h"

#include <cstring>

namespace chosa {
namespace {

constexpr uint8_t kFormat = 1;

void PutVarint(std::string* out, uint64_t v) {
  while (v >= 0x80) {
    out->push_back(static_cast<char>((v & 0x7F) | 0x80));
    v >>= 7;
  }
  out->push_back(static_cast<char>(v));
}

void PutBytes(std::string* out, std::string_view bytes) {
  PutVarint(out, bytes.size());
  out->append(bytes);
}

bool InPart(const Question& q, AnswerPart part) {
  return q.personal == (part == AnswerPart::kPersonal);
}

class Cursor {
 public:
  explicit Cursor(std::string_view data) : p_(data.data()), end_(data.data() + data.size()) {}
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

void EncodeOthers(std::string* out, const Answer& a) {
  PutVarint(out, a.other_texts.size());
  for (const auto& [code, text] : a.other_texts) {
    PutVarint(out, static_cast<uint64_t>(code));
    PutBytes(out, text);
  }
}

void DecodeOthers(Cursor* c, Answer* a) {
  uint64_t n = c->Varint();
  for (uint64_t i = 0; i < n && c->ok(); ++i) {
    int code = static_cast<int>(c->Varint());
    std::string_view text = c->Bytes();
    a->other_texts.emplace_back(code, std::string(text));
  }
}

}  // namespace

std::string EncodeAnswers(const Questionnaire& qn, const Answers& answers, AnswerPart part) {
  std::string out;
  out.reserve(qn.questions.size() * 3);
  out.push_back(static_cast<char>(kFormat));
  for (size_t i = 0; i < qn.questions.size(); ++i) {
    const Question& q = qn.questions[i];
    if (!InPart(q, part)) continue;
    const Answer& a = answers[i];
    out.push_back(static_cast<char>(a.state));
    if (a.state != AnswerState::kAnswered) continue;
    switch (q.type) {
      case QuestionType::kSingle:
      case QuestionType::kPrefecture:
        PutVarint(&out, a.codes.empty() ? 0 : static_cast<uint64_t>(a.codes[0]));
        EncodeOthers(&out, a);
        break;
      case QuestionType::kMulti:
        PutVarint(&out, a.codes.size());
        for (int code : a.codes) PutVarint(&out, static_cast<uint64_t>(code));
        EncodeOthers(&out, a);
        break;
      case QuestionType::kGrid:
        PutVarint(&out, a.codes.size());
        for (int code : a.codes) PutVarint(&out, static_cast<uint64_t>(code));
        break;
      case QuestionType::kNumber: {
        char buf[8];
        std::memcpy(buf, &a.number, 8);
        out.append(buf, 8);
        break;
      }
      case QuestionType::kText:
      case QuestionType::kTextArea:
        PutBytes(&out, a.text);
        break;
    }
  }
  return out;
}

Status DecodeAnswers(const Questionnaire& qn, std::string_view record, AnswerPart part,
                     Answers* answers) {
  answers->resize(qn.questions.size());
  Cursor c(record);
  if (c.Byte() != kFormat) return Status::Corruption("回答レコードの形式が不明です");
  for (size_t i = 0; i < qn.questions.size() && c.ok(); ++i) {
    const Question& q = qn.questions[i];
    if (!InPart(q, part)) continue;
    Answer& a = (*answers)[i];
    a.codes.clear();
    a.other_texts.clear();
    a.text.clear();
    a.number = 0;
    uint8_t state = c.Byte();
    if (state > static_cast<uint8_t>(AnswerState::kNotApplicable)) {
      return Status::Corruption("回答レコードの状態値が不正です（質問 " + q.id + "）");
    }
    a.state = static_cast<AnswerState>(state);
    if (a.state != AnswerState::kAnswered) continue;
    switch (q.type) {
      case QuestionType::kSingle:
      case QuestionType::kPrefecture:
        a.codes.push_back(static_cast<int>(c.Varint()));
        DecodeOthers(&c, &a);
        break;
      case QuestionType::kMulti:
      case QuestionType::kGrid: {
        uint64_t n = c.Varint();
        if (n > 100000) return Status::Corruption("回答レコードが壊れています（質問 " + q.id + "）");
        for (uint64_t k = 0; k < n && c.ok(); ++k) a.codes.push_back(static_cast<int>(c.Varint()));
        if (q.type == QuestionType::kMulti) DecodeOthers(&c, &a);
        break;
      }
      case QuestionType::kNumber:
        a.number = c.Double();
        break;
      case QuestionType::kText:
      case QuestionType::kTextArea:
        a.text = std::string(c.Bytes());
        break;
    }
  }
  if (!c.ok() || !c.done()) {
    return Status::Corruption("回答レコードが調査票と合いません（長さが違います）");
  }
  return Status::Ok();
}

}  // namespace chosa
