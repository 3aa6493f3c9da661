// The ACD: a team lead or trainer listening to, whispering to or barging into a call.
#include "common/logging.h"
#include "server/acd/acd_internal.h"

namespace agentdesk::server {

std::string_view supervisionModeName(SupervisionMode mode) {
    switch (mode) {
        case SupervisionMode::Listen:
            return "listen";
        case SupervisionMode::Whisper:
            return "whisper";
        case SupervisionMode::Barge:
            return "barge";
    }
    return "listen";
}

std::optional<SupervisionMode> parseSupervisionMode(std::string_view name) {
    for (auto m : {SupervisionMode::Listen, SupervisionMode::Whisper, SupervisionMode::Barge}) {
        if (supervisionModeName(m) == name)
            return m;
    }
    return std::nullopt;
}

std::optional<SupervisionView> Acd::supervisionView(const Call& c) const {
    if (c.supervisorId.empty())
        return std::nullopt;
    const Agent* s = findAgent(c.supervisorId);
    SupervisionView v;
    v.supervisorId = c.supervisorId;
    v.supervisorName = s ? s->user.name : c.supervisorId;
    v.supervisorNameEn = s ? s->user.nameEn : c.supervisorId;
    v.mode = c.supervisionMode;
    v.since = c.supervisionSince;
    return v;
}

void Acd::publishSupervision(const Call& c, const std::string& supervisorId,
                             const std::string& reason, const std::string& requestId) {
    events_.supervision(c.id, c.agentId, supervisorId, supervisionView(c), reason, requestId);
}

void Acd::endSupervision(Call& c, const std::string& reason, const std::string& requestId) {
    if (c.supervisorId.empty())
        return;
    const std::string supervisorId = c.supervisorId;
    if (Agent* s = findAgent(supervisorId); s && s->supervisingCallId == c.id)
        s->supervisingCallId.clear();
    c.supervisorId.clear();
    control_->supervise(c.id, c.agentId, supervisorId, std::nullopt);
    // When the leg ends the agent gets call.ended instead.
    if (reason != "call_ended" && !c.agentId.empty())
        publishCallState(c, c.agentId, requestId);
    publishSupervision(c, supervisorId, reason, requestId);
}

Outcome Acd::supervise(const std::string& supervisorId, const std::string& callId,
                       SupervisionMode mode, const std::string& requestId) {
    Agent* s = findAgent(supervisorId);
    if (!s || !s->loggedIn)
        return Outcome::fail(ErrorCode::InvalidState, "agent is logged out");
    Call* c = findCall(callId);
    if (!c)
        return endedOrUnknown(callId);
    if (c->state != CallState::Connected && c->state != CallState::Held) {
        return Outcome::fail(ErrorCode::InvalidState,
                             "only a connected or held call can be supervised");
    }
    if (c->agentId == supervisorId)
        return Outcome::fail(ErrorCode::InvalidState, "you cannot supervise your own call");
    if (!s->callId.empty())
        return Outcome::fail(ErrorCode::InvalidState, "finish your own call first");
    if (!c->supervisorId.empty() && c->supervisorId != supervisorId) {
        const Agent* other = findAgent(c->supervisorId);
        return Outcome::fail(
            ErrorCode::InvalidState,
            "the call is already supervised by " + (other ? other->user.name : c->supervisorId));
    }
    if (phonesRequired_ && !(s->phone && s->phone->registered)) {
        return Outcome::fail(ErrorCode::InvalidState,
                             "your phone is not registered; connect it to listen to calls");
    }
    if (!s->supervisingCallId.empty() && s->supervisingCallId != callId) {
        if (Call* previous = findCall(s->supervisingCallId))
            endSupervision(*previous, "stopped", "");
        s->supervisingCallId.clear();
    }
    const bool starting = c->supervisorId != supervisorId;
    if (starting)
        c->supervisionSince = clock_.now();
    c->supervisorId = supervisorId;
    c->supervisionMode = mode;
    s->supervisingCallId = c->id;
    control_->supervise(c->id, c->agentId, supervisorId, mode);
    publishCallState(*c, c->agentId, requestId);
    publishSupervision(*c, supervisorId, starting ? "started" : "mode_changed", requestId);
    logging::get("acd")->info("{} supervises call {} of {} ({})", supervisorId, c->id, c->agentId,
                              supervisionModeName(mode));
    return Outcome::success();
}

Outcome Acd::stopSupervising(const std::string& supervisorId, const std::string& callId,
                             const std::string& requestId) {
    Call* c = findCall(callId);
    if (!c)
        return endedOrUnknown(callId);
    if (c->supervisorId != supervisorId)
        return Outcome::fail(ErrorCode::InvalidState, "you are not supervising this call");
    endSupervision(*c, "stopped", requestId);
    route();
    flushStats(false);
    return Outcome::success();
}

}  // namespace agentdesk::server
