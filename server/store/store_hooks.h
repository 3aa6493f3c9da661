#pragma once
// The ACD's CRM side effects, on the store: who a new caller is and the knowledge suggestions
// for their intent (one job on the store pool: on PostgreSQL off the I/O thread, the ACD holds
// the queued call until it is answered; on SQLite at once), and the interaction of each call leg,
// abusive callers and wrap-up codes (written in order through OrderedWrites, so the ACD neither
// waits for the database nor sees its failures; store/ordered_writes.h).
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "server/acd/telephony.h"
#include "server/clock.h"
#include "server/kb/knowledge_store.h"
#include "server/store/crm_store.h"
#include "server/store/ordered_writes.h"
#include "server/store/store_pool.h"

namespace agentdesk::server {

class StoreHooks final : public AcdHooks {
public:
    static constexpr int kSuggestions = 3;

    StoreHooks(StorePool& pool, OrderedWrites& writes, const Clock& clock)
        : pool_(pool), writes_(writes), clock_(clock) {}
    void identifyCaller(const std::string& e164, const std::string& intent,
                        std::function<void(std::vector<CustomerMatch>)> done) override;
    // The suggestions an offer of a call about `intent` carries: those the last caller with it
    // brought (identifyCaller; none when no caller with it was identified yet).
    std::vector<KbHit> suggestionsFor(const std::string& intent) const;
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
    StorePool& pool_;
    std::map<std::string, std::vector<KbHit>> suggestions_;  // by intent
    OrderedWrites& writes_;
    const Clock& clock_;
};

}  // namespace agentdesk::server
