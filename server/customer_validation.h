#pragma once
// Validation of customer create/update bodies (POST/PATCH /customers). Pure functions.
#include <nlohmann/json.hpp>

#include "server/api_error.h"
#include "server/store/crm_records.h"

namespace agentdesk::server {

// On success `normalized` holds the accepted fields, phones with their E.164 form.
// Wrong JSON types → BadRequest; values that break a rule → ValidationFailed with field errors.
Outcome validateCustomer(const nlohmann::json& body, bool creating, nlohmann::json& normalized);
// The store's change for fields validateCustomer() accepted (a null clears a field).
CustomerChange customerChange(const nlohmann::json& normalized);

}  // namespace agentdesk::server
