// WebApp driven directly with HttpRequest values (no sockets): sessions, CSRF, expiry.
#include "server/web_app.h"

#include <gtest/gtest.h>

#include "server/form.h"
#include "support/temp_dir.h"

namespace chosa::web {
namespace {

std::string Csrf(const std::string& body) {
  const std::string marker = "name=\"_csrf\" value=\"";
  size_t at = body.find(marker);
  if (at == std::string::npos) return "";
  at += marker.size();
  return body.substr(at, body.find('"', at) - at);
}

std::string CookieFrom(const HttpResponse& r) {
  for (const auto& [name, value] : r.headers) {
    if (name == "Set-Cookie") return value.substr(0, value.find(';'));
  }
  return "";
}

class WebAppTest : public ::testing::Test {
 protected:
  void SetUp() override {
    config_.database = dir_.File("chosa.db");
    config_.data_dir = std::string(CHOSA_SOURCE_DIR) + "/data";
    config_.surveys.push_back({"ipa-it-vendor-role", true});
    config_.session_hours = 1;
    Result<std::unique_ptr<WebApp>> app = WebApp::Create(config_, clock_);
    ASSERT_TRUE(app.ok()) << app.status().ToString();
    app_ = std::move(*app);
  }

  HttpResponse Send(const std::string& method, const std::string& path,
                    const std::string& cookie = "", const std::string& body = "") {
    HttpRequest r;
    r.method = method;
    size_t q = path.find('?');
    r.path = path.substr(0, q);
    if (q != std::string::npos) r.query = path.substr(q + 1);
    r.cookie = cookie;
    r.body = body;
    r.remote = "127.0.0.1";
    return app_->Handle(r);
  }

  // Opens the survey and returns the session cookie.
  std::string Start() {
    HttpResponse landing = Send("GET", "/s/ipa-it-vendor-role");
    HttpResponse start = Send("POST", "/s/ipa-it-vendor-role/start", CookieFrom(landing),
                              "_csrf=" + Csrf(landing.body));
    EXPECT_EQ(start.status, 303);
    return CookieFrom(start);
  }

  testing::TempDir dir_;
  FixedClock clock_{1763758200000000};
  ServerConfig config_;
  std::unique_ptr<WebApp> app_;
};

TEST_F(WebAppTest, EveryResponseCarriesSecurityHeaders) {
  HttpResponse r = Send("GET", "/");
  bool csp = false, nosniff = false;
  for (const auto& [name, value] : r.headers) {
    csp |= name == "Content-Security-Policy" &&
           value.find("frame-ancestors 'none'") != std::string::npos;
    nosniff |= name == "X-Content-Type-Options" && value == "nosniff";
  }
  EXPECT_TRUE(csp && nosniff);
}

TEST_F(WebAppTest, SessionsExpire) {
  std::string cookie = Start();
  EXPECT_EQ(Send("GET", "/a/1", cookie).status, 200);
  clock_.Set(clock_.NowMicros() + int64_t{3601} * 1000000);
  EXPECT_EQ(Send("GET", "/a/1", cookie).status, 403);
}

TEST_F(WebAppTest, FormsWithoutTheSessionsTokenAreRefused) {
  std::string cookie = Start();
  HttpResponse page = Send("GET", "/a/2", cookie);
  EXPECT_EQ(Send("POST", "/a/2", cookie, "Q1=1&_csrf=" + std::string(32, '0')).status, 403);
  EXPECT_EQ(Send("POST", "/a/submit", cookie, "").status, 403);
  EXPECT_EQ(Send("POST", "/a/2", cookie, "Q1=1&_action=back&_csrf=" + Csrf(page.body)).status, 303);
}

TEST_F(WebAppTest, StaticFilesCannotEscapeTheirFolder) {
  EXPECT_EQ(Send("GET", "/static/chosa.js").status, 200);
  EXPECT_EQ(Send("GET", "/static/.hidden").status, 404);
  EXPECT_EQ(Send("GET", "/static/..").status, 404);
}

}  // namespace
}  // namespace chosa::web
