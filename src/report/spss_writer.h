// The answers as an SPSS system file (.sav, written by ReadStat) for researchers who continue in
// SPSS, R or Stata, plus an SPSS syntax file that defines the multiple-answer questions as
// multiple dichotomy sets (ReadStat does not write MRSETS records). Layout as the CSV export
// (questionnaire/variables.h): one variable per column, variable labels from the questions,
// value labels from the options. Missing values are user-defined and keep 無回答 apart from
// 非該当: codes -1 and -2 (numbers: -99999998 and -99999999). Personal data is never written.
#pragma once

#include <string>

#include "base/status.h"
#include "tabulation/dataset.h"

namespace chosa {

inline constexpr double kSavNoAnswer = -1, kSavNotApplicable = -2;
inline constexpr double kSavNumberNoAnswer = -99999998, kSavNumberNotApplicable = -99999999;

// Writes `path` (.sav) and the syntax next to it (`path` with .sps) from `data`, derived
// variables included; atomically (temporary files renamed into place).
Status WriteSav(const Dataset& data, const std::string& path);

// The SPSS syntax: MRSETS for the multiple-answer questions (counted value 1), and a comment
// naming the missing-value codes.
std::string SavSyntax(const Questionnaire& qn);

}  // namespace chosa
