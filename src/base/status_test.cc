#include "base/status.h"

#include <gtest/gtest.h>

#include "base/result.h"

namespace chosa {
namespace {

Status FailsWith(StatusCode code) { return Status(code, "だめ"); }

Status Propagates() {
  CHOSA_RETURN_IF_ERROR(Status::Ok());
  CHOSA_RETURN_IF_ERROR(FailsWith(StatusCode::kNotFound));
  return Status::Internal("not reached");
}

Result<int> Half(int x) {
  if (x % 2 != 0) return Status::InvalidArgument("奇数です");
  return x / 2;
}

Result<int> Quarter(int x) {
  CHOSA_ASSIGN_OR_RETURN(int h, Half(x));
  CHOSA_ASSIGN_OR_RETURN(int q, Half(h));
  return q;
}

TEST(StatusTest, OkAndErrors) {
  EXPECT_TRUE(Status::Ok().ok());
  EXPECT_EQ(Status::Ok().ToString(), "ok");
  Status s = Status::NotFound("ファイルがありません");
  EXPECT_FALSE(s.ok());
  EXPECT_EQ(s.code(), StatusCode::kNotFound);
  EXPECT_EQ(s.ToString(), "not found: ファイルがありません");
}

TEST(StatusTest, ReturnIfErrorStopsAtTheFirstFailure) {
  EXPECT_EQ(Propagates().code(), StatusCode::kNotFound);
}

TEST(ResultTest, AssignOrReturnPropagatesErrors) {
  EXPECT_EQ(*Quarter(8), 2);
  Result<int> r = Quarter(6);  // 6 -> 3 -> odd
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().message(), "奇数です");
}

}  // namespace
}  // namespace chosa
