#include "questionnaire/answer.h"

#include <algorithm>

namespace chosa {

bool Answer::Has(int code) const {
  return std::find(codes.begin(), codes.end(), code) != codes.end();
}

const std::string* Answer::OtherText(int code) const {
  for (const auto& [c, t] : other_texts) {
    if (c == code) return &t;
  }
  return nullptr;
}

}  // namespace chosa
