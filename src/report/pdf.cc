#include "report/pdf.h"

#include <fcntl.h>
#include <fmt/format.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <vector>

#include "base/file.h"

extern char** environ;

namespace chosa {

Status PrintPdf(const std::string& html_path, const std::string& pdf_path) {
  const char* env = std::getenv("CHOSA_CHROMIUM");
  std::string chromium = env != nullptr && *env != '\0' ? env : "/usr/bin/chromium";
  std::string url = "file://" + std::filesystem::absolute(html_path).string();
  std::string tmp = pdf_path + ".tmp.pdf";
  std::vector<std::string> args = {chromium,
                                   "--headless",
                                   "--no-sandbox",
                                   "--disable-gpu",
                                   "--no-pdf-header-footer",
                                   "--print-to-pdf=" + tmp,
                                   url};
  std::vector<char*> argv;
  for (std::string& a : args) argv.push_back(a.data());
  argv.push_back(nullptr);
  pid_t pid = 0;
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0);
  posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0);
  int rc = posix_spawn(&pid, chromium.c_str(), &actions, nullptr, argv.data(), environ);
  posix_spawn_file_actions_destroy(&actions);
  if (rc != 0)
    return Status::Internal(fmt::format("{} を起動できません（PDF を作れません）", chromium));
  int status = 0;
  waitpid(pid, &status, 0);
  Result<std::string> pdf = ReadFile(tmp);
  if (!WIFEXITED(status) || WEXITSTATUS(status) != 0 || !pdf.ok() || !pdf->starts_with("%PDF")) {
    std::filesystem::remove(tmp);
    return Status::Internal("Chromium で PDF を作れませんでした");
  }
  std::filesystem::rename(tmp, pdf_path);
  return Status::Ok();
}

Result<std::string> HtmlToPdf(std::string_view html) {
  std::string pattern = (std::filesystem::temp_directory_path() / "chosa-pdf-XXXXXX").string();
  if (mkdtemp(pattern.data()) == nullptr)
    return Status::Internal("PDF を作るための一時ディレクトリを作れません");
  std::filesystem::path dir(pattern);  // mkdtemp makes it 0700
  std::string html_path = (dir / "sheet.html").string();
  std::string pdf_path = (dir / "sheet.pdf").string();
  Status s = WriteFileAtomic(html_path, html, 0600);
  if (s.ok()) s = PrintPdf(html_path, pdf_path);
  Result<std::string> pdf = s.ok() ? ReadFile(pdf_path) : Result<std::string>(s);
  std::error_code ec;
  std::filesystem::remove_all(dir, ec);
  return pdf;
}

}  // namespace chosa
