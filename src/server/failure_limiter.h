// FailureLimiter: counts failed attempts (wrong invitation codes, wrong passwords) per key
// (client address, user name) in a sliding window; a key with too many is blocked until its
// oldest failures leave the window. Thread-safe.
#pragma once

#include <cstdint>
#include <deque>
#include <mutex>
#include <string>
#include <unordered_map>

namespace chosa::web {

class FailureLimiter {
 public:
  static constexpr size_t kMaxFailures = 20;
  static constexpr int64_t kWindowSeconds = 600;

  bool Blocked(const std::string& key, int64_t now) {
    std::lock_guard<std::mutex> lock(mu_);
    auto it = failures_.find(key);
    if (it == failures_.end()) return false;
    Prune(it->second, now);
    if (it->second.empty()) {
      failures_.erase(it);
      return false;
    }
    return it->second.size() >= kMaxFailures;
  }

  void Fail(const std::string& key, int64_t now) {
    std::lock_guard<std::mutex> lock(mu_);
    auto& q = failures_[key];
    Prune(q, now);
    q.push_back(now);
  }

 private:
  static void Prune(std::deque<int64_t>& q, int64_t now) {
    while (!q.empty() && q.front() <= now - kWindowSeconds) q.pop_front();
  }

  std::mutex mu_;
  std::unordered_map<std::string, std::deque<int64_t>> failures_;
};

}  // namespace chosa::web
