#include "server/routes/live_assist.h"

#include <cmath>
#include <utility>

#include "common/logging.h"
#include "server/routes/assist_json.h"
#include "server/store/crm_store.h"
#include "server/store/ordered_writes.h"
#include "server/store/store_pool.h"

namespace agentdesk::server {

using nlohmann::json;

namespace {

// Calls followed at once at most; the oldest is dropped past it (a call whose end was never
// seen, e.g. transferred away and abandoned).
constexpr std::size_t kMaxLiveCalls = 2000;

}  // namespace

struct LiveAssist::Live {
    Live(const assist::AssistEngine& engine, const CallView& call, TimePoint now)
        : assist(engine, call.queue.empty() ? std::nullopt : std::optional(call.queue),
                 call.intent.empty() ? std::nullopt : std::optional(call.intent)),
          queue(call.queue),
          startedAt(now) {}

    assist::CallAssist assist;
    std::string queue;
    std::string agentId;       // the agent on the call now
    std::string supervisorId;  // a team lead listening, whispering or barging in
    json suggestions = json::array();
    bool suggesting = false;    // a search is running on the store pool
    bool suggestAgain = false;  // the caller said more meanwhile
    std::string lastQuery;
    TimePoint startedAt;

    json linesJson() const {
        json out = json::array();
        const auto& lines = assist.lines();
        for (std::size_t i = 0; i < lines.size(); ++i)
            out.push_back(lineJson(static_cast<int>(i)));
        return out;
    }
    json lineJson(int index) const {
        const assist::Line& l = assist.lines()[static_cast<std::size_t>(index)];
        const double score = assist.lineScores()[static_cast<std::size_t>(index)];
        json j = toJson(l);
        j["index"] = index;
        j["score"] = std::round(score * 1000.0) / 1000.0;
        j["sentiment"] = assist::toString(assist::labelFor(score));
        j["abusive"] = nullptr;
        for (const auto& [i, category] : assist.abusive()) {
            if (i == index)
                j["abusive"] = assist::toString(category);
        }
        return j;
    }
    // GET /calls/{id}/transcript's shape, and what is stored at the end of a leg.
    json analysisJson(const std::string& callId, bool live) const {
        return {{"callId", callId},
                {"lang", assist::toString(assist.lang())},
                {"queue", queue},
                {"live", live},
                {"lines", linesJson()},
                {"sentiment", toJson(assist.sentiment())},
                {"abusive", abusiveJson(assist.abusive())},
                {"checklist", toJson(assist.checklist())},
                {"suggestions", suggestions}};
    }
};

LiveAssist::LiveAssist(AcdEventSink& next, EventPublisher& hub, StorePool& pool,
                       OrderedWrites& writes, const assist::AssistEngine& engine,
                       const Clock& clock)
    : next_(next), hub_(hub), pool_(pool), writes_(writes), engine_(engine), clock_(clock) {}

LiveAssist::~LiveAssist() {
    *alive_ = false;
}

std::optional<json> LiveAssist::transcriptOf(const std::string& callId) const {
    auto it = calls_.find(callId);
    if (it == calls_.end())
        return std::nullopt;
    json out = it->second->analysisJson(callId, true);
    out["agentId"] = it->second->agentId;
    return out;
}

LiveAssist::Live* LiveAssist::follow(const CallView& call) {
    auto it = calls_.find(call.id);
    if (it == calls_.end()) {
        if (calls_.size() >= kMaxLiveCalls) {
            auto oldest = calls_.begin();
            for (auto i = calls_.begin(); i != calls_.end(); ++i) {
                if (i->second->startedAt < oldest->second->startedAt)
                    oldest = i;
            }
            calls_.erase(oldest);
        }
        it = calls_.emplace(call.id, std::make_unique<Live>(engine_, call, clock_.now())).first;
    }
    Live& live = *it->second;
    if (call.agentId)
        live.agentId = *call.agentId;
    live.supervisorId = call.supervision ? call.supervision->supervisorId : std::string();
    return &live;
}

// ------------------------------------------------------------------ the ACD's events

void LiveAssist::agentState(const std::string& agentId, AgentState state, const std::string& reason,
                            TimePoint since, const std::string& requestId,
                            const std::string& extension, const std::optional<PhoneStatus>& phone) {
    next_.agentState(agentId, state, reason, since, requestId, extension, phone);
}

void LiveAssist::callOffered(const std::string& agentId, const CallView& call,
                             const std::optional<std::string>& consultFrom) {
    next_.callOffered(agentId, call, consultFrom);
}

void LiveAssist::callState(const std::string& agentId, const CallView& call,
                           const std::string& requestId,
                           const std::optional<std::string>& consultResult) {
    next_.callState(agentId, call, requestId, consultResult);
    const bool talking = call.state == CallState::Connected || call.state == CallState::Held;
    if (talking && call.agentId && *call.agentId == agentId)
        follow(call);
}

void LiveAssist::callEnded(const std::string& agentId, const std::string& callId,
                           const std::string& reason, const std::string& requestId) {
    next_.callEnded(agentId, callId, reason, requestId);
    auto it = calls_.find(callId);
    if (it == calls_.end() || it->second->agentId != agentId)
        return;  // a ring that was not answered, or a leg assist did not follow
    finishLeg(callId, *it->second, agentId);
    if (reason == "transferred") {
        it->second->agentId.clear();  // the next agent's answer takes the call on
        it->second->supervisorId.clear();
    } else {
        calls_.erase(it);
    }
}

void LiveAssist::queueStats(const QueueStatsView& stats) {
    next_.queueStats(stats);
}

void LiveAssist::alert(const AlertRecord& alert) {
    next_.alert(alert);
}

void LiveAssist::supervision(const std::string& callId, const std::string& agentId,
                             const std::string& supervisorId,
                             const std::optional<SupervisionView>& supervision,
                             const std::string& reason, const std::string& requestId) {
    next_.supervision(callId, agentId, supervisorId, supervision, reason, requestId);
    if (auto it = calls_.find(callId); it != calls_.end())
        it->second->supervisorId = supervision ? supervisorId : std::string();
}

void LiveAssist::dtmfReceived(const std::string& agentId, const std::string& callId,
                              const std::string& digits) {
    next_.dtmfReceived(agentId, callId, digits);
}

void LiveAssist::transcript(const std::string& agentId, const std::string& callId,
                            const TranscriptLine& line) {
    auto it = calls_.find(callId);
    if (it == calls_.end()) {
        CallView unknown;  // answered before assist followed it: no queue or intent known
        unknown.id = callId;
        unknown.agentId = agentId;
        follow(unknown);
        it = calls_.find(callId);
    }
    Live& live = *it->second;
    live.agentId = agentId;
    const auto speaker = assist::parseSpeaker(line.speaker).value_or(assist::Speaker::Customer);
    const assist::LineResult r = live.assist.add(speaker, line.text, line.atSec);
    // Only the masked text leaves this point.
    next_.transcript(agentId, callId, {line.speaker, r.line.text, line.atSec});
    publishUpdate(callId, live, live.lineJson(r.index));
    if (speaker != assist::Speaker::Customer)
        return;
    const assist::CallSentiment mood = live.assist.sentiment();
    json sentiment = toJson(mood);
    sentiment["callId"] = callId;
    sentiment["agentId"] = agentId;
    hub_.publish("assist.sentiment", std::move(sentiment), Audience::supervisors());
    auto raise = [&](const char* kind, const char* severity, std::string message, int count) {
        AlertRecord a;
        a.kind = kind;
        a.severity = severity;
        a.message = std::move(message);
        a.at = clock_.now();
        a.agentId = agentId;
        a.callId = callId;
        if (!live.queue.empty())
            a.queue = live.queue;
        a.count = count;
        next_.alert(a);
    };
    if (r.firstAbuse) {
        raise("abuse_detected", "critical",
              "상담 중 폭언이 감지되었습니다 (" + std::string(assist::toString(*r.abuse)) + ")", 1);
    }
    if (r.negativeRunAlert) {
        raise("negative_sentiment", "warning",
              "고객의 부정적인 발화가 " + std::to_string(mood.negativeRun) + "번 이어졌습니다",
              mood.negativeRun);
    }
    const std::string query = assist::suggestionQuery(live.assist.lang(), live.assist.lines());
    if (!query.empty() && query != live.lastQuery) {
        live.lastQuery = query;
        if (live.suggesting)
            live.suggestAgain = true;
        else
            requestSuggestions(callId);
    }
}

// ------------------------------------------------------------------ assist's own events

void LiveAssist::publishUpdate(const std::string& callId, Live& live, const json& line) {
    json data{{"callId", callId},
              {"lang", assist::toString(live.assist.lang())},
              {"line", line},
              {"sentiment", toJson(live.assist.sentiment())},
              {"abusive", abusiveJson(live.assist.abusive())},
              {"suggestions", live.suggestions},
              {"checklist", toJson(live.assist.checklist())}};
    if (!live.supervisorId.empty())
        hub_.publish("assist.update", data, Audience::agentOnly(live.supervisorId));
    hub_.publish("assist.update", std::move(data), Audience::agentOnly(live.agentId));
}

void LiveAssist::requestSuggestions(const std::string& callId) {
    Live& live = *calls_.at(callId);
    live.suggesting = true;
    live.suggestAgain = false;
    const assist::AssistEngine& engine = engine_;
    pool_.read(
        [&engine, lang = live.assist.lang(), lines = live.assist.lines()](
            const StorePool::Stores& s) { return toJson(engine.suggest(s.kb, lang, lines)); },
        [this, alive = alive_, callId](StorePool::Result result) {
            if (!*alive)
                return;
            auto it = calls_.find(callId);
            if (it == calls_.end())
                return;
            Live& l = *it->second;
            l.suggesting = false;
            if (result.error) {
                try {
                    std::rethrow_exception(result.error);
                } catch (const std::exception& e) {
                    logging::get("assist")->warn("suggestions for call {}: {}", callId, e.what());
                }
            } else if (!result.value.empty() && result.value != l.suggestions) {
                // Lines about nothing to look up (the caller venting) keep what was found.
                l.suggestions = std::move(result.value);
                publishUpdate(callId, l, nullptr);
            }
            if (l.suggestAgain)
                requestSuggestions(callId);
        });
}

// The leg's wrap-up prediction and note, drafted on the store pool (the note templates are read
// there too), then sent to the agent and stored with the transcript.
void LiveAssist::finishLeg(const std::string& callId, Live& live, const std::string& agentId) {
    auto record = std::make_shared<CallAssistRecord>();
    record->callId = callId;
    record->agentId = agentId;
    record->lang = assist::toString(live.assist.lang());
    record->queue = live.queue;
    record->analysisJson = live.analysisJson(callId, false).dump();
    record->at = clock_.now();
    const assist::AssistEngine& engine = engine_;
    pool_.read(
        [&engine, lang = live.assist.lang(), wrapup = live.assist.wrapup(),
         lines = live.assist.lines()](const StorePool::Stores& s) {
            const assist::Draft draft =
                engine.draft(lang, wrapup, lines, noteTemplates(s.crm.wrapupCodes()));
            return json{{"wrapup", toJson(wrapup)}, {"draft", toJson(draft)}};
        },
        [this, alive = alive_, record](StorePool::Result result) {
            if (!*alive)
                return;
            auto log = logging::get("assist");
            if (result.error) {
                try {
                    std::rethrow_exception(result.error);
                } catch (const std::exception& e) {
                    // No draft (the database is away); the transcript is kept all the same.
                    log->warn("draft for call {}: {}", record->callId, e.what());
                }
            } else {
                const json& value = result.value;
                record->draftCode = value["draft"].value("wrapupCode", std::string());
                record->draftText = value["draft"].value("text", std::string());
                hub_.publish("assist.draft",
                             {{"callId", record->callId},
                              {"lang", record->lang},
                              {"wrapup", value["wrapup"]},
                              {"draft", value["draft"]}},
                             Audience::agentOnly(record->agentId));
            }
            writes_.push("transcript of call " + record->callId,
                         [record](CrmStore& s) { s.saveCallAssist(*record); });
        });
}

}  // namespace agentdesk::server
