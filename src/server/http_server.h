// Serves a WebApp over HTTP with RESTinio (Asio + the Node.js HTTP parser): a pool of threads,
// keep-alive, limits on request size and time, graceful shutdown on SIGINT/SIGTERM (in-flight
// requests finish; nothing half-written).
#pragma once

#include <functional>

#include "base/status.h"
#include "server/config.h"
#include "server/web_app.h"

namespace chosa::web {

// Runs until SIGINT or SIGTERM. `on_ready` is called once the socket listens.
Status RunHttpServer(const ServerConfig& config, const WebApp& app,
                     const std::function<void()>& on_ready);

}  // namespace chosa::web
