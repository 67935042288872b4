#include "server/session.h"

#include <fmt/format.h>

namespace chosa::web {
namespace {

std::string Cookie(const char* name, const std::string& value, int max_age, bool secure) {
  return fmt::format("{}={}; Path=/; Max-Age={}; HttpOnly; SameSite=Lax{}", name, value, max_age,
                     secure ? "; Secure" : "");
}

}  // namespace

std::string RespondentCookie(const std::string& token, int max_age_seconds, bool secure) {
  return Cookie(kSessionCookie, token, max_age_seconds, secure);
}

std::string PreSessionCookie(const std::string& token, bool secure) {
  return Cookie(kPreSessionCookie, token, 3600, secure);
}

std::string ClearCookie(const char* name, bool secure) { return Cookie(name, "", 0, secure); }

}  // namespace chosa::web
