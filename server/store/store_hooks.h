#pragma once
// The ACD's CRM side effects, on the store: who a caller is (asked at once, on the serving
// connection: routing needs the answer), and the interaction of each call leg, abusive callers
// and wrap-up codes (written in order through OrderedWrites, so the ACD neither waits for the
// database nor sees its failures; store/ordered_writes.h).
#include <optional>
#include <string>
#include <vector>

#include "server/acd/telephony.h"
#include "server/clock.h"
#include "server/store/crm_store.h"
#include "server/store/ordered_writes.h"

namespace agentdesk::server {

class StoreHooks final : public AcdHooks {
public:
    StoreHooks(CrmStore& store, OrderedWrites& writes, const Clock& clock)
        : store_(store), writes_(writes), clock_(clock) {}
    std::vector<CustomerMatch> matchCustomers(const std::string& e164) override {
        return store_.matchPhone(e164);
    }
    void callLegEnded(const InteractionRecord& record) override {
        writes_.push("interaction of call " + record.callId,
                     [record](CrmStore& s) { s.recordInteraction(record); });
    }
    void abusiveCallEnded(const std::string& customerId) override {
        writes_.push(
            "abusive flag of customer " + customerId,
            [customerId, at = clock_.now()](CrmStore& s) { s.flagAbusive(customerId, at); });
    }
    void wrappedUp(const std::string& callId, const std::string& agentId, const std::string& code,
                   const std::optional<std::string>& noteId) override {
        writes_.push("wrap-up of call " + callId,
                     [=](CrmStore& s) { s.setInteractionWrapup(callId, agentId, code, noteId); });
    }

private:
    CrmStore& store_;
    OrderedWrites& writes_;
    const Clock& clock_;
};

}  // namespace agentdesk::server
