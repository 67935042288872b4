#include "diagnosis/peers.h"

#include <cmath>

namespace chosa {
namespace {

PeerComparison Within(double score, const std::vector<PeerScore>& peers, auto&& in_group) {
  PeerComparison c;
  double sum = 0, below = 0, ties = 0;
  for (const PeerScore& p : peers) {
    if (!in_group(p)) continue;
    ++c.n;
    sum += p.score;
    below += p.score < score ? 1 : 0;
    ties += p.score == score ? 1 : 0;
  }
  if (c.n == 0) return c;
  double n = static_cast<double>(c.n);
  c.mean = sum / n;
  double ss = 0;
  for (const PeerScore& p : peers)
    if (in_group(p)) ss += (p.score - c.mean) * (p.score - c.mean);
  c.sd = std::sqrt(ss / n);
  c.percentile = 100.0 * (below + ties / 2) / n;
  c.standard_score = c.sd > 0 ? (score - c.mean) / c.sd * 10 + 50 : 50;
  return c;
}

}  // namespace

std::string PeerScopeLabel(PeerScope scope, const std::string& industry, const std::string& size) {
  switch (scope) {
    case PeerScope::kIndustryAndSize:
      return industry + "・" + size;
    case PeerScope::kIndustry:
      return industry + "（全規模）";
    case PeerScope::kSize:
      return size + "（全業種）";
    case PeerScope::kAll:
      return "回答企業全体";
  }
  return "";
}

PeerComparison ComparePeers(double score, int industry, int size,
                            const std::vector<PeerScore>& peers, int64_t min_n) {
  struct Candidate {
    PeerScope scope;
    bool usable;
    bool (*in)(const PeerScore&, int, int);
  };
  const Candidate candidates[] = {
      {PeerScope::kIndustryAndSize, industry != 0 && size != 0,
       [](const PeerScore& p, int i, int s) { return p.industry == i && p.size == s; }},
      {PeerScope::kIndustry, industry != 0,
       [](const PeerScore& p, int i, int) { return p.industry == i; }},
      {PeerScope::kSize, size != 0, [](const PeerScore& p, int, int s) { return p.size == s; }},
      {PeerScope::kAll, true, [](const PeerScore&, int, int) { return true; }},
  };
  PeerComparison last;
  for (const Candidate& c : candidates) {
    if (!c.usable) continue;
    last = Within(score, peers, [&](const PeerScore& p) { return c.in(p, industry, size); });
    last.scope = c.scope;
    last.enough = last.n >= min_n;
    if (last.enough) return last;
  }
  return last;
}

}  // namespace chosa
