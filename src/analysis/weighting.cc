#include "analysis/weighting.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>

namespace chosa {
namespace {

std::string CodesText(const std::vector<int>& codes) {
  std::string s;
  for (int c : codes) s += (s.empty() ? "" : ", ") + std::to_string(c);
  return "[" + s + "]";
}

// The code of `variable` per respondent, 0 when not answered.
std::vector<int> CodesOf(const Dataset& data, int variable) {
  const QuestionColumn& c = data.column(variable);
  std::vector<int> codes(static_cast<size_t>(data.size()), 0);
  for (int64_t r = 0; r < data.size(); ++r)
    if (c.states[r] == AnswerState::kAnswered) codes[r] = c.codes[r];
  return codes;
}

Result<std::vector<double>> PostStratify(const WeightingSpec& spec,
                                         const std::vector<std::vector<int>>& codes, int64_t rows,
                                         WeightingSummary* summary) {
  std::map<std::vector<int>, int64_t> counts;
  std::vector<std::vector<int>> stratum(static_cast<size_t>(rows));
  for (int64_t r = 0; r < rows; ++r) {
    for (const std::vector<int>& v : codes) {
      if (v[r] == 0) {
        stratum[r].clear();
        break;
      }
      stratum[r].push_back(v[r]);
    }
    if (stratum[r].empty()) continue;
    ++counts[stratum[r]];
  }
  for (const auto& [cell, n] : counts) {
    if (spec.strata.count(cell) == 0) {
      return Status::InvalidArgument(
          fmt::format("ウエイト「{}」: 層 {} に回答者が {} 人いますが、母集団の数がありません",
                      spec.id, CodesText(cell), n));
    }
  }
  for (const auto& [cell, population] : spec.strata) {
    if (counts.count(cell) == 0 && population > 0) {
      summary->notes.push_back(fmt::format("層 {} は回答者がいないため、母集団 {} は反映されません",
                                           CodesText(cell), population));
    }
  }
  std::vector<double> w(static_cast<size_t>(rows), 0);
  double sum = 0;
  int64_t known = 0;
  for (int64_t r = 0; r < rows; ++r) {
    if (stratum[r].empty()) continue;
    w[r] = spec.strata.at(stratum[r]) / static_cast<double>(counts[stratum[r]]);
    sum += w[r];
    ++known;
  }
  double mean = known > 0 ? sum / static_cast<double>(known) : 1.0;
  for (int64_t r = 0; r < rows; ++r) {
    if (!stratum[r].empty()) continue;
    w[r] = mean;
    ++summary->unknown;
  }
  return w;
}

Result<std::vector<double>> Rake(const WeightingSpec& spec,
                                 const std::vector<std::vector<int>>& codes, int64_t rows,
                                 WeightingSummary* summary) {
  double total = -1;
  for (size_t m = 0; m < spec.margins.size(); ++m) {
    double t = 0;
    for (const auto& [code, population] : spec.margins[m]) t += population;
    if (total >= 0 && std::fabs(t - total) > 1e-9 * total) {
      return Status::InvalidArgument(
          fmt::format("ウエイト「{}」: 周辺分布の合計が一致しません（{} は {:.0f}、{} は {:.0f}）",
                      spec.id, spec.variables[0], total, spec.variables[m], t));
    }
    total = t;
    std::map<int, int64_t> seen;
    for (int64_t r = 0; r < rows; ++r)
      if (codes[m][r] != 0) ++seen[codes[m][r]];
    for (const auto& [code, n] : seen) {
      if (spec.margins[m].count(code) == 0) {
        return Status::InvalidArgument(fmt::format(
            "ウエイト「{}」: {} のコード {} に回答者が {} 人いますが、母集団の数がありません",
            spec.id, spec.variables[m], code, n));
      }
    }
  }
  std::vector<double> w(static_cast<size_t>(rows), 1.0);
  for (int64_t r = 0; r < rows; ++r) {
    bool unknown = false;
    for (const std::vector<int>& v : codes) unknown = unknown || v[r] == 0;
    summary->unknown += unknown;
  }
  for (int it = 1; it <= spec.max_iterations; ++it) {
    for (size_t m = 0; m < spec.margins.size(); ++m) {
      std::map<int, double> sums;
      for (int64_t r = 0; r < rows; ++r)
        if (codes[m][r] != 0) sums[codes[m][r]] += w[r];
      for (int64_t r = 0; r < rows; ++r) {
        int c = codes[m][r];
        if (c != 0) w[r] *= spec.margins[m].at(c) / sums[c];
      }
    }
    double worst = 0;  // the largest relative miss of any margin level with respondents
    for (size_t m = 0; m < spec.margins.size(); ++m) {
      std::map<int, double> sums;
      for (int64_t r = 0; r < rows; ++r)
        if (codes[m][r] != 0) sums[codes[m][r]] += w[r];
      for (const auto& [code, sum] : sums) {
        double target = spec.margins[m].at(code);
        worst = std::max(worst, std::fabs(sum - target) / target);
      }
    }
    summary->iterations = it;
    if (worst <= spec.tolerance) return w;
  }
  return Status::InvalidArgument(
      fmt::format("ウエイト「{}」: レイキングが {} 回の反復で収束しませんでした", spec.id,
                  spec.max_iterations));
}

}  // namespace

double EffectiveSampleSize(const std::vector<double>& weights) {
  double sum = 0, squares = 0;
  for (double w : weights) {
    sum += w;
    squares += w * w;
  }
  return squares > 0 ? sum * sum / squares : 0;
}

Result<WeightingSummary> ApplyWeighting(const WeightingSpec& spec, Dataset* data) {
  WeightingSummary summary;
  if (spec.method == WeightingSpec::Method::kNone) return summary;
  const Questionnaire& qn = data->questionnaire();
  std::vector<std::vector<int>> codes;
  for (const std::string& v : spec.variables) {
    int q = qn.FindQuestion(v);
    if (q < 0) return Status::InvalidArgument(fmt::format("ウエイトの変数「{}」がありません", v));
    codes.push_back(CodesOf(*data, q));
  }
  summary.respondents = data->size();
  Result<std::vector<double>> w = spec.method == WeightingSpec::Method::kPostStratify
                                      ? PostStratify(spec, codes, data->size(), &summary)
                                      : Rake(spec, codes, data->size(), &summary);
  if (!w.ok()) return w.status();
  summary.method = spec.method == WeightingSpec::Method::kPostStratify ? "事後層化" : "レイキング";
  for (double x : *w) summary.sum_weights += x;
  summary.effective_n = EffectiveSampleSize(*w);
  summary.design_effect =
      summary.effective_n > 0 ? static_cast<double>(summary.respondents) / summary.effective_n : 0;
  if (!w->empty()) {
    auto [lo, hi] = std::minmax_element(w->begin(), w->end());
    summary.min_weight = *lo;
    summary.max_weight = *hi;
  }
  data->SetWeights(std::move(*w));
  return summary;
}

}  // namespace chosa
