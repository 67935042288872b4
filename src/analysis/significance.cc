#include "analysis/significance.h"

#include <boost/math/special_functions/gamma.hpp>
#include <cmath>

namespace chosa {

double ChiSquareUpperTail(double x, double df) {
  if (x <= 0) return 1.0;
  return boost::math::gamma_q(df / 2.0, x / 2.0);
}

std::optional<ChiSquareTest> PearsonChiSquare(const std::vector<double>& counts, int rows,
                                              int cols) {
  std::vector<double> row_sum(rows, 0), col_sum(cols, 0);
  double total = 0;
  for (int r = 0; r < rows; ++r) {
    for (int c = 0; c < cols; ++c) {
      double v = counts[static_cast<size_t>(r) * cols + c];
      row_sum[r] += v;
      col_sum[c] += v;
      total += v;
    }
  }
  int used_rows = 0, used_cols = 0;
  for (double s : row_sum) used_rows += s > 0;
  for (double s : col_sum) used_cols += s > 0;
  if (used_rows < 2 || used_cols < 2) return std::nullopt;
  ChiSquareTest t;
  for (int r = 0; r < rows; ++r) {
    if (row_sum[r] <= 0) continue;
    for (int c = 0; c < cols; ++c) {
      if (col_sum[c] <= 0) continue;
      double expected = row_sum[r] * col_sum[c] / total;
      double d = counts[static_cast<size_t>(r) * cols + c] - expected;
      t.statistic += d * d / expected;
    }
  }
  t.df = (used_rows - 1) * (used_cols - 1);
  t.p = ChiSquareUpperTail(t.statistic, t.df);
  return t;
}

std::optional<ProportionTest> SubgroupVsTotal(double x_g, double n_g, double x_t, double n_t) {
  if (n_g <= 0 || n_g >= n_t) return std::nullopt;
  double p_t = x_t / n_t;
  if (p_t <= 0 || p_t >= 1) return std::nullopt;
  double se = std::sqrt(p_t * (1 - p_t) * (1 / n_g - 1 / n_t));
  ProportionTest t;
  t.z = (x_g / n_g - p_t) / se;
  t.p = std::erfc(std::fabs(t.z) / std::sqrt(2.0));
  return t;
}

CellMark MarkFor(const std::optional<ProportionTest>& test, double loose_level,
                 double strict_level) {
  if (!test) return CellMark::kNone;
  bool higher = test->z > 0;
  if (test->p < 1 - strict_level) return higher ? CellMark::kMuchHigher : CellMark::kMuchLower;
  if (test->p < 1 - loose_level) return higher ? CellMark::kHigher : CellMark::kLower;
  return CellMark::kNone;
}

}  // namespace chosa
