// Comparing a company's diagnosis score with its peers' (the scores stored in chosa): its
// percentile and standard score (偏差値) within its industry and size class, falling back to
// broader groups when a group has fewer than `min_n` scores.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace chosa {

// One stored score with the company's group codes (0: unknown).
struct PeerScore {
  int industry = 0;
  int size = 0;
  double score = 0;
};

enum class PeerScope { kIndustryAndSize, kIndustry, kSize, kAll };

struct PeerComparison {
  PeerScope scope = PeerScope::kAll;
  int64_t n = 0;  // scores in the group (the company's own included when stored)
  double mean = 0;
  double sd = 0;  // population standard deviation (÷ n), as 偏差値 is computed
  // Percent of the group scoring below, counting ties as half: 100 (below + ties / 2) / n.
  double percentile = 0;
  // 偏差値 = (score − mean) / sd × 10 + 50; 50 when sd is 0.
  double standard_score = 50;
  bool enough = false;  // n >= min_n (false only when even everyone is fewer)
};

// How the result names the group: "製造業・小規模企業者", "製造業（全規模）",
// "小規模企業者（全業種）", "回答企業全体".
std::string PeerScopeLabel(PeerScope scope, const std::string& industry, const std::string& size);

// The narrowest group with at least `min_n` scores, in the order industry x size, industry,
// size, everyone (groups need the company's code to be known).
PeerComparison ComparePeers(double score, int industry, int size,
                            const std::vector<PeerScore>& peers, int64_t min_n = 30);

}  // namespace chosa
