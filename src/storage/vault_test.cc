#include "storage/vault.h"

#include <gtest/gtest.h>
#include <sys/stat.h>

#include "base/file.h"
#include "support/temp_dir.h"

namespace chosa {
namespace {

using namespace std::string_view_literals;

TEST(VaultTest, CreatesAPrivateKeyFileOnFirstUseAndReusesIt) {
  testing::TempDir dir;
  std::string path = dir.File("chosa.key");
  Result<Vault> first = Vault::OpenOrCreate(path);
  ASSERT_TRUE(first.ok()) << first.status().ToString();
  struct stat st {};
  ASSERT_EQ(::stat(path.c_str(), &st), 0);
  EXPECT_EQ(st.st_mode & 0777, 0600u);
  Result<Vault> second = Vault::OpenOrCreate(path);
  ASSERT_TRUE(second.ok());
  EXPECT_EQ(first->key_id(), second->key_id());
  std::string sealed = first->Seal("山田 太郎", "ad");
  EXPECT_EQ(*second->Unseal(sealed, "ad"), "山田 太郎");
}

TEST(VaultTest, SealedDataIsAuthenticatedAndBound) {
  Vault v = Vault::FromKey({1, 2, 3});
  std::string sealed = v.Seal("taro@example.jp", "survey\0R001"sv);
  EXPECT_EQ(sealed.find("taro"), std::string::npos);
  EXPECT_NE(v.Seal("taro@example.jp", "x"), v.Seal("taro@example.jp", "x")) << "random nonce";
  EXPECT_EQ(v.Unseal(sealed, "survey\0R002"sv).status().code(), StatusCode::kCorruption);
  std::string tampered = sealed;
  tampered[tampered.size() - 1] ^= 1;
  EXPECT_EQ(v.Unseal(tampered, "survey\0R001"sv).status().code(), StatusCode::kCorruption);
  Vault other = Vault::FromKey({9});
  EXPECT_NE(other.key_id(), v.key_id());
  EXPECT_FALSE(other.Unseal(sealed, "survey\0R001"sv).ok());
  EXPECT_FALSE(v.Unseal("short", "").ok());
}

TEST(VaultTest, RefusesKeyFilesOthersCanReadOrThatAreMalformed) {
  testing::TempDir dir;
  std::string path = dir.File("k");
  ASSERT_TRUE(Vault::OpenOrCreate(path).ok());
  ASSERT_EQ(::chmod(path.c_str(), 0644), 0);
  Result<Vault> open = Vault::Open(path);
  EXPECT_EQ(open.status().code(), StatusCode::kFailedPrecondition);
  EXPECT_NE(open.status().message().find("chmod 600"), std::string::npos);
  ASSERT_TRUE(WriteFileAtomic(path, "not a key", 0600).ok());
  EXPECT_EQ(Vault::Open(path).status().code(), StatusCode::kCorruption);
  EXPECT_EQ(Vault::Open(dir.File("missing")).status().code(), StatusCode::kNotFound);
}

}  // namespace
}  // namespace chosa
