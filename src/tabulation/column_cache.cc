#include "tabulation/column_cache.h"

#include <fcntl.h>
#include <fmt/format.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <functional>
#include <memory>
#include <thread>

namespace chosa {

namespace {

// "CHOSACS" + format number; bump the number whenever the layout or QuestionColumn changes.
constexpr char kMagic[8] = {'C', 'H', 'O', 'S', 'A', 'C', 'S', '1'};

struct FileCloser {
  void operator()(FILE* f) const { std::fclose(f); }
};
using File = std::unique_ptr<FILE, FileCloser>;

class Writer {
 public:
  explicit Writer(FILE* f) : f_(f) {}
  void Bytes(const void* p, size_t n) { ok_ = ok_ && (n == 0 || std::fwrite(p, 1, n, f_) == n); }
  void U64(uint64_t v) { Bytes(&v, sizeof v); }
  void String(const std::string& s) {
    U64(s.size());
    Bytes(s.data(), s.size());
  }
  template <typename T>
  void Vector(const std::vector<T>& v) {
    U64(v.size());
    Bytes(v.data(), v.size() * sizeof(T));
  }
  bool ok() const { return ok_; }

 private:
  FILE* f_;
  bool ok_ = true;
};

// Reads a snapshot mapped in memory. Vectors are not copied at once: each becomes a task, and
// the tasks run afterwards on two threads (copying 100s of MB is most of a load).
class Reader {
 public:
  Reader(const char* data, uint64_t size) : p_(data), left_(size) {}
  bool Bytes(void* out, uint64_t n) {
    if (!ok_ || n > left_) return ok_ = false;
    std::memcpy(out, p_, n);
    p_ += n;
    left_ -= n;
    return true;
  }
  uint64_t U64() {
    uint64_t v = 0;
    Bytes(&v, sizeof v);
    return v;
  }
  std::string String() {
    uint64_t n = U64();
    if (!ok_ || n > left_) return ok_ = false, "";
    std::string s(p_, n);
    p_ += n;
    left_ -= n;
    return s;
  }
  // A vector of `expected` elements (checked against what the file says); personal questions'
  // columns are empty.
  template <typename T>
  void Vector(std::vector<T>* v, uint64_t expected, bool may_be_empty = false) {
    uint64_t n = U64();
    if (!ok_ || (n != expected && !(may_be_empty && n == 0)) || n > left_ / sizeof(T)) {
      ok_ = false;
      return;
    }
    const T* from = reinterpret_cast<const T*>(p_);
    copies_.push_back({n * sizeof(T), [v, from, n] { v->assign(from, from + n); }});
    p_ += n * sizeof(T);
    left_ -= n * sizeof(T);
  }
  // Runs the copies, the larger ones first, on this thread and one more.
  void Copy() {
    std::sort(copies_.begin(), copies_.end(),
              [](const auto& a, const auto& b) { return a.first > b.first; });
    std::atomic<size_t> next{0};
    auto work = [&] {
      for (size_t i = next++; i < copies_.size(); i = next++) copies_[i].second();
    };
    std::thread other(work);
    work();
    other.join();
  }
  bool ok() const { return ok_; }
  bool done() const { return ok_ && left_ == 0; }

 private:
  const char* p_;
  uint64_t left_;
  bool ok_ = true;
  std::vector<std::pair<uint64_t, std::function<void()>>> copies_;
};

}  // namespace

struct ColumnSnapshotIo {
  static void Write(Writer& w, const Dataset& d) {
    w.U64(static_cast<uint64_t>(d.rows_));
    w.U64(d.weighted_ ? 1 : 0);
    w.U64(d.columns_.size());
    for (const QuestionColumn& c : d.columns_) {
      w.U64(static_cast<uint64_t>(c.words));
      w.Vector(c.states);
      w.Vector(c.codes);
      w.Vector(c.bits);
      w.Vector(c.numbers);
      w.U64(c.texts.size());
      for (const auto& [row, text] : c.texts) {
        w.U64(static_cast<uint64_t>(row));
        w.U64(static_cast<uint64_t>(static_cast<int64_t>(text.first)));
        w.String(text.second);
      }
    }
    w.Vector(d.weights_);
  }

  static bool Read(Reader& r, Dataset* d) {
    uint64_t rows = r.U64();
    bool weighted = r.U64() == 1;
    uint64_t columns = r.U64();
    const Questionnaire& qn = d->questionnaire();
    if (!r.ok() || columns != d->columns_.size() || columns != qn.questions.size()) return false;
    for (size_t i = 0; i < columns; ++i) {
      const Question& q = qn.questions[i];
      QuestionColumn& c = d->columns_[i];
      uint64_t words = r.U64();
      if (words != static_cast<uint64_t>(c.words)) return false;
      bool grid = q.type == QuestionType::kGrid;
      bool coded = q.type == QuestionType::kSingle || q.type == QuestionType::kPrefecture || grid;
      bool personal = q.personal;
      r.Vector(&c.states, rows, personal);
      r.Vector(&c.codes, coded ? rows * (grid ? q.items.size() : 1) : 0, personal);
      r.Vector(&c.bits, rows * words, personal);
      r.Vector(&c.numbers, q.type == QuestionType::kNumber ? rows : 0, personal);
      uint64_t texts = r.U64();
      if (!r.ok() || texts > rows * 64) return false;
      c.texts.reserve(texts);
      for (uint64_t t = 0; t < texts; ++t) {
        int64_t row = static_cast<int64_t>(r.U64());
        int code = static_cast<int>(static_cast<int64_t>(r.U64()));
        std::string text = r.String();
        if (!r.ok() || row < 0 || static_cast<uint64_t>(row) >= rows) return false;
        c.texts.push_back({row, {code, std::move(text)}});
      }
    }
    r.Vector(&d->weights_, rows);
    if (!r.done()) return false;
    r.Copy();
    d->rows_ = static_cast<int64_t>(rows);
    d->weighted_ = weighted;
    return true;
  }
};

Status SaveColumnSnapshot(const std::string& path, const std::string& key, const Dataset& data) {
  std::error_code ec;
  std::filesystem::path dir = std::filesystem::path(path).parent_path();
  if (!dir.empty()) {
    std::filesystem::create_directories(dir, ec);
    std::filesystem::permissions(dir, std::filesystem::perms::owner_all,
                                 std::filesystem::perm_options::replace, ec);
  }
  std::string tmp = fmt::format("{}.{}.tmp", path, getpid());
  int fd = ::open(tmp.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
  if (fd < 0) return Status::Internal(fmt::format("{} を作れません", tmp));
  File f(fdopen(fd, "wb"));
  if (!f) {
    ::close(fd);
    return Status::Internal(fmt::format("{} を作れません", tmp));
  }
  std::setvbuf(f.get(), nullptr, _IOFBF, 1 << 20);
  Writer w(f.get());
  w.Bytes(kMagic, sizeof kMagic);
  w.String(key);
  ColumnSnapshotIo::Write(w, data);
  bool ok = w.ok() && std::fflush(f.get()) == 0;
  f.reset();
  if (!ok) {
    std::filesystem::remove(tmp, ec);
    return Status::Internal(fmt::format("{} に書けません", tmp));
  }
  std::filesystem::rename(tmp, path, ec);
  if (ec) {
    std::filesystem::remove(tmp, ec);
    return Status::Internal(fmt::format("{} を置けません", path));
  }
  return Status::Ok();
}

bool LoadColumnSnapshot(const std::string& path, const std::string& key, Dataset* data) {
  if (data->size() != 0) return false;
  int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return false;
  struct stat st {};
  if (::fstat(fd, &st) != 0 || st.st_size < static_cast<off_t>(sizeof kMagic)) {
    ::close(fd);
    return false;
  }
  size_t size = static_cast<size_t>(st.st_size);
  void* mapped = ::mmap(nullptr, size, PROT_READ, MAP_PRIVATE | MAP_POPULATE, fd, 0);
  ::close(fd);
  if (mapped == MAP_FAILED) return false;
  Reader r(static_cast<const char*>(mapped), size);
  char magic[sizeof kMagic];
  bool ok = r.Bytes(magic, sizeof magic) && std::memcmp(magic, kMagic, sizeof kMagic) == 0 &&
            r.String() == key && r.ok();
  Dataset loaded(data->questionnaire());
  ok = ok && ColumnSnapshotIo::Read(r, &loaded);
  ::munmap(mapped, size);
  if (ok) *data = std::move(loaded);
  return ok;
}

}  // namespace chosa
