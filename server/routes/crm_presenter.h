#pragma once
// The CRM's records as the API's JSON (docs/api.md "Customers", "Notes", "Evaluations"), with
// personal data masked for the viewer (docs/api.md 7.6). Pure functions.
#include <vector>

#include <nlohmann/json.hpp>

#include "server/store/crm_records.h"

namespace agentdesk::server {

nlohmann::json noteJson(const Note& note);
// A search result: numbers masked for everybody (the 360 view shows them to the handler).
nlohmann::json customerListJson(const std::vector<CustomerSummary>& customers);
// Numbers in full only for the counselor handling a call with this customer (or a caller whose
// number the customer shares); the resident number and card numbers always masked.
nlohmann::json customer360Json(const Customer360& view, const Viewer& viewer);
// {"items": [...], "hasMore"}
nlohmann::json interactionPageJson(const InteractionPage& page);
nlohmann::json wrapupCodesJson(const std::vector<WrapupCode>& codes);
nlohmann::json evaluationJson(const Evaluation& evaluation);
nlohmann::json evaluationsJson(const std::vector<Evaluation>& evaluations);

}  // namespace agentdesk::server
