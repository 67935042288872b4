// Administrator passwords: Argon2id (libsodium crypto_pwhash_str with its "interactive" limits,
// 64 MiB and two passes, libsodium's recommendation for online logins).
#pragma once

#include <string>
#include <string_view>

#include "base/result.h"

namespace chosa::web {

// InvalidArgument for passwords shorter than 10 characters.
Result<std::string> HashPassword(std::string_view password);
bool VerifyPassword(std::string_view hash, std::string_view password);
// A hash of nothing, verified against when a user name is unknown so that both cases take as long.
const std::string& DummyPasswordHash();

}  // namespace chosa::web
