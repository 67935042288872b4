#include "server/http_server.h"

#include <fmt/format.h>
#include <sys/socket.h>

#include <atomic>
#include <memory>
#include <mutex>
#include <restinio/all.hpp>
#include <thread>
#include <vector>

namespace chosa::web {
namespace {

// One single-threaded server per thread (no strand locking); the threads share the port with
// SO_REUSEPORT and the kernel spreads connections over them.
struct Traits : public restinio::single_thread_traits_t<restinio::asio_timer_manager_t,
                                                        restinio::null_logger_t> {};
using ReusePort = restinio::asio_ns::detail::socket_option::boolean<SOL_SOCKET, SO_REUSEPORT>;
using Server = restinio::http_server_t<Traits>;

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
  r.host = h.get_field_or(restinio::http_field::host, "");
  r.content_type = h.get_field_or(restinio::http_field::content_type, "");
  r.body = req.body();
  r.remote = req.remote_endpoint().address().to_string();
  r.secure = h.get_field_or("X-Forwarded-Proto", "") == "https";
  return r;
}

}  // namespace

Status RunHttpServer(const ServerConfig& config, const WebApp& app,
                     const std::function<void()>& on_ready) {
  int n = config.threads;
  std::vector<std::unique_ptr<restinio::asio_ns::io_context>> ios;
  std::vector<std::unique_ptr<Server>> servers;
  for (int i = 0; i < n; ++i) {
    ios.push_back(std::make_unique<restinio::asio_ns::io_context>());
    auto settings =
        restinio::server_settings_t<Traits>{}
            .address(config.address)
            .port(static_cast<std::uint16_t>(config.port))
            .max_pipelined_requests(1)
            .acceptor_options_setter([](restinio::acceptor_options_t& options) {
              options.set_option(restinio::asio_ns::ip::tcp::acceptor::reuse_address(true));
              options.set_option(ReusePort(true));
            })
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
    servers.push_back(
        std::make_unique<Server>(restinio::external_io_context(*ios.back()), std::move(settings)));
  }

  std::mutex mu;
  std::exception_ptr failure;
  auto fail = [&](std::exception_ptr ex) {
    std::lock_guard<std::mutex> lock(mu);
    if (!failure) failure = ex;
  };
  auto stop_all = [&] {
    for (int i = 0; i < n; ++i) {
      restinio::asio_ns::post(*ios[i], [&, i] {
        servers[i]->close_async([&, i] { ios[i]->stop(); },
                                [&, i](std::exception_ptr ex) {
                                  fail(ex);
                                  ios[i]->stop();
                                });
      });
    }
  };
  // Stop accepting on SIGINT/SIGTERM; connections finish their current request; loops end.
  restinio::asio_ns::signal_set signals{*ios[0], SIGINT, SIGTERM};
  signals.async_wait([&](const restinio::asio_ns::error_code& ec, int) {
    if (!ec) stop_all();
  });
  std::atomic<int> opened{0};
  for (int i = 0; i < n; ++i) {
    servers[i]->open_async(
        [&] {
          if (++opened == n) on_ready();
        },
        [&, i](std::exception_ptr ex) {
          fail(ex);
          stop_all();
        });
  }
  std::vector<std::thread> pool;
  for (int i = 1; i < n; ++i) pool.emplace_back([&, i] { ios[i]->run(); });
  ios[0]->run();
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
