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

}  // namespace chosa
