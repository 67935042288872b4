// The public size-classification page (issue 5): industry, capital and employees in, the SME
// class by the legal definition out, naming the rule that applied (classification/sme_size.h,
// the same module the reports and `chosa classify` use). A GET form: it changes nothing.
#include <fmt/format.h>

#include "classification/sme_size.h"
#include "server/form.h"
#include "server/web_app.h"

namespace chosa::web {

HttpResponse WebApp::ClassifyPage(const HttpRequest& request) const {
  Result<FormData> form = FormData::Parse(request.query, 20);
  View v;
  std::string industry = form.ok() ? std::string(form->Get("industry")) : "";
  std::string capital = form.ok() ? std::string(form->Get("capital")) : "";
  std::string employees = form.ok() ? std::string(form->Get("employees")) : "";
  kainjow::mustache::list industries;
  for (LegalIndustry i : AllLegalIndustries()) {
    View o;
    o.set("key", std::string(LegalIndustryKey(i)));
    o.set("name", std::string(LegalIndustryName(i)));
    o.set("selected", LegalIndustryKey(i) == industry);
    industries.push_back(o);
  }
  v.set("industries", industries);
  v.set("capital", capital);
  v.set("employees", employees);
  if (!form.ok() || (industry.empty() && employees.empty()))
    return Page("classify", v, "中小企業の判定");

  std::vector<std::string> errors;
  std::optional<LegalIndustry> legal = ParseLegalIndustry(industry);
  if (!legal) errors.push_back("業種を選んでください");
  std::optional<ValueRange> capital_range;
  if (!capital.empty()) {
    Result<int64_t> yen = ParseYen(capital);
    if (yen.ok()) {
      capital_range = ValueRange::Exact(*yen);
    } else {
      errors.push_back("資本金は「3000万」「3億」「50000000」のように書いてください");
    }
  }
  Result<int64_t> staff = ParseYen(employees);  // digits, full-width and commas accepted
  if (!staff.ok() || *staff < 0) errors.push_back("従業員数を 0 以上の整数で書いてください");
  if (!errors.empty()) {
    kainjow::mustache::list list;
    for (const std::string& e : errors) list.push_back(View("text", e));
    v.set("errors", list);
    return Page("classify", v, "中小企業の判定", 400);
  }
  SizeDecision d = ClassifySize(*legal, capital_range, ValueRange::Exact(*staff));
  View result;
  result.set("class", std::string(SizeClassName(d.size)));
  result.set("reason", d.reason);
  v.set("result", result);
  return Page("classify", v, "中小企業の判定");
}

}  // namespace chosa::web
