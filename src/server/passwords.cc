#include "server/passwords.h"

#include <sodium.h>

#include "base/text.h"

namespace chosa::web {

Result<std::string> HashPassword(std::string_view password) {
  if (sodium_init() < 0) return Status::Internal("libsodium を初期化できません");
  if (CodePointCount(password) < 10)
    return Status::InvalidArgument("パスワードは10文字以上にしてください");
  char out[crypto_pwhash_STRBYTES];
  if (crypto_pwhash_str(out, password.data(), password.size(), crypto_pwhash_OPSLIMIT_INTERACTIVE,
                        crypto_pwhash_MEMLIMIT_INTERACTIVE) != 0) {
    return Status::Internal("パスワードのハッシュを作れません（メモリ不足）");
  }
  return std::string(out);
}

bool VerifyPassword(std::string_view hash, std::string_view password) {
  if (sodium_init() < 0) return false;
  std::string h(hash);  // NUL-terminated for libsodium
  return crypto_pwhash_str_verify(h.c_str(), password.data(), password.size()) == 0;
}

const std::string& DummyPasswordHash() {
  static const std::string hash = *HashPassword("chosa-dummy-password");
  return hash;
}

}  // namespace chosa::web
