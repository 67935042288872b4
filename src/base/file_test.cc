#include "base/file.h"

#include <gtest/gtest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <filesystem>

namespace chosa {
namespace {

std::string TempPath(const std::string& name) {
  return (std::filesystem::temp_directory_path() / (name + std::to_string(::getpid()))).string();
}

TEST(FileTest, AtomicWriteCreatesFileWithRequestedMode) {
  std::string path = TempPath("chosa_file_test_");
  ASSERT_TRUE(WriteFileAtomic(path, "秘密", 0600).ok());
  struct stat st {};
  ASSERT_EQ(::stat(path.c_str(), &st), 0);
  EXPECT_EQ(st.st_mode & 0777, 0600u);
  EXPECT_EQ(*ReadFile(path), "秘密");
  ASSERT_TRUE(WriteFileAtomic(path, "上書き").ok());
  EXPECT_EQ(*ReadFile(path), "上書き");
  std::filesystem::remove(path);
}

TEST(FileTest, MissingFileIsNotFoundAndNamesThePath) {
  Result<std::string> r = ReadFile("/nonexistent/chosa.csv");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), StatusCode::kNotFound);
  EXPECT_NE(r.status().message().find("/nonexistent/chosa.csv"), std::string::npos);
}

TEST(FileTest, WriteIntoMissingFolderFails) {
  EXPECT_FALSE(WriteFileAtomic("/nonexistent/dir/x.txt", "x").ok());
}

}  // namespace
}  // namespace chosa
