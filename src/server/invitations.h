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

}  // namespace chosa::web
