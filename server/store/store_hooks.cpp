#include "server/store/store_hooks.h"

#include <memory>

#include "common/logging.h"

namespace agentdesk::server {

void StoreHooks::identifyCaller(const std::string& e164, const std::string& intent,
                                std::function<void(std::vector<CustomerMatch>)> done) {
    struct Found {
        std::vector<CustomerMatch> matches;
        std::optional<std::vector<KbHit>> suggestions;
    };
    auto found = std::make_shared<Found>();
    // A write job, though it only reads: on SQLite that runs at once on the serving connection,
    // so the call enters its queue identified, as it always did.
    pool_.write(
        [found, e164, intent](const StorePool::Stores& s) {
            found->matches = s.crm.matchPhone(e164);
            if (!intent.empty())
                found->suggestions = s.kb.suggestForIntent(intent, std::nullopt, kSuggestions);
            return nlohmann::json();
        },
        [this, found, intent, done = std::move(done)](StorePool::Result result) {
            if (result.error) {
                // The caller is offered unidentified rather than not at all.
                logging::get("acd")->error("identifying a caller failed: {}",
                                           StorePool::describe(result.error));
                return done({});
            }
            if (found->suggestions)
                suggestions_[intent] = std::move(*found->suggestions);
            done(std::move(found->matches));
        });
}

std::vector<KbHit> StoreHooks::suggestionsFor(const std::string& intent) const {
    auto it = suggestions_.find(intent);
    return it == suggestions_.end() ? std::vector<KbHit>{} : it->second;
}

}  // namespace agentdesk::server
