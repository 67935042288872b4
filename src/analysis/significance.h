// Significance tests for cross tables (formulas in docs/analysis.md, checked against R):
//  - Pearson's chi-square test of independence, without continuity correction, on the table with
//    its all-zero rows and columns dropped (as R's chisq.test(correct = FALSE) on that table);
//  - per cell, a two-sided z test of a subgroup's proportion against the total's, the subgroup
//    being part of the total: z = (p_g - p_t) / sqrt(p_t (1 - p_t) (1/n_g - 1/n_t)).
#pragma once

#include <cstdint>
#include <optional>
#include <vector>

namespace chosa {

struct ChiSquareTest {
  double statistic = 0;  // X²
  int df = 0;
  double p = 0;
};

// `counts` is row-major, rows x cols. Nullopt when fewer than two non-empty rows or columns
// remain (no test possible).
std::optional<ChiSquareTest> PearsonChiSquare(const std::vector<double>& counts, int rows,
                                              int cols);

// Upper tail probability of the chi-square distribution, P(X >= x) with `df` degrees of freedom.
double ChiSquareUpperTail(double x, double df);

struct ProportionTest {
  double z = 0;
  double p = 1;  // two-sided
};

// Subgroup (count x_g of n_g) against the total it belongs to (x_t of n_t). Nullopt when the
// test is undefined: n_g == 0, n_g >= n_t, or p_t is 0 or 1.
std::optional<ProportionTest> SubgroupVsTotal(double x_g, double n_g, double x_t, double n_t);

// A cell's mark: higher or lower than the total at the strict or the loose level.
enum class CellMark { kNone, kHigher, kLower, kMuchHigher, kMuchLower };

// Levels as confidence (e.g. 0.95 and 0.99): the mark of a test result.
CellMark MarkFor(const std::optional<ProportionTest>& test, double loose_level,
                 double strict_level);

}  // namespace chosa
