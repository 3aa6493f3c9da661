#include "server/demo/scenario_runner.h"

#include <algorithm>

#include "common/logging.h"
#include "server/customer_validation.h"
#include "server/store/crm_store.h"

namespace agentdesk::server {

using nlohmann::json;

ScenarioRunner::ScenarioRunner(const Clock& clock, Telephony& telephony, DemoControls& demo,
                               StorePool& pool, std::vector<Scenario> scenarios)
    : clock_(clock),
      telephony_(telephony),
      demo_(demo),
      pool_(pool),
      scenarios_(std::move(scenarios)) {}

bool ScenarioRunner::live(const Run& run) const {
    if (run.next < run.scenario->calls.size() || run.waiting > 0)
        return true;
    for (const auto& id : run.callIds) {
        if (telephony_.callActive(id))
            return true;
    }
    return false;
}

json ScenarioRunner::listJson() const {
    json out = json::array();
    const bool running = run_ && live(*run_);
    for (const auto& s : scenarios_) {
        json queues = json::array();
        for (const auto& c : s.calls) {
            if (std::find(queues.begin(), queues.end(), c.queue) == queues.end())
                queues.push_back(c.queue);
        }
        out.push_back({{"id", s.id},
                       {"title", {{"ko", s.title.ko}, {"en", s.title.en}}},
                       {"description", {{"ko", s.description.ko}, {"en", s.description.en}}},
                       {"languages", {"ko", "en"}},
                       {"callCount", s.calls.size()},
                       {"durationSec", s.durationSec()},
                       {"queues", std::move(queues)},
                       {"running", running && run_->scenario == &s}});
    }
    return out;
}

Outcome ScenarioRunner::start(const std::string& id, const std::string& lang) {
    const Scenario* found = nullptr;
    for (const auto& s : scenarios_) {
        if (s.id == id)
            found = &s;
    }
    if (!found)
        return Outcome::fail(ErrorCode::NotFound, "unknown scenario");
    if (run_ && live(*run_)) {
        return Outcome::fail(ErrorCode::InvalidState,
                             "scenario \"" + run_->scenario->id + "\" is running; stop it first");
    }
    run_ = Run{found, lang, clock_.now(), 0, {}, ++runs_, 0};
    logging::get("demo")->info("scenario {} started ({})", id, lang);
    tick();  // calls at offset 0 arrive at once
    return Outcome::success();
}

std::optional<std::string> ScenarioRunner::stop() {
    if (!run_)
        return std::nullopt;
    const bool wasLive = live(*run_);
    const std::string id = run_->scenario->id;
    // Callers still waiting hang up (abandoned); connected calls go on so the trainee can
    // finish them.
    for (const auto& callId : run_->callIds) {
        const auto state = telephony_.callState(callId);
        if (state == CallState::Queued || state == CallState::Ringing)
            demo_.callerHangup(callId);
    }
    run_.reset();
    if (!wasLive)
        return std::nullopt;
    logging::get("demo")->info("scenario {} stopped", id);
    return id;
}

json ScenarioRunner::statusJson() const {
    if (!run_ || !live(*run_))
        return nullptr;
    const auto elapsed =
        std::chrono::duration_cast<std::chrono::seconds>(clock_.now() - run_->startedAt);
    return {{"id", run_->scenario->id},
            {"lang", run_->lang},
            {"startedAt", toRfc3339(run_->startedAt)},
            {"elapsedSec", elapsed.count()},
            {"callsArrived", run_->next},
            {"callCount", run_->scenario->calls.size()},
            {"callIds", run_->callIds}};
}

void ScenarioRunner::tick() {
    if (!run_)
        return;
    const TimePoint now = clock_.now();
    const auto& calls = run_->scenario->calls;
    while (run_->next < calls.size() &&
           run_->startedAt + std::chrono::seconds(calls[run_->next].atSec) <= now) {
        inject(calls[run_->next++]);
    }
    if (!live(*run_)) {
        logging::get("demo")->info("scenario {} finished", run_->scenario->id);
        run_.reset();
    }
}

void ScenarioRunner::inject(const ScenarioCall& call) {
    InboundCallSpec spec;
    spec.queue = call.queue;
    spec.intent = call.intent;
    spec.verified = call.verified;
    spec.waitedSec = call.waitedSec;
    spec.patienceSec = call.patienceSec;
    spec.talkSec = call.talkSec;
    for (const auto& line : call.transcript)
        spec.transcript.push_back({line.speaker, line.text.in(run_->lang), line.atSec});
    if (call.phoneE164)
        spec.aniE164 = *call.phoneE164;
    if (!call.customerId && !call.newCustomer)
        return arrive(std::move(spec));
    if (call.newCustomer) {
        for (const auto& p : (*call.newCustomer)["phones"]) {
            if (p.value("primary", false))
                spec.aniE164 = p["e164"].get<std::string>();
        }
    }
    // The customer's number, or the scenario's new customer, from the store: on the pool (on
    // SQLite at once), the call arrives when it is back.
    struct Found {
        std::optional<std::string> e164;
        std::optional<std::string> customerId;
    };
    auto found = std::make_shared<Found>();
    ++run_->waiting;
    const std::string ani = spec.aniE164;  // not read from `spec` below: it moves
    pool_.write(
        [found, customerId = call.customerId, newCustomer = call.newCustomer, ani,
         now = clock_.now()](const StorePool::Stores& s) {
            if (customerId) {
                found->e164 = s.crm.primaryPhone(*customerId);
                found->customerId = customerId;
                return json();
            }
            // A rerun (or a customer registered by hand in an earlier run) reuses the customer.
            found->e164 = ani;
            const auto matches = s.crm.matchPhone(ani);
            found->customerId = matches.empty()
                                    ? s.crm.createCustomer(customerChange(*newCustomer), now)
                                    : matches.front().id;
            return json();
        },
        [this, found, spec = std::move(spec), serial = run_->serial,
         scenarioId = run_->scenario->id](StorePool::Result result) mutable {
            if (!run_ || run_->serial != serial)
                return;  // stopped meanwhile: this call never arrives
            --run_->waiting;
            if (result.error) {
                logging::get("demo")->error("scenario {}: a call skipped: {}", scenarioId,
                                            StorePool::describe(result.error));
                return;
            }
            if (!found->e164) {
                logging::get("demo")->warn("scenario {}: customer {} has no phone; call skipped",
                                           scenarioId, found->customerId.value_or(""));
                return;
            }
            spec.aniE164 = *found->e164;
            spec.customerId = found->customerId;
            arrive(std::move(spec));
        });
}

void ScenarioRunner::arrive(InboundCallSpec spec) {
    run_->callIds.push_back(demo_.injectCall(spec));
}

}  // namespace agentdesk::server
