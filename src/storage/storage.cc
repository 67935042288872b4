#include "storage/storage.h"

#include "storage/sqlite/sqlite_storage.h"

namespace chosa {

std::string_view ResponseStatusName(ResponseStatus status) {
  return status == ResponseStatus::kComplete ? "complete" : "in_progress";
}

std::string_view ChannelName(Channel channel) { return channel == Channel::kWeb ? "web" : "file"; }

Result<std::unique_ptr<Storage>> OpenStorage(const std::string& location) {
  std::string_view path = location;
  if (path.starts_with("sqlite:")) path.remove_prefix(7);
  CHOSA_ASSIGN_OR_RETURN(std::unique_ptr<SqliteStorage> db, SqliteStorage::Open(std::string(path)));
  return std::unique_ptr<Storage>(std::move(db));
}

}  // namespace chosa
