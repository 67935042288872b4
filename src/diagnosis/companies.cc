#include "diagnosis/companies.h"

namespace chosa {

int PeerSizeOf(const DiagnosisProfile& profile, int industry_code, std::optional<double> employees,
               std::optional<int> capital_code) {
  auto industry = profile.industry_map.find(industry_code);
  if (industry == profile.industry_map.end() || !employees) return 0;
  std::optional<ValueRange> capital;
  if (capital_code) {
    auto band = profile.capital_bands.find(*capital_code);
    if (band != profile.capital_bands.end()) capital = band->second;
  }
  switch (
      ClassifySize(industry->second, capital, ValueRange::Exact(static_cast<int64_t>(*employees)))
          .size) {
    case SizeClass::kSmall:
      return 1;
    case SizeClass::kSme:
      return 2;
    case SizeClass::kLarge:
      return 3;
    case SizeClass::kUnknown:
      return 0;
  }
  return 0;
}

std::string PeerSizeName(int size) {
  switch (size) {
    case 1:
      return "小規模企業者";
    case 2:
      return "中小企業者（小規模企業者を除く）";
    case 3:
      return "大企業";
    default:
      return "規模不明";
  }
}

std::vector<CompanyDiagnosis> DiagnoseRespondents(const Diagnosis& d, const Dataset& data) {
  const Questionnaire& qn = data.questionnaire();
  struct Column {
    std::string id;
    int index;
  };
  std::vector<Column> items;
  for (const DiagnosisPart& p : d.parts)
    for (const DiagnosisItem& item : p.items) items.push_back({item.id, qn.FindQuestion(item.id)});
  int industry = qn.FindQuestion(d.profile.industry);
  int employees = qn.FindQuestion(d.profile.employees);
  int capital = d.profile.capital.empty() ? -1 : qn.FindQuestion(d.profile.capital);
  auto code = [&](int q, int64_t r) -> std::optional<int> {
    if (q < 0 || data.column(q).states[r] != AnswerState::kAnswered) return std::nullopt;
    return data.column(q).codes[r];
  };
  std::vector<CompanyDiagnosis> out;
  for (int64_t r = 0; r < data.size(); ++r) {
    CompanyDiagnosis c;
    c.row = r;
    for (const Column& item : items)
      if (std::optional<int> v = code(item.index, r)) c.answers[item.id] = *v;
    c.industry = code(industry, r).value_or(0);
    std::optional<double> staff;
    if (employees >= 0 && data.column(employees).states[r] == AnswerState::kAnswered)
      staff = data.column(employees).numbers[r];
    c.size = PeerSizeOf(d.profile, c.industry, staff, code(capital, r));
    c.result = ScoreDiagnosis(d, c.answers);
    out.push_back(std::move(c));
  }
  return out;
}

std::vector<PeerScore> PeerScoresOf(const std::vector<CompanyDiagnosis>& companies) {
  std::vector<PeerScore> peers;
  for (const CompanyDiagnosis& c : companies)
    if (c.result.unanswered == 0) peers.push_back({c.industry, c.size, double(c.result.total)});
  return peers;
}

}  // namespace chosa
