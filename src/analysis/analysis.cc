#include "analysis/analysis.h"

#include <algorithm>
#include <atomic>
#include <functional>
#include <map>
#include <thread>

#include "analysis/disclosure.h"

namespace chosa {
namespace {

bool Listed(const Breakdown& b, const Question& q) {
  return b.questions.empty() ||
         std::find(b.questions.begin(), b.questions.end(), q.id) != b.questions.end();
}

bool Tabulated(const Question& q, const TallyOverrides& o) {
  if (q.personal) return false;
  if (!o.only.empty() && std::find(o.only.begin(), o.only.end(), q.id) == o.only.end())
    return false;
  return std::find(o.skip.begin(), o.skip.end(), q.id) == o.skip.end();
}

// Runs `jobs` on up to the machine's cores; each job writes only its own result.
void RunAll(const std::vector<std::function<void()>>& jobs) {
  size_t threads = std::min<size_t>(std::max(1u, std::thread::hardware_concurrency()), jobs.size());
  std::atomic<size_t> next{0};
  auto work = [&] {
    for (size_t i = next++; i < jobs.size(); i = next++) jobs[i]();
  };
  std::vector<std::thread> pool;
  for (size_t t = 1; t < threads; ++t) pool.emplace_back(work);
  work();
  for (std::thread& t : pool) t.join();
}

// One question (or grid item) by every breakdown that lists it.
struct CrossJob {
  int question = 0, item = -1;
  std::vector<size_t> breakdowns;
  std::vector<CrossTable> tables;  // one per entry of `breakdowns`
  Table tally;                     // the question's simple tally, from the same pass
};

struct NumberJob {
  int question = 0;
  size_t breakdown = 0;
  NumberBreakdown result;
};

}  // namespace

Result<PreparedData> Prepare(const AnalysisSpec& spec, Dataset* data) {
  PreparedData prepared;
  prepared.questionnaire = AddDerived(spec.derived, data);
  if (spec.weighting.method != WeightingSpec::Method::kNone) {
    CHOSA_ASSIGN_OR_RETURN(prepared.weighting, ApplyWeighting(spec.weighting, data));
  }
  return prepared;
}

AnalysisReport Analyze(const Dataset& data, const AnalysisSpec& spec,
                       const TallyOverrides& overrides) {
  const Questionnaire& qn = data.questionnaire();
  AnalysisReport report;
  report.spec = spec;
  std::vector<Grouping> groupings;
  for (const Breakdown& b : spec.breakdowns)
    groupings.push_back(GroupsOf(data, qn.FindQuestion(b.by)));

  std::vector<CrossJob> cross;
  std::vector<NumberJob> numbers;
  for (int qi = 0; qi < static_cast<int>(qn.questions.size()); ++qi) {
    const Question& q = qn.questions[qi];
    if (!Tabulated(q, overrides)) continue;
    std::vector<size_t> listed;
    for (size_t b = 0; b < spec.breakdowns.size(); ++b) {
      if (groupings[b].by != qi && Listed(spec.breakdowns[b], q)) listed.push_back(b);
    }
    if (listed.empty()) continue;
    switch (q.type) {
      case QuestionType::kSingle:
      case QuestionType::kPrefecture:
      case QuestionType::kMulti:
        cross.push_back({qi, -1, listed, {}});
        break;
      case QuestionType::kGrid:
        for (int item = 0; item < static_cast<int>(q.items.size()); ++item)
          cross.push_back({qi, item, listed, {}});
        break;
      case QuestionType::kNumber:
        for (size_t b : listed)
          if (spec.breakdowns[b].numbers) numbers.push_back({qi, b, {}});
        break;
      case QuestionType::kText:
      case QuestionType::kTextArea:
        break;
    }
  }

  // The simple tallies: crossed questions get theirs from the cross pass; the others one job
  // each, so they spread over the cores with the rest.
  std::vector<std::vector<CrossJob*>> crossed(qn.questions.size());
  for (CrossJob& job : cross) crossed[job.question].push_back(&job);
  std::vector<TallyReport> tallies(qn.questions.size());
  std::vector<std::function<void()>> jobs;
  for (size_t qi = 0; qi < qn.questions.size(); ++qi) {
    const Question& q = qn.questions[qi];
    if (!Tabulated(q, overrides) || !crossed[qi].empty()) continue;
    TallyReport* into = &tallies[qi];
    jobs.push_back([&data, &overrides, &q, into] {
      TallyOverrides one = overrides;
      one.only = {q.id};
      one.skip.clear();
      *into = SimpleTally(data, one);
    });
  }
  // Questions crossed by the same breakdowns share one joint grouping of them.
  std::map<std::vector<size_t>, std::optional<Grouping>> joints;
  for (const CrossJob& job : cross) {
    if (joints.count(job.breakdowns) != 0) continue;
    std::vector<const Grouping*> by;
    for (size_t b : job.breakdowns) by.push_back(&groupings[b]);
    joints[job.breakdowns] = JointGrouping(by);
  }
  for (CrossJob& job : cross) {
    const std::optional<Grouping>& joint = joints.at(job.breakdowns);
    jobs.push_back([&data, &spec, &groupings, &job, &joint, &overrides] {
      std::vector<const Grouping*> by;
      std::vector<bool> chi_square;
      for (size_t b : job.breakdowns) {
        by.push_back(&groupings[b]);
        chi_square.push_back(spec.breakdowns[b].chi_square);
      }
      TallyCounts total;
      job.tables = CrossTabulate(data, job.question, job.item, by, chi_square, spec.settings,
                                 joint ? &*joint : nullptr, &total);
      job.tally = TallyTable(data, job.question, job.item, total, overrides);
    });
  }
  for (NumberJob& job : numbers) {
    jobs.push_back([&data, &groupings, &job] {
      job.result = SummarizeNumbers(data, job.question, groupings[job.breakdown]);
    });
  }
  RunAll(jobs);
  TallyOverrides none = overrides;  // the report's header alone
  none.only = {std::string(1, '\0')};
  report.tally = SimpleTally(data, none);
  for (size_t qi = 0; qi < qn.questions.size(); ++qi) {
    for (CrossJob* job : crossed[qi]) report.tally.tables.push_back(std::move(job->tally));
    for (Table& table : tallies[qi].tables) report.tally.tables.push_back(std::move(table));
  }
  if (spec.weighting.method != WeightingSpec::Method::kNone)
    report.tally.weight_variable = spec.weighting.id;

  for (const WaveSpec& wave : spec.waves) {
    for (const std::string& q : wave.questions) {
      std::optional<WaveComparison> c =
          CompareWaves(data, q, wave.figures, wave.label, spec.settings.loose_level,
                       spec.settings.strict_level, spec.settings.base_applicable);
      if (c) report.waves.push_back(std::move(*c));
    }
  }
  // Breakdown by breakdown, questions in questionnaire order.
  for (size_t b = 0; b < spec.breakdowns.size(); ++b) {
    for (CrossJob& job : cross) {
      auto at = std::find(job.breakdowns.begin(), job.breakdowns.end(), b);
      if (at != job.breakdowns.end())
        report.cross_tables.push_back(std::move(job.tables[at - job.breakdowns.begin()]));
    }
    for (NumberJob& job : numbers)
      if (job.breakdown == b) report.numbers.push_back(std::move(job.result));
  }
  if (spec.settings.suppress_below > 1) {
    DisclosureSummary d = ApplyDisclosureControl(spec.settings.suppress_below, &report);
    report.suppressed_primary = d.primary;
    report.suppressed_complementary = d.complementary;
  }
  return report;
}

}  // namespace chosa
