#include "base/file.h"

#include <fcntl.h>
#include <fmt/format.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>

namespace chosa {
namespace {

Status ErrnoStatus(const std::string& what, const std::string& path) {
  int e = errno;
  std::string msg = fmt::format("{}: {} ({})", path, what, std::strerror(e));
  return e == ENOENT ? Status::NotFound(msg) : Status::IoError(msg);
}

struct Fd {
  int fd = -1;
  ~Fd() {
    if (fd >= 0) ::close(fd);
  }
};

}  // namespace

Result<std::string> ReadFile(const std::string& path) {
  Fd f{::open(path.c_str(), O_RDONLY | O_CLOEXEC)};
  if (f.fd < 0) return ErrnoStatus("開けません", path);
  struct stat st {};
  if (::fstat(f.fd, &st) != 0) return ErrnoStatus("状態を取得できません", path);
  if (S_ISDIR(st.st_mode))
    return Status::InvalidArgument(path + ": フォルダです（ファイルを指定してください）");
  std::string data;
  data.resize(static_cast<size_t>(st.st_size));
  size_t done = 0;
  char probe[4096];  // files that grow while being read (pipes, procfs) continue here
  while (true) {
    bool in_buffer = done < data.size();
    ssize_t n = in_buffer ? ::read(f.fd, data.data() + done, data.size() - done)
                          : ::read(f.fd, probe, sizeof(probe));
    if (n < 0) {
      if (errno == EINTR) continue;
      return ErrnoStatus("読み込めません", path);
    }
    if (n == 0) break;
    if (!in_buffer) data.append(probe, static_cast<size_t>(n));
    done += static_cast<size_t>(n);
  }
  data.resize(done);
  return data;
}

Status WriteFileAtomic(const std::string& path, std::string_view contents, unsigned mode) {
  std::filesystem::path p(path);
  std::filesystem::path dir = p.has_parent_path() ? p.parent_path() : std::filesystem::path(".");
  std::string tmp = (dir / ("." + p.filename().string() + ".tmp")).string();
  {
    Fd f{::open(tmp.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, mode)};
    if (f.fd < 0) return ErrnoStatus("作成できません", tmp);
    ::fchmod(f.fd, mode);  // umask must not widen or narrow what the caller asked for
    size_t done = 0;
    while (done < contents.size()) {
      ssize_t n = ::write(f.fd, contents.data() + done, contents.size() - done);
      if (n < 0) {
        if (errno == EINTR) continue;
        Status s = ErrnoStatus("書き込めません", tmp);
        ::unlink(tmp.c_str());
        return s;
      }
      done += static_cast<size_t>(n);
    }
    if (::fsync(f.fd) != 0) {
      Status s = ErrnoStatus("ディスクに書き出せません", tmp);
      ::unlink(tmp.c_str());
      return s;
    }
  }
  if (::rename(tmp.c_str(), path.c_str()) != 0) {
    Status s = ErrnoStatus("名前を変更できません", path);
    ::unlink(tmp.c_str());
    return s;
  }
  Fd d{::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC)};
  if (d.fd >= 0) ::fsync(d.fd);
  return Status::Ok();
}

bool FileExists(const std::string& path) {
  struct stat st {};
  return ::stat(path.c_str(), &st) == 0;
}

}  // namespace chosa
