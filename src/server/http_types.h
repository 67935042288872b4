// The web application's view of HTTP: plain values, independent of the server library, so the
// application can be tested without sockets. http_server.cc adapts RESTinio to them.
#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace chosa::web {

struct HttpRequest {
  std::string method;  // "GET", "POST", ...
  std::string path;    // decoded path, e.g. "/a/2"
  std::string query;   // raw query string without '?'
  std::string cookie;  // the Cookie header
  std::string host;    // the Host header
  std::string content_type;
  std::string body;
  std::string remote;   // client address, for rate limits (never logged with answers)
  bool secure = false;  // reached over TLS (directly or via X-Forwarded-Proto: https)
};

struct HttpResponse {
  int status = 200;
  std::string content_type = "text/html; charset=utf-8";
  std::string body;
  std::vector<std::pair<std::string, std::string>> headers;  // extra headers (Location, Set-Cookie)

  static HttpResponse Redirect(std::string location) {
    HttpResponse r;
    r.status = 303;
    r.headers.emplace_back("Location", std::move(location));
    return r;
  }
};

}  // namespace chosa::web
