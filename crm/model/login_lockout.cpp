#include "crm/model/login_lockout.h"

#include "crm/model/json_read.h"

namespace agentdesk::crm {

LoginLockout LoginLockout::fromJson(const QJsonObject& o) {
    LoginLockout l;
    l.kind = json::str(o, "kind");
    l.key = json::str(o, "key");
    l.failures = json::integer(o, "failures");
    l.lockedUntil = json::time(o, "lockedUntil");
    return l;
}

}  // namespace agentdesk::crm
