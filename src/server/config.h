// Settings of `chosa serve`, from one YAML file (docs/server.md lists every key and default).
#pragma once

#include <string>
#include <vector>

#include "base/result.h"

namespace chosa::web {

struct ServedSurvey {
  std::string questionnaire;  // a file or built-in name; registered in the database at start
  bool open_link = false;     // anyone may answer at /s/<survey id>; otherwise invitations only
};

struct ServerConfig {
  std::string address = "127.0.0.1";  // listen address
  int port = 8080;
  std::string database = "chosa.db";   // SQLite file
  std::string key_file;                // personal-data key; default <database>.key
  std::string data_dir;                // templates and static files; default: the built-in data dir
  int threads = 2;                     // request threads
  bool secure_cookies = false;         // add "Secure" to cookies (set true behind TLS)
  int session_hours = 72;              // how long an answering session stays valid
  int max_body_kib = 256;              // larger request bodies are refused (413)
  int request_timeout_seconds = 15;    // reading a request or writing a response
  int dashboard_refresh_seconds = 15;  // the admin dashboard reloads its figures this often
  std::string public_url;  // invitation links start with this; default: from the Host header
  std::vector<ServedSurvey> surveys;

  std::string KeyFile() const { return key_file.empty() ? database + ".key" : key_file; }
};

// Reads a config file; every error names file:line:column.
Result<ServerConfig> LoadServerConfig(const std::string& path);

}  // namespace chosa::web
