// Cookies of the web answering system. The session cookie holds a random 256-bit token whose
// hash is stored; the pre-session cookie carries the CSRF token of the start form.
#pragma once

#include <string>

namespace chosa::web {

inline constexpr const char* kSessionCookie = "chosa_session";
inline constexpr const char* kPreSessionCookie = "chosa_start";

// Set-Cookie values: HttpOnly, SameSite=Lax, Path=/, Secure when `secure`.
std::string RespondentCookie(const std::string& token, int max_age_seconds, bool secure);
std::string PreSessionCookie(const std::string& token, bool secure);
std::string ClearCookie(const char* name, bool secure);

}  // namespace chosa::web
