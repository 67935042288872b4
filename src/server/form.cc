#include "server/form.h"

#include <fmt/format.h>

#include "base/text.h"
#include "server/tokens.h"

namespace chosa::web {
namespace {

int HexValue(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

}  // namespace

bool PercentDecode(std::string_view in, bool plus_is_space, std::string* out) {
  out->clear();
  out->reserve(in.size());
  for (size_t i = 0; i < in.size(); ++i) {
    char c = in[i];
    if (c == '+' && plus_is_space) {
      out->push_back(' ');
    } else if (c == '%') {
      if (i + 2 >= in.size()) return false;
      int hi = HexValue(in[i + 1]), lo = HexValue(in[i + 2]);
      if (hi < 0 || lo < 0) return false;
      out->push_back(static_cast<char>(hi * 16 + lo));
      i += 2;
    } else {
      out->push_back(c);
    }
  }
  return true;
}

std::string PercentEncode(std::string_view in) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string out;
  out.reserve(in.size());
  for (char c : in) {
    auto u = static_cast<unsigned char>(c);
    if ((u >= 'a' && u <= 'z') || (u >= 'A' && u <= 'Z') || (u >= '0' && u <= '9') || u == '-' ||
        u == '.' || u == '_' || u == '~') {
      out.push_back(c);
    } else {
      out.push_back('%');
      out.push_back(kHex[u >> 4]);
      out.push_back(kHex[u & 15]);
    }
  }
  return out;
}

Result<FormData> FormData::Parse(std::string_view body, size_t max_fields) {
  FormData form;
  if (body.empty()) return form;
  for (std::string_view part : Split(body, '&')) {
    if (part.empty()) continue;
    if (form.fields_.size() >= max_fields) {
      return Status::InvalidArgument("送信された項目が多すぎます");
    }
    size_t eq = part.find('=');
    std::string name, value;
    if (!PercentDecode(part.substr(0, eq), true, &name) ||
        (eq != std::string_view::npos && !PercentDecode(part.substr(eq + 1), true, &value))) {
      return Status::InvalidArgument("送信内容を読めません（不正な % 表記）");
    }
    if (!IsValidUtf8(name) || !IsValidUtf8(value)) {
      return Status::InvalidArgument("送信内容の文字コードが UTF-8 ではありません");
    }
    form.fields_.emplace_back(std::move(name), std::move(value));
  }
  return form;
}

std::string_view FormData::Get(std::string_view name) const {
  for (const auto& [n, v] : fields_) {
    if (n == name) return v;
  }
  return {};
}

std::vector<std::string_view> FormData::GetAll(std::string_view name) const {
  std::vector<std::string_view> out;
  for (const auto& [n, v] : fields_) {
    if (n == name) out.push_back(v);
  }
  return out;
}

bool FormData::Has(std::string_view name) const {
  for (const auto& [n, v] : fields_) {
    if (n == name) return true;
  }
  return false;
}

std::string CookieValue(std::string_view header, std::string_view name) {
  for (std::string_view part : Split(header, ';')) {
    std::string_view p = Trim(part);
    size_t eq = p.find('=');
    if (eq == std::string_view::npos) continue;
    if (Trim(p.substr(0, eq)) == name) return std::string(Trim(p.substr(eq + 1)));
  }
  return "";
}

bool FormTokenMatches(std::string_view body, std::string_view expected) {
  Result<FormData> form = FormData::Parse(body);
  return form.ok() && ConstantTimeEquals(form->Get("_csrf"), expected);
}

}  // namespace chosa::web
