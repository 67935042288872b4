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

std::vector<std::optional<int>> DiagnosisTotals(const Diagnosis& d, const Dataset& data) {
  const Questionnaire& qn = data.questionnaire();
  // Per item: its column and the points of each answer code it accepts (as ScoreDiagnosis).
  struct ItemColumn {
    const QuestionColumn* column = nullptr;
    std::vector<std::pair<int, int>> points;  // (code, points)
    // The points of row r's answer; nullopt when unanswered or not on the scale.
    std::optional<int> PointsAt(int64_t r) const {
      if (column->states[r] != AnswerState::kAnswered) return std::nullopt;
      for (const auto& [code, p] : points)
        if (code == column->codes[r]) return p;
      return std::nullopt;
    }
  };
  std::vector<ItemColumn> items;
  for (const DiagnosisPart& p : d.parts) {
    for (const DiagnosisItem& item : p.items) {
      int q = qn.FindQuestion(item.id);
      if (q < 0) return {};  // the data does not ask the diagnosis
      ItemColumn c{&data.column(q), {}};
      for (const ScaleEntry& e : d.scale)
        if (!e.not_applicable || item.may_not_apply) c.points.emplace_back(e.code, e.points);
      items.push_back(std::move(c));
    }
  }
  std::vector<std::optional<int>> totals(static_cast<size_t>(data.size()));
  for (int64_t r = 0; r < data.size(); ++r) {
    int total = 0;
    bool complete = true;
    for (const ItemColumn& item : items) {
      std::optional<int> points = item.PointsAt(r);
      if (!points) {
        complete = false;
        break;
      }
      total += *points;
    }
    if (complete) totals[r] = total;
  }
  return totals;
}

std::vector<PeerScore> PeerScoresOf(const Diagnosis& d, const Dataset& data) {
  const Questionnaire& qn = data.questionnaire();
  int industry = qn.FindQuestion(d.profile.industry);
  int employees = qn.FindQuestion(d.profile.employees);
  int capital = d.profile.capital.empty() ? -1 : qn.FindQuestion(d.profile.capital);
  auto code = [&](int q, int64_t r) -> std::optional<int> {
    if (q < 0 || data.column(q).states[r] != AnswerState::kAnswered) return std::nullopt;
    return data.column(q).codes[r];
  };
  std::vector<std::optional<int>> totals = DiagnosisTotals(d, data);
  std::vector<PeerScore> peers;
  for (int64_t r = 0; r < static_cast<int64_t>(totals.size()); ++r) {
    if (!totals[r]) continue;
    std::optional<double> staff;
    if (employees >= 0 && data.column(employees).states[r] == AnswerState::kAnswered)
      staff = data.column(employees).numbers[r];
    int industry_code = code(industry, r).value_or(0);
    peers.push_back({industry_code, PeerSizeOf(d.profile, industry_code, staff, code(capital, r)),
                     static_cast<double>(*totals[r])});
  }
  return peers;
}

}  // namespace chosa
