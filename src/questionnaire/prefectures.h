// The 47 prefectures in JIS X 0401 order; codes 1 (北海道) to 47 (沖縄県).
#pragma once

#include <array>
#include <string_view>

namespace chosa {

inline constexpr int kPrefectureCount = 47;
extern const std::array<std::string_view, kPrefectureCount> kPrefectureNames;

// Code 1..47 for a name such as "東京都" or "東京"; 0 if unknown.
int PrefectureCode(std::string_view name);

}  // namespace chosa
