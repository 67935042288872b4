// The security self-diagnosis (issue 5) as data: items in parts, the answer scale with its
// points, score bands with their meaning, plain-language advice per item and the public support
// measures it points to. Loaded from YAML (data/diagnosis/self-check-25.yaml) with every problem
// reported as file:line:column in Japanese, and checked against the questionnaire that asks it.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "classification/size_bands.h"
#include "questionnaire/questionnaire.h"
#include "questionnaire/source_location.h"

namespace chosa {

struct ScaleEntry {
  int code = 0;
  std::string label;
  int points = 0;
  bool not_applicable = false;  // 該当しない: scored as implemented, marked in the result
};

struct ScoreBand {
  std::string id, label, meaning, next;
  std::optional<int> min;  // the band holds totals >= min (the last band: none)
};

struct SupportMeasure {
  std::string id, name, what, url;
};

struct DiagnosisItem {
  std::string id;  // the question id in the questionnaire
  std::string title, question, explain;
  std::vector<std::string> steps;
  std::vector<std::string> support;  // SupportMeasure ids
  bool may_not_apply = false;
};

// One area of the split of responsibilities between an IT vendor and its customer (seed 003).
struct ResponsibilityArea {
  std::string id, area;
  std::vector<std::string> items;  // the diagnosis items it covers
  std::string vendor, customer;    // what each side does
};

struct Responsibilities {
  std::string note;  // why to settle it in writing
  std::vector<ResponsibilityArea> areas;
};

struct DiagnosisPart {
  std::string id, title;
  int number = 0;
  std::vector<DiagnosisItem> items;
};

// Where the company's profile is in the questionnaire (peer groups, size class).
struct DiagnosisProfile {
  std::string industry;  // single-answer question
  std::map<int, LegalIndustry> industry_map;
  std::string employees;  // number question
  std::string capital;    // single-answer question with bands (optional)
  BandMap capital_bands;
};

struct Diagnosis {
  std::string id, title, questionnaire;
  int version = 1;
  DiagnosisProfile profile;
  std::vector<ScaleEntry> scale;
  std::vector<ScoreBand> bands;  // highest first
  std::vector<SupportMeasure> support;
  std::vector<DiagnosisPart> parts;
  Responsibilities responsibilities;  // optional in the file

  int ItemCount() const;
  int MaxPoints() const;  // the highest points of the scale, per item
  const ScaleEntry* FindScale(int code) const;
  const SupportMeasure* FindSupport(std::string_view support_id) const;
  const ScoreBand& BandFor(int total) const;
};

struct DiagnosisLoad {
  std::optional<Diagnosis> diagnosis;  // set only when there are no errors
  std::vector<Diagnostic> diagnostics;
};

DiagnosisLoad LoadDiagnosisText(std::string_view yaml, const std::string& source_name);
DiagnosisLoad LoadDiagnosisFile(const std::string& path);

// Problems of `d` against the questionnaire that asks it: every item a single-answer question
// whose options are the scale (with 該当しない exactly where the item may not apply), the
// profile questions present and of the right type.
std::vector<Diagnostic> CheckDiagnosis(const Diagnosis& d, const Questionnaire& qn);

// The built-in diagnosis files (data/diagnosis/<name>.yaml): the path of `name_or_path`.
std::string ResolveDiagnosisPath(const std::string& name_or_path);

}  // namespace chosa
