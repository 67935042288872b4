// Parses single values the way Japanese users type them: full-width digits and spaces (IME),
// thousands separators, minus signs, a trailing unit. Every input first goes through
// NormalizeAnswerText (NFKC and trim). Pure functions, thread-safe.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "questionnaire/questionnaire.h"

namespace chosa {

// An option code: "3", "３", " 3 ". nullopt if not a whole number in 1..32767.
std::optional<int> ParseCode(std::string_view raw);

// A prefecture: its code ("13") or name ("東京都", "東京"). nullopt if neither.
std::optional<int> ParsePrefecture(std::string_view raw);

// A number: "1,234", "１２３４", "-5", "3.5", "50人" (when `unit` is "人").
// nullopt if it is not a number at all; decimals/range are checked by the engine.
std::optional<double> ParseNumber(std::string_view raw, std::string_view unit);

// Number of digits after the decimal point in the normalised text of a number.
int DecimalDigits(std::string_view raw);

// A number as chosa writes it back (inputs, exports): integers without a decimal point, others
// in the shortest form that reads back exactly.
std::string FormatAnswerNumber(double value);

bool IsEmailAddress(std::string_view text);
bool IsPhoneNumber(std::string_view text);
bool IsPostalCode(std::string_view text);

}  // namespace chosa
