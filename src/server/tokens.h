// Random tokens for sessions, CSRF and invitation codes, and their stored hashes (libsodium).
#pragma once

#include <string>
#include <string_view>

namespace chosa::web {

// `bytes` random bytes as lowercase hex (32 bytes = 256 bits by default).
std::string RandomToken(size_t bytes = 32);
// A keyed-free BLAKE2b-256 hash as hex: what is stored for a token or an invitation code.
std::string HashToken(std::string_view token);
// Compares in time independent of where the strings differ.
bool ConstantTimeEquals(std::string_view a, std::string_view b);

}  // namespace chosa::web
