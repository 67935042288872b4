#include "storage/answer_codec.h"

namespace chosa {
namespace {

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

void EncodeOthers(std::string* out, const Answer& a) {
  PutVarint(out, a.other_texts.size());
  for (const auto& [code, text] : a.other_texts) {
    PutVarint(out, static_cast<uint64_t>(code));
    PutBytes(out, text);
  }
}

// Fills Answers from a record walk.
struct AnswersSink {
  Answers& answers;
  void State(int q, AnswerState state) {
    Answer& a = answers[q];
    a.state = state;
    a.codes.clear();
    a.other_texts.clear();
    a.text.clear();
    a.number = 0;
  }
  void Code(int q, int code) { answers[q].codes.push_back(code); }
  void Item(int q, int, int code) { answers[q].codes.push_back(code); }
  void Number(int q, double value) { answers[q].number = value; }
  void Text(int q, std::string_view text) { answers[q].text.assign(text); }
  void Other(int q, int code, std::string_view text) {
    answers[q].other_texts.emplace_back(code, std::string(text));
  }
};

}  // namespace

namespace internal {

Status RecordCorruption(const Question& q) {
  return Status::Corruption("回答レコードが壊れています（質問 " + q.id + "）");
}

}  // namespace internal

std::string EncodeAnswers(const Questionnaire& qn, const Answers& answers, AnswerPart part) {
  std::string out;
  out.reserve(qn.questions.size() * 3);
  out.push_back(static_cast<char>(internal::kRecordFormat));
  const bool personal = part == AnswerPart::kPersonal;
  for (size_t i = 0; i < qn.questions.size(); ++i) {
    const Question& q = qn.questions[i];
    if (q.personal != personal) continue;
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
  AnswersSink sink{*answers};
  return WalkAnswers(qn, record, part, sink);
}

}  // namespace chosa
