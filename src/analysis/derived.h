// Derived variables (docs/analysis.md): single-answer variables an analysis file computes from
// the answers — the SME size class by the legal definition, recodes and nets of a question's
// options, region blocks of a prefecture. They are added to the dataset as extra single-answer
// questions, so tallies and cross tables (also `by:` them) treat them like any other.
#pragma once

#include <map>
#include <memory>
#include <string>
#include <vector>

#include "classification/size_bands.h"
#include "classification/sme_size.h"
#include "diagnosis/diagnosis.h"
#include "questionnaire/questionnaire.h"
#include "questionnaire/source_location.h"
#include "tabulation/dataset.h"

namespace chosa {

struct SmeSizeRule {
  std::string industry;                       // single-answer question
  std::map<int, LegalIndustry> industry_map;  // its codes; unmapped codes give 判定できない
  std::string employees;                      // single (with bands) or number question
  BandMap employee_bands;
  std::string capital;  // optional: single (with bands) or number, yen
  BandMap capital_bands;
  // When set (seed 002's classes), SMEs other than small enterprises are split by employees:
  // up to split_at (code 2, "中小企業（100人以下）") and above (code 4). An employee band that
  // straddles split_at gives 判定できない.
  int split_at = 0;
};

struct RecodeGroup {
  int code = 0;
  std::string label;
  std::vector<int> from;  // codes of the source question
};

struct RecodeRule {
  std::string from;  // single-answer or prefecture question (multi: a net of any listed code)
  std::vector<RecodeGroup> groups;
};

enum class RegionBlocks { kMeti, kNine };

struct DerivedVariable {
  // kDiagnosis: the band of the self-diagnosis score (diagnosis/scoring.h) of the items the
  // questionnaire embeds, one code per band from the highest (1 100点, 2 70～99点, …); no answer
  // when any item is unanswered.
  enum class Kind { kSmeSize, kRecode, kRegion, kDiagnosis };
  std::string id;
  std::string label;
  Kind kind = Kind::kRecode;
  SmeSizeRule sme;
  RecodeRule recode;
  std::string region_from;  // prefecture question
  RegionBlocks blocks = RegionBlocks::kMeti;
  std::shared_ptr<const Diagnosis> diagnosis;  // kDiagnosis, loaded with the analysis file
  SourceLocation location;
};

// The SME size codes: 1 小規模企業者, 2 中小企業者（小規模企業者を除く; with split_at, up to
// split_at employees）, 4 中小企業 above split_at, 3 大企業, 9 判定できない.
inline constexpr int kSizeSmall = 1, kSizeSme = 2, kSizeLarge = 3, kSizeSmeUpper = 4,
                     kSizeUnknown = 9;

// The region blocks: (code, name, prefecture codes 1..47 in JIS order).
struct RegionBlock {
  int code;
  std::string_view name;
  std::vector<int> prefectures;
};
const std::vector<RegionBlock>& RegionBlocksOf(RegionBlocks blocks);

// Problems of the definitions against the questionnaire (unknown or unsuitable questions, codes
// that are no options, bands that are not ranges), in Japanese with the file location. A recode
// may start from a variable derived before it (e.g. nets of a score band).
std::vector<Diagnostic> CheckDerived(const std::vector<DerivedVariable>& derived,
                                     const Questionnaire& qn);

// `qn` with the derived variables appended as single-answer questions (ids, labels, options).
Questionnaire WithDerivedQuestions(const Questionnaire& qn,
                                   const std::vector<DerivedVariable>& derived);

// Computes the derived variables for every respondent of `data` and appends them as columns.
// Returns the extended questionnaire, which `data` refers to from then on (keep it alive as
// long as `data`). The definitions must have passed CheckDerived.
std::unique_ptr<Questionnaire> AddDerived(const std::vector<DerivedVariable>& derived,
                                          Dataset* data);

}  // namespace chosa
