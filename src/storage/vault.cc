#include "storage/vault.h"

#include <fmt/format.h>
#include <sodium.h>
#include <sys/stat.h>

#include "base/file.h"

namespace chosa {
namespace {

constexpr std::string_view kHeader = "chosa-key-v1\n";

bool InitSodium() {
  static const bool ok = sodium_init() >= 0;
  return ok;
}

std::string ToHex(const unsigned char* data, size_t n) {
  std::string hex(n * 2 + 1, '\0');
  sodium_bin2hex(hex.data(), hex.size(), data, n);
  hex.resize(n * 2);
  return hex;
}

}  // namespace

Vault::~Vault() { sodium_memzero(key_.data(), key_.size()); }

Vault Vault::FromKey(const std::array<unsigned char, kKeySize>& key) {
  InitSodium();
  Vault v;
  v.key_ = key;
  unsigned char id[8];
  // The fingerprint hashes a domain-separated copy of the key, so it reveals nothing about it.
  crypto_generichash(id, sizeof(id), v.key_.data(), v.key_.size(),
                     reinterpret_cast<const unsigned char*>("chosa-key-id"), 12);
  v.key_id_ = ToHex(id, sizeof(id));
  return v;
}

Result<Vault> Vault::Open(const std::string& path) {
  if (!InitSodium()) return Status::Internal("libsodium を初期化できません");
  struct stat st {};
  if (::stat(path.c_str(), &st) != 0) {
    return Status::NotFound(fmt::format("{}: 鍵ファイルがありません", path));
  }
  if ((st.st_mode & 077) != 0) {
    return Status::FailedPrecondition(fmt::format(
        "{}: 鍵ファイルを所有者以外も読めます（chmod 600 {} を実行してください）", path, path));
  }
  CHOSA_ASSIGN_OR_RETURN(std::string text, ReadFile(path));
  if (!text.starts_with(kHeader)) {
    return Status::Corruption(fmt::format("{}: chosa の鍵ファイルではありません", path));
  }
  std::string_view hex = std::string_view(text).substr(kHeader.size());
  while (!hex.empty() && (hex.back() == '\n' || hex.back() == '\r')) hex.remove_suffix(1);
  std::array<unsigned char, kKeySize> key{};
  size_t len = 0;
  if (hex.size() != kKeySize * 2 ||
      sodium_hex2bin(key.data(), key.size(), hex.data(), hex.size(), nullptr, &len, nullptr) != 0 ||
      len != kKeySize) {
    return Status::Corruption(fmt::format("{}: 鍵ファイルの内容が壊れています", path));
  }
  Vault v = FromKey(key);
  sodium_memzero(key.data(), key.size());
  return v;
}

Result<Vault> Vault::OpenOrCreate(const std::string& path) {
  if (!InitSodium()) return Status::Internal("libsodium を初期化できません");
  if (!FileExists(path)) {
    std::array<unsigned char, kKeySize> key{};
    randombytes_buf(key.data(), key.size());
    std::string text = std::string(kHeader) + ToHex(key.data(), key.size()) + "\n";
    Status written = WriteFileAtomic(path, text, 0600);
    sodium_memzero(text.data(), text.size());
    sodium_memzero(key.data(), key.size());
    CHOSA_RETURN_IF_ERROR(written);
  }
  return Open(path);
}

std::string Vault::Seal(std::string_view plaintext, std::string_view associated) const {
  std::string out(crypto_aead_xchacha20poly1305_ietf_NPUBBYTES + plaintext.size() +
                      crypto_aead_xchacha20poly1305_ietf_ABYTES,
                  '\0');
  auto* nonce = reinterpret_cast<unsigned char*>(out.data());
  randombytes_buf(nonce, crypto_aead_xchacha20poly1305_ietf_NPUBBYTES);
  unsigned long long clen = 0;
  crypto_aead_xchacha20poly1305_ietf_encrypt(
      nonce + crypto_aead_xchacha20poly1305_ietf_NPUBBYTES, &clen,
      reinterpret_cast<const unsigned char*>(plaintext.data()), plaintext.size(),
      reinterpret_cast<const unsigned char*>(associated.data()), associated.size(), nullptr, nonce,
      key_.data());
  out.resize(crypto_aead_xchacha20poly1305_ietf_NPUBBYTES + clen);
  return out;
}

Result<std::string> Vault::Unseal(std::string_view sealed, std::string_view associated) const {
  constexpr size_t kNonce = crypto_aead_xchacha20poly1305_ietf_NPUBBYTES;
  constexpr size_t kTag = crypto_aead_xchacha20poly1305_ietf_ABYTES;
  if (sealed.size() < kNonce + kTag) return Status::Corruption("暗号化された個人情報が短すぎます");
  std::string plain(sealed.size() - kNonce - kTag, '\0');
  unsigned long long plen = 0;
  const auto* nonce = reinterpret_cast<const unsigned char*>(sealed.data());
  if (crypto_aead_xchacha20poly1305_ietf_decrypt(
          reinterpret_cast<unsigned char*>(plain.data()), &plen, nullptr, nonce + kNonce,
          sealed.size() - kNonce, reinterpret_cast<const unsigned char*>(associated.data()),
          associated.size(), nonce, key_.data()) != 0) {
    return Status::Corruption("個人情報を復号できません（鍵が違うか、データが改ざんされています）");
  }
  plain.resize(plen);
  return plain;
}

}  // namespace chosa
