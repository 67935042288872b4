#include "base/clock.h"

#include <chrono>
#include <ctime>

namespace chosa {
namespace {

class RealClock final : public Clock {
 public:
  int64_t NowMicros() const override {
    return std::chrono::duration_cast<std::chrono::microseconds>(
               std::chrono::system_clock::now().time_since_epoch())
        .count();
  }
};

}  // namespace

const Clock& SystemClock() {
  static const RealClock clock;
  return clock;
}

std::string FormatIso8601(int64_t micros) {
  std::time_t secs = static_cast<std::time_t>(micros / 1000000);
  std::tm tm{};
  gmtime_r(&secs, &tm);
  char buf[32];
  std::strftime(buf, sizeof(buf), "%Y-%m-%dT%H:%M:%SZ", &tm);
  return buf;
}

std::optional<int64_t> ParseIso8601(std::string_view text) {
  if (text.size() != 20 || text[4] != '-' || text[7] != '-' || text[10] != 'T' || text[13] != ':' ||
      text[16] != ':' || text[19] != 'Z') {
    return std::nullopt;
  }
  auto num = [&](size_t at, size_t len, int lo, int hi) -> std::optional<int> {
    int v = 0;
    for (size_t i = at; i < at + len; ++i) {
      if (text[i] < '0' || text[i] > '9') return std::nullopt;
      v = v * 10 + (text[i] - '0');
    }
    if (v < lo || v > hi) return std::nullopt;
    return v;
  };
  auto y = num(0, 4, 1970, 9999), mo = num(5, 2, 1, 12), d = num(8, 2, 1, 31),
       h = num(11, 2, 0, 23), mi = num(14, 2, 0, 59), se = num(17, 2, 0, 60);
  if (!y || !mo || !d || !h || !mi || !se) return std::nullopt;
  std::tm tm{};
  tm.tm_year = *y - 1900;
  tm.tm_mon = *mo - 1;
  tm.tm_mday = *d;
  tm.tm_hour = *h;
  tm.tm_min = *mi;
  tm.tm_sec = *se;
  return int64_t{timegm(&tm)} * 1000000;
}

std::string FormatJst(int64_t micros) {
  std::time_t secs = static_cast<std::time_t>(micros / 1000000 + 9 * 3600);
  std::tm tm{};
  gmtime_r(&secs, &tm);
  char buf[32];
  std::strftime(buf, sizeof(buf), "%Y-%m-%d %H:%M:%S", &tm);
  return buf;
}

std::string FormatJstCompact(int64_t micros) {
  std::time_t secs = static_cast<std::time_t>(micros / 1000000 + 9 * 3600);
  std::tm tm{};
  gmtime_r(&secs, &tm);
  char buf[32];
  std::strftime(buf, sizeof(buf), "%Y%m%d-%H%M%S", &tm);
  return buf;
}

std::string JstTime(std::string_view iso8601) {
  std::optional<int64_t> micros = ParseIso8601(iso8601);
  return micros ? FormatJst(*micros) : std::string(iso8601);
}

}  // namespace chosa
