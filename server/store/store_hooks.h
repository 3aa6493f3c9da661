#pragma once
// The ACD's CRM side effects, on the store: who a caller is, the interaction of each call leg,
// abusive callers, wrap-up codes.
#include <optional>
#include <string>
#include <vector>

#include "server/acd/telephony.h"
#include "server/clock.h"
#include "server/store/crm_store.h"

namespace agentdesk::server {

class StoreHooks final : public AcdHooks {
public:
    StoreHooks(CrmStore& store, const Clock& clock) : store_(store), clock_(clock) {}
    std::vector<CustomerMatch> matchCustomers(const std::string& e164) override {
        return store_.matchPhone(e164);
    }
    void callLegEnded(const InteractionRecord& record) override {
        store_.recordInteraction(record);
    }
    void abusiveCallEnded(const std::string& customerId) override {
        store_.flagAbusive(customerId, clock_.now());
    }
    void wrappedUp(const std::string& callId, const std::string& agentId, const std::string& code,
                   const std::optional<std::string>& noteId) override {
        store_.setInteractionWrapup(callId, agentId, code, noteId);
    }

private:
    CrmStore& store_;
    const Clock& clock_;
};

}  // namespace agentdesk::server
