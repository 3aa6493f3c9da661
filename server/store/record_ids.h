#pragma once
// Ids and numbers a CRM store gives new records, the same for every engine.
#include <string>

#include "common/time_util.h"

namespace agentdesk::server {

// The prefix and 16 random hex digits ("N3f9a…" for a note).
std::string newRecordId(char prefix);
// A new customer's id from a sequence number: "C00042".
std::string customerIdFor(std::int64_t sequence);
// A new customer's number: "9" and nine digits of the time.
std::string customerNumberAt(TimePoint now);
// When several customers are created within the same millisecond (an import): "9" and nine
// random digits.
std::string randomCustomerNumber();

}  // namespace agentdesk::server
