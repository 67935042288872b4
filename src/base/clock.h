// Clock: the seam through which chosa reads the time, so tests can fix it.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace chosa {

class Clock {
 public:
  virtual ~Clock() = default;
  // Microseconds since the Unix epoch, UTC.
  virtual int64_t NowMicros() const = 0;
};

// The system's real-time clock. Thread-safe.
const Clock& SystemClock();

// A clock that always answers the time it was given (tests).
class FixedClock final : public Clock {
 public:
  explicit FixedClock(int64_t micros) : micros_(micros) {}
  int64_t NowMicros() const override { return micros_; }
  void Set(int64_t micros) { micros_ = micros; }

 private:
  int64_t micros_;
};

// "2026-11-21T20:50:00Z" (UTC, whole seconds).
std::string FormatIso8601(int64_t micros);
// The inverse for that exact form; nullopt for anything else.
std::optional<int64_t> ParseIso8601(std::string_view text);
// Japan Standard Time (UTC+9, no daylight saving) for screens: "2026-11-22 05:50:00".
std::string FormatJst(int64_t micros);
// The same for file names: "20251122-055000".
std::string FormatJstCompact(int64_t micros);
// A stored ISO 8601 UTC time shown in Japan Standard Time (unchanged if it is not ISO 8601).
std::string JstTime(std::string_view iso8601);

}  // namespace chosa
