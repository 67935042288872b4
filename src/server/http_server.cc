#include "server/http_server.h"

#include <fmt/format.h>

#include <restinio/all.hpp>
#include <thread>
#include <vector>

namespace chosa::web {
namespace {

struct Traits : public restinio::default_traits_t {
  using logger_t = restinio::null_logger_t;  // chosa logs itself, without personal data
};

std::string Reason(int status) {
  switch (status) {
    case 200:
      return "OK";
    case 303:
      return "See Other";
    case 400:
      return "Bad Request";
    case 403:
      return "Forbidden";
    case 404:
      return "Not Found";
    case 405:
      return "Method Not Allowed";
    case 413:
      return "Payload Too Large";
    case 422:
      return "Unprocessable Entity";
    case 429:
      return "Too Many Requests";
    default:
      return status >= 500 ? "Internal Server Error" : "OK";
  }
}

HttpRequest ToRequest(const restinio::request_t& req) {
  HttpRequest r;
  const auto& h = req.header();
  r.method = h.method().c_str();
  r.path = std::string(h.path());
  r.query = std::string(h.query());
  r.cookie = h.get_field_or(restinio::http_field::cookie, "");
  r.content_type = h.get_field_or(restinio::http_field::content_type, "");
  r.body = req.body();
  r.remote = req.remote_endpoint().address().to_string();
  r.secure = h.get_field_or("X-Forwarded-Proto", "") == "https";
  return r;
}

}  // namespace

Status RunHttpServer(const ServerConfig& config, const WebApp& app,
                     const std::function<void()>& on_ready) {
  restinio::asio_ns::io_context io;
  auto settings =
      restinio::server_settings_t<Traits>{}
          .address(config.address)
          .port(static_cast<std::uint16_t>(config.port))
          .max_pipelined_requests(1)
          // A hard cap well above the configured limit; between the two the app answers 413.
          .incoming_http_msg_limits(restinio::incoming_http_msg_limits_t{}.max_body_size(
              static_cast<std::size_t>(config.max_body_kib) * 4096))
          .read_next_http_message_timelimit(std::chrono::seconds(config.request_timeout_seconds))
          .write_http_response_timelimit(std::chrono::seconds(config.request_timeout_seconds))
          .handle_request_timeout(std::chrono::seconds(config.request_timeout_seconds))
          .request_handler([&app](restinio::request_handle_t req) {
            HttpResponse out = app.Handle(ToRequest(*req));
            auto resp = req->create_response(restinio::http_status_line_t{
                restinio::http_status_code_t{static_cast<std::uint16_t>(out.status)},
                Reason(out.status)});
            resp.append_header(restinio::http_field::content_type, out.content_type);
            for (auto& [name, value] : out.headers) resp.append_header(name, value);
            if (req->header().method() != restinio::http_method_head())
              resp.set_body(std::move(out.body));
            return resp.done();
          });
  restinio::http_server_t<Traits> server{restinio::external_io_context(io), std::move(settings)};

  std::exception_ptr failure;
  restinio::asio_ns::signal_set signals{io, SIGINT, SIGTERM};
  signals.async_wait([&](const restinio::asio_ns::error_code& ec, int) {
    if (ec) return;
    // Stop accepting; connections finish their current request; then the loop ends.
    server.close_async([&io] { io.stop(); },
                       [&failure, &io](std::exception_ptr ex) {
                         failure = ex;
                         io.stop();
                       });
  });
  server.open_async([&on_ready] { on_ready(); },
                    [&failure, &io](std::exception_ptr ex) {
                      failure = ex;
                      io.stop();
                    });
  std::vector<std::thread> pool;
  for (int i = 1; i < config.threads; ++i) pool.emplace_back([&io] { io.run(); });
  io.run();
  for (std::thread& t : pool) t.join();
  if (failure) {
    try {
      std::rethrow_exception(failure);
    } catch (const std::exception& e) {
      return Status::IoError(
          fmt::format("{}:{} で待ち受けできません: {}", config.address, config.port, e.what()));
    }
  }
  return Status::Ok();
}

}  // namespace chosa::web
