#pragma once
// The access log of personal data: who saw or changed which customer, when.
//
// Threads: not thread-safe; one thread per store object (the server's I/O thread).
#include <string>

#include "common/time_util.h"

namespace agentdesk::server {

class AuditStore {
public:
    virtual ~AuditStore() = default;
    virtual void audit(const std::string& userId, const std::string& customerId,
                       const std::string& action, TimePoint at) = 0;
    virtual int auditCount(const std::string& customerId) = 0;
};

}  // namespace agentdesk::server
