#include "tabulation/dataset_builder.h"

#include <fmt/format.h>

#include <deque>
#include <functional>
#include <future>

#include "tabulation/column_cache.h"

namespace chosa {
namespace {

Result<int> WeightIndex(const Questionnaire& qn, const std::string& id) {
  if (id.empty()) return -1;
  int index = qn.FindQuestion(id);
  if (index < 0) return Status::NotFound(fmt::format("ウェイトの質問 {} は調査票にありません", id));
  if (qn.questions[index].type != QuestionType::kNumber) {
    return Status::InvalidArgument(
        fmt::format("ウェイトの質問 {} は数値 (number) ではありません", id));
  }
  return index;
}

// What a snapshot's columns depend on besides the responses: the questions' shapes and codes.
std::string Fingerprint(const Questionnaire& qn) {
  std::string shape;
  for (const Question& q : qn.questions) {
    shape += fmt::format("{}:{}:{}:{}:", q.id, static_cast<int>(q.type), q.personal ? 1 : 0,
                         q.items.size());
    for (const Option& o : q.options) shape += fmt::format("{},", o.code);
    shape += ";";
  }
  return fmt::format("{:016x}", std::hash<std::string>{}(shape));
}

Status LoadFromRecords(Storage& storage, SurveyCatalog& catalog, const DatasetOptions& options,
                       Dataset* data);

}  // namespace

Status LoadDatasetFromStorage(Storage& storage, SurveyCatalog& catalog,
                              const DatasetOptions& options, Dataset* data) {
  std::string dir = options.use_snapshot ? storage.CacheDirectory() : "";
  const Questionnaire& qn = data->questionnaire();
  if (dir.empty() || data->size() != 0) return LoadFromRecords(storage, catalog, options, data);
  // Read before the records: a write after this changes the token, so a snapshot saved with it
  // is never used again.
  Result<int64_t> revision = storage.ResponsesRevision(qn.id);
  if (!revision.ok()) return LoadFromRecords(storage, catalog, options, data);
  std::string path = fmt::format(
      "{}/{}-v{}{}{}.columns", dir, qn.id, qn.version, options.include_incomplete ? "-all" : "",
      options.weight_question.empty() ? "" : "-w-" + options.weight_question);
  std::string key =
      fmt::format("{} v{} revision {} {} incomplete={} weight={}", qn.id, qn.version, *revision,
                  Fingerprint(qn), options.include_incomplete, options.weight_question);
  if (LoadColumnSnapshot(path, key, data)) return Status::Ok();
  CHOSA_RETURN_IF_ERROR(LoadFromRecords(storage, catalog, options, data));
  (void)SaveColumnSnapshot(path, key, *data);  // a cache: failing to keep one is no error
  return Status::Ok();
}

namespace {

// Decoding records is most of the time a load takes, so the scan (SQLite, this thread) hands
// batches of records to workers that decode each into a dataset of its own; the batches are
// appended in scan order. At most kInFlight batches are held at once.
Status LoadFromRecords(Storage& storage, SurveyCatalog& catalog, const DatasetOptions& options,
                       Dataset* data) {
  constexpr size_t kBatchRows = 32768;
  constexpr size_t kInFlight = 3;
  const Questionnaire& qn = data->questionnaire();
  CHOSA_ASSIGN_OR_RETURN(int weight, WeightIndex(qn, options.weight_question));
  ScanOptions scan;
  if (!options.include_incomplete) scan.status = ResponseStatus::kComplete;
  Result<int64_t> count = storage.CountResponses(qn.id, scan.status);
  if (count.ok()) data->Reserve(data->size() + *count);

  auto empty_weight = [&](std::string_view key) {
    return Status::InvalidArgument(
        fmt::format("回答者 {} のウェイト ({}) が空です", key, options.weight_question));
  };
  // A batch: records of this questionnaire version as raw bytes, or (for other versions)
  // answers already decoded through the catalog, in scan order.
  struct Batch {
    std::string bytes;
    std::vector<std::pair<size_t, size_t>> records;  // offset, length in `bytes`
    std::vector<std::string> keys;
    std::vector<std::pair<size_t, std::pair<Answers, double>>> decoded;  // before record i
  };
  using Chunk = Result<std::unique_ptr<Dataset>>;
  auto decode = [&qn, weight, &empty_weight](Batch batch) -> Chunk {
    auto chunk = std::make_unique<Dataset>(qn);
    chunk->Reserve(static_cast<int64_t>(batch.records.size() + batch.decoded.size()));
    size_t next_decoded = 0;
    for (size_t i = 0; i <= batch.records.size(); ++i) {
      for (; next_decoded < batch.decoded.size() && batch.decoded[next_decoded].first == i;
           ++next_decoded) {
        chunk->Add(batch.decoded[next_decoded].second.first,
                   batch.decoded[next_decoded].second.second);
      }
      if (i == batch.records.size()) break;
      auto [offset, length] = batch.records[i];
      Status added = chunk->AddRecord(std::string_view(batch.bytes).substr(offset, length), weight);
      if (added.code() == StatusCode::kInvalidArgument) return empty_weight(batch.keys[i]);
      if (!added.ok()) return added;
    }
    return chunk;
  };

  std::deque<std::future<Chunk>> pending;
  Status failed = Status::Ok();
  auto collect = [&](size_t keep) {
    while (pending.size() > keep) {
      Chunk chunk = pending.front().get();
      pending.pop_front();
      if (!chunk.ok() && failed.ok()) failed = chunk.status();
      if (chunk.ok() && failed.ok()) data->Append(**chunk);
    }
  };
  Batch batch;
  auto submit = [&] {
    if (batch.records.empty() && batch.decoded.empty()) return;
    collect(kInFlight - 1);
    pending.push_back(std::async(std::launch::async, decode, std::move(batch)));
    batch = Batch{};
  };
  Answers answers;
  Status scanned = storage.ScanResponses(qn.id, scan, [&](const ResponseRecord& r) -> Status {
    if (r.survey_version == qn.version) {  // the common case: decoded straight into columns
      batch.records.push_back({batch.bytes.size(), r.answers.size()});
      batch.bytes += r.answers;
      batch.keys.push_back(r.respondent_key);
    } else {
      CHOSA_RETURN_IF_ERROR(catalog.Decode(r, qn, &answers));
      double w = 1.0;
      if (weight >= 0) {
        if (!answers[weight].answered()) return empty_weight(r.respondent_key);
        w = answers[weight].number;
      }
      batch.decoded.push_back({batch.records.size(), {answers, w}});
    }
    if (batch.records.size() + batch.decoded.size() >= kBatchRows) submit();
    return Status::Ok();
  });
  if (scanned.ok()) submit();
  collect(0);
  CHOSA_RETURN_IF_ERROR(scanned);
  return failed;
}

}  // namespace

Result<std::vector<RowIssue>> LoadDatasetFromTable(TableSource& source,
                                                   const AnswerRowOptions& rows,
                                                   const DatasetOptions& options, Dataset* data) {
  const Questionnaire& qn = data->questionnaire();
  CHOSA_ASSIGN_OR_RETURN(int weight, WeightIndex(qn, options.weight_question));
  std::vector<RowIssue> issues;
  CHOSA_ASSIGN_OR_RETURN(AnswerRowReader reader, AnswerRowReader::Open(qn, source, rows, &issues));
  AnswerRow row;
  while (true) {
    CHOSA_ASSIGN_OR_RETURN(bool more, reader.Next(&row));
    if (!more) break;
    issues.insert(issues.end(), row.issues.begin(), row.issues.end());
    if (!row.ok()) continue;
    double w = 1.0;
    if (weight >= 0) {
      const Answer& a = row.evaluation.answers[weight];
      if (!a.answered()) {
        issues.push_back(RowIssue{source.RowName(), row.row, -1, options.weight_question,
                                  options.weight_question, "missing-weight", "ウェイトが空です"});
        continue;
      }
      w = a.number;
    }
    data->Add(row.evaluation.answers, w);
  }
  return issues;
}

}  // namespace chosa
