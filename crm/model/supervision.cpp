#include "crm/model/supervision.h"

#include "crm/model/json_read.h"

namespace agentdesk::crm {

Supervision Supervision::fromJson(const QJsonObject& o) {
    Supervision s;
    s.supervisorId = json::str(o, "supervisorId");
    s.supervisorName = json::str(o, "supervisorName");
    s.supervisorNameEn = json::str(o, "supervisorNameEn");
    s.mode = json::str(o, "mode");
    s.since = json::time(o, "since");
    return s;
}

}  // namespace agentdesk::crm
