// Invitation codes for a stratified sample: random 128-bit codes, of which only hashes are
// stored; the codes themselves are returned once, for the mail merge.
#pragma once

#include <string>
#include <vector>

#include "base/result.h"
#include "storage/storage.h"

namespace chosa::web {

// Creates `count` invitations for `survey_id` (which must be registered) with `label`, all in
// one transaction. Returns the codes in order.
Result<std::vector<std::string>> CreateInvitations(Storage& storage, const std::string& survey_id,
                                                   int count, const std::string& label);

// The mail-merge CSV (UTF-8 with a BOM, so Excel opens it): no, label, url (base_url + "/i/" +
// code). Numbered from `first_no`.
std::string InvitationCsv(const std::vector<std::string>& codes, const std::string& label,
                          const std::string& base_url);

enum class InvitationState { kNotStarted, kInProgress, kComplete };

// An invitation with the state of its response.
struct InvitationStatus {
  InvitationRecord invitation;
  InvitationState state = InvitationState::kNotStarted;
  int progress = 0;        // the page reached
  std::string updated_at;  // of the response; empty when not started
};

// Every invitation of the survey in creation order, with its response's state.
Result<std::vector<InvitationStatus>> ListInvitationStatus(Storage& storage,
                                                           const std::string& survey_id);

// "未回答", "回答中", "回答済み".
const char* InvitationStateName(InvitationState state);

}  // namespace chosa::web
