#include "server/invitations.h"

#include <fmt/format.h>

#include <unordered_map>

#include "base/encoding.h"
#include "exchange/csv_writer.h"
#include "server/tokens.h"

namespace chosa::web {

Result<std::vector<std::string>> CreateInvitations(Storage& storage, const std::string& survey_id,
                                                   int count, const std::string& label) {
  if (count < 1 || count > 1000000)
    return Status::InvalidArgument("招待の数は 1～1000000 にしてください");
  CHOSA_RETURN_IF_ERROR(storage.GetSurvey(survey_id, 0).status());
  std::vector<std::string> codes;
  std::vector<InvitationRecord> records;
  codes.reserve(count);
  records.reserve(count);
  for (int i = 0; i < count; ++i) {
    codes.push_back(RandomToken(16));  // 128 bits
    records.push_back(InvitationRecord{0, survey_id, HashToken(codes.back()), label, ""});
  }
  CHOSA_RETURN_IF_ERROR(storage.PutInvitations(&records));
  return codes;
}

std::string InvitationCsv(const std::vector<std::string>& codes, const std::string& label,
                          const std::string& base_url) {
  std::string csv(kUtf8Bom);
  AppendCsvRecord(&csv, std::vector<std::string>{"no", "label", "url"});
  for (size_t i = 0; i < codes.size(); ++i) {
    AppendCsvRecord(&csv, std::vector<std::string>{std::to_string(i + 1), GuardFormula(label),
                                                   base_url + "/i/" + codes[i]});
  }
  return csv;
}

Result<std::vector<InvitationStatus>> ListInvitationStatus(Storage& storage,
                                                           const std::string& survey_id) {
  CHOSA_ASSIGN_OR_RETURN(std::vector<InvitationRecord> invitations,
                         storage.ListInvitations(survey_id));
  std::unordered_map<std::string, size_t> by_key;
  std::vector<InvitationStatus> out;
  out.reserve(invitations.size());
  for (InvitationRecord& inv : invitations) {
    by_key.emplace(fmt::format("inv-{}", inv.invitation_id), out.size());
    out.push_back(InvitationStatus{std::move(inv)});
  }
  CHOSA_RETURN_IF_ERROR(storage.ScanResponses(survey_id, {}, [&](const ResponseRecord& r) {
    auto it = by_key.find(r.respondent_key);
    if (it == by_key.end()) return Status::Ok();
    InvitationStatus& st = out[it->second];
    st.state = r.status == ResponseStatus::kComplete ? InvitationState::kComplete
                                                     : InvitationState::kInProgress;
    st.progress = r.progress;
    st.updated_at = r.updated_at;
    return Status::Ok();
  }));
  return out;
}

const char* InvitationStateName(InvitationState state) {
  switch (state) {
    case InvitationState::kNotStarted:
      return "未回答";
    case InvitationState::kInProgress:
      return "回答中";
    case InvitationState::kComplete:
      return "回答済み";
  }
  return "";
}

}  // namespace chosa::web
