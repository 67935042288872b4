// Clock: the seam through which chosa reads the time, so tests can fix it.
#pragma once

#include <cstdint>
#include <string>

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

}  // namespace chosa
