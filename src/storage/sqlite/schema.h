// The SQLite schema as a list of migrations; migration i (1-based) brings the database to
// schema version i. Never edit a released migration: append a new one.
#pragma once

#include <span>
#include <string_view>

namespace chosa::internal {

std::span<const std::string_view> SqliteMigrations();

}  // namespace chosa::internal
