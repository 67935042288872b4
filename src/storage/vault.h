// Vault: encrypts personal data (the respondent block) with a secret key kept in a file outside
// the database. XChaCha20-Poly1305 (libsodium) with a random 192-bit nonce per message; the
// response id is bound as associated data, so a sealed value cannot be moved to another response.
// A Vault is immutable after opening and safe to use from several threads.
#pragma once

#include <array>
#include <string>
#include <string_view>

#include "base/result.h"

namespace chosa {

class Vault {
 public:
  static constexpr size_t kKeySize = 32;

  // Reads the key file at `path`; if it does not exist, creates it with a new random key and
  // mode 0600 (and fails if that cannot be done). Fails if an existing file is malformed or is
  // readable by group or others.
  static Result<Vault> OpenOrCreate(const std::string& path);
  // Reads an existing key file; NotFound if it is missing.
  static Result<Vault> Open(const std::string& path);
  // A vault with the given key (tests).
  static Vault FromKey(const std::array<unsigned char, kKeySize>& key);

  Vault(const Vault&) = default;
  Vault& operator=(const Vault&) = default;
  ~Vault();

  // nonce || ciphertext+tag of `plaintext`, authenticated together with `associated`.
  std::string Seal(std::string_view plaintext, std::string_view associated) const;
  // The plaintext; Corruption if the data was altered, sealed under another key, or bound to
  // other associated data.
  Result<std::string> Unseal(std::string_view sealed, std::string_view associated) const;

  // A short public fingerprint of the key (hex), stored beside sealed data to detect a wrong
  // key file before trying to decrypt.
  const std::string& key_id() const { return key_id_; }

 private:
  Vault() = default;
  std::array<unsigned char, kKeySize> key_{};
  std::string key_id_;
};

}  // namespace chosa
