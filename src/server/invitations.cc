#include "server/invitations.h"

#include <fmt/format.h>

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

}  // namespace chosa::web
