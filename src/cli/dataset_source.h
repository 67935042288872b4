// Where `chosa tabulate` and `chosa analyze` take their respondents from: a stored survey
// (--survey, --db) or an answer file read without importing it (--questionnaire, --data), and
// the tally settings they share. One set of options, one loader.
#pragma once

#include <memory>
#include <string>

#include "cli/common.h"
#include "tabulation/dataset_builder.h"
#include "tabulation/simple_tally.h"

namespace chosa::cli {

// A loaded dataset with what keeps its questionnaire alive.
struct LoadedDataset {
  OpenedSurvey survey;                     // when read from the database
  std::unique_ptr<Questionnaire> file_qn;  // when read from a file
  std::unique_ptr<Dataset> data;
};

class DatasetSource {
 public:
  // Registers --survey, --questionnaire, --data, --weight, --include-incomplete, --id-column,
  // --encoding, --sheet, --skip-invalid and the store options on `app`.
  void AddOptions(CLI::App* app);
  Result<LoadedDataset> Load();
  // Another stored survey of the same database (e.g. a previous wave), unweighted.
  Result<LoadedDataset> LoadSurvey(const std::string& survey_id);
  const std::string& weight_question() const { return dataset_.weight_question; }

 private:
  Result<LoadedDataset> FromStorage();
  Result<LoadedDataset> FromFile();

  std::string survey_, questionnaire_, data_, encoding_ = "auto", sheet_;
  bool skip_invalid_ = false;
  bool no_snapshot_ = false;
  DatasetOptions dataset_;
  AnswerRowOptions rows_;
  StoreOptions store_;
};

// The simple-tally settings given on the command line (--decimals, --base, --percent-of,
// --order, --only, --skip), overriding the questionnaire's.
class TallyOptions {
 public:
  void AddOptions(CLI::App* app);
  TallyOverrides Overrides() const;

 private:
  std::string percent_of_, order_;
  std::vector<std::string> bases_;
  int decimals_ = -1;
  std::vector<std::string> only_, skip_;
};

}  // namespace chosa::cli
