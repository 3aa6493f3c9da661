#pragma once
// A crm ApiError as one short, translated sentence for the counselor (docs/architecture.md): what
// went wrong and, where it helps, what to do. Details stay in the logs.
#include <QString>

#include "crm/net/api_error.h"

namespace agentdesk::widgets {

QString errorText(const crm::ApiError& error);

}  // namespace agentdesk::widgets
