// Agents (state), calls (commands, click-to-dial, wrap-up) and queue KPIs.
#include <algorithm>

#include "common/phone.h"
#include "server/routes/acd_presenter.h"
#include "server/routes/route_context.h"

namespace agentdesk::server {

namespace {

bool validDigits(const std::string& digits) {
    if (digits.empty() || digits.size() > 32)
        return false;
    return std::all_of(digits.begin(), digits.end(),
                       [](char c) { return (c >= '0' && c <= '9') || c == '*' || c == '#'; });
}

// "15m", "2h", "900s", "today" → window; nullopt + ok for today; false when malformed.
bool parseWindow(const std::string& text, std::optional<std::chrono::seconds>& window) {
    window.reset();
    if (text.empty() || text == "today")
        return true;
    std::size_t pos = 0;
    long long n = 0;
    while (pos < text.size() && text[pos] >= '0' && text[pos] <= '9' && pos < 9) {
        n = n * 10 + (text[pos++] - '0');
    }
    if (pos == 0 || pos + 1 != text.size() || n <= 0)
        return false;
    switch (text[pos]) {
        case 's':
            window = std::chrono::seconds(n);
            break;
        case 'm':
            window = std::chrono::seconds(n * 60);
            break;
        case 'h':
            window = std::chrono::seconds(n * 3600);
            break;
        default:
            return false;
    }
    return *window <= std::chrono::hours(48);
}

void callAction(RouteContext& ctx, http::Request& req, const http::ExchangePtr& ex) {
    auto session = authenticate(ctx, req, ex);
    if (!session)
        return;
    const std::string& agentId = session->user.id;
    const std::string callId = req.params["id"];
    const std::string action = req.params["action"];
    const std::string requestId = requestIdOf(req);
    Telephony& t = ctx.telephony;

    auto simple = [&](auto fn) { respondAccepted(ex, fn(), requestId); };
    if (action == "answer")
        return simple([&] { return t.answer(agentId, callId, requestId); });
    if (action == "reject")
        return simple([&] { return t.reject(agentId, callId, requestId); });
    if (action == "hold")
        return simple([&] { return t.hold(agentId, callId, requestId); });
    if (action == "resume")
        return simple([&] { return t.resume(agentId, callId, requestId); });
    if (action == "mute")
        return simple([&] { return t.mute(agentId, callId, true, requestId); });
    if (action == "unmute")
        return simple([&] { return t.mute(agentId, callId, false, requestId); });
    if (action == "abuse-warning") {
        return simple([&] { return t.abuseWarning(agentId, callId, requestId); });
    }

    auto body = jsonBody(req, ex, /*allowEmpty=*/action == "hangup");
    if (!body)
        return;
    Fields f(*body);
    if (action == "hangup") {
        auto reason = f.string("reason", false);
        if (!f.ok())
            return respondOutcome(ex, f.error());
        if (reason && *reason != "abuse" && *reason != "normal") {
            return respondError(ex, ErrorCode::BadRequest, "reason must be \"abuse\" or absent");
        }
        return simple(
            [&] { return t.hangup(agentId, callId, reason && *reason == "abuse", requestId); });
    }
    if (action == "dtmf") {
        auto digits = f.string("digits", true);
        if (!f.ok())
            return respondOutcome(ex, f.error());
        if (!validDigits(*digits)) {
            return respondError(ex, ErrorCode::BadRequest, "digits must be 1-32 of 0-9 * #");
        }
        return simple([&] { return t.dtmf(agentId, callId, *digits, requestId); });
    }
    if (action == "recording") {
        auto paused = f.boolean("paused", true);
        if (!f.ok())
            return respondOutcome(ex, f.error());
        return simple([&] { return t.setRecordingPaused(agentId, callId, *paused, requestId); });
    }
    if (action == "transfer") {
        const json* to = f.object("to", true);
        auto mode = f.string("mode", false);
        if (!f.ok())
            return respondOutcome(ex, f.error());
        if (mode && *mode != "blind" && *mode != "consult" && *mode != "attended") {
            return respondError(ex, ErrorCode::BadRequest,
                                "mode must be blind, consult or attended");
        }
        if (to->size() != 1) {
            return respondError(ex, ErrorCode::BadRequest,
                                "to must name exactly one of queue, agent, number");
        }
        const auto& [kind, value] = *to->items().begin();
        if (!value.is_string()) {
            return respondError(ex, ErrorCode::BadRequest, "to." + kind + " must be a string");
        }
        TransferTarget target;
        target.value = value.get<std::string>();
        if (kind == "queue") {
            target.kind = TransferTarget::Kind::Queue;
        } else if (kind == "agent") {
            target.kind = TransferTarget::Kind::Agent;
        } else if (kind == "number") {
            target.kind = TransferTarget::Kind::Number;
            auto e164 = phone::toE164(target.value);
            if (!e164) {
                Outcome o = Outcome::fail(ErrorCode::ValidationFailed, "not a Korean phone number");
                o.fields.push_back({"to.number", "is not a Korean phone number"});
                return respondOutcome(ex, o);
            }
            target.value = *e164;
        } else {
            return respondError(ex, ErrorCode::BadRequest,
                                "to must name exactly one of queue, agent, number");
        }
        return simple([&] {
            const TransferMode m = !mode || *mode == "blind" ? TransferMode::Blind
                                   : *mode == "consult"      ? TransferMode::Consult
                                                             : TransferMode::Attended;
            return t.transfer(agentId, callId, target, m, requestId);
        });
    }
    if (action == "wrapup") {
        auto code = f.string("code", true);
        auto noteId = f.string("noteId", false);
        auto next = f.string("nextState", false);
        if (!f.ok())
            return respondOutcome(ex, f.error());
        if (next && *next != "ready" && *next != "not_ready") {
            return respondError(ex, ErrorCode::BadRequest, "nextState must be ready or not_ready");
        }
        Outcome invalid = Outcome::fail(ErrorCode::ValidationFailed, "the wrap-up is not valid");
        if (!ctx.store.wrapupCodeExists(*code))
            invalid.fields.push_back({"code", "unknown wrap-up code"});
        if (noteId && !ctx.store.note(*noteId))
            invalid.fields.push_back({"noteId", "unknown note"});
        if (!invalid.fields.empty())
            return respondOutcome(ex, invalid);
        std::optional<AgentState> nextState;
        if (next)
            nextState = parseAgentState(*next);
        return simple(
            [&] { return t.wrapup(agentId, callId, *code, noteId, nextState, requestId); });
    }
    respondError(ex, ErrorCode::NotFound, "unknown call action: " + action);
}

}  // namespace

void addAgentAndCallRoutes(http::Router& router, RouteContext& ctx) {
    router.add("GET", "/api/v1/agents/me", [&ctx](http::Request& req, const http::ExchangePtr& ex) {
        auto session = authenticate(ctx, req, ex);
        if (!session)
            return;
        const auto agent = ctx.telephony.agent(session->user.id);
        ex->respond(jsonResponse(200, agent ? agentJson(*agent) : json()));
    });

    router.add(
        "PUT", "/api/v1/agents/me/state", [&ctx](http::Request& req, const http::ExchangePtr& ex) {
            auto in = authenticatedBody(ctx, req, ex);
            if (!in)
                return;
            const AuthSession* session = &in->session;
            const json* body = &in->body;
            Fields f(*body);
            auto state = f.string("state", true);
            auto reason = f.string("reason", false);
            if (!f.ok())
                return respondOutcome(ex, f.error());
            if (*state != "ready" && *state != "not_ready" && *state != "after_call_work") {
                return respondError(ex, ErrorCode::BadRequest,
                                    "state must be ready, not_ready or after_call_work");
            }
            if (*state == "not_ready" && reason) {
                const auto& known = ctx.notReadyReasons;
                if (std::find(known.begin(), known.end(), *reason) == known.end()) {
                    Outcome o =
                        Outcome::fail(ErrorCode::ValidationFailed, "unknown not-ready reason");
                    o.fields.push_back({"reason", "is not a configured not-ready reason"});
                    return respondOutcome(ex, o);
                }
            }
            const std::string requestId = requestIdOf(req);
            respondAccepted(ex,
                            ctx.telephony.setAgentState(session->user.id, *parseAgentState(*state),
                                                        reason.value_or(""), requestId),
                            requestId);
        });

    router.add("GET", "/api/v1/agents", [&ctx](http::Request& req, const http::ExchangePtr& ex) {
        if (!authenticate(ctx, req, ex, {Role::TeamLead, Role::Trainer}))
            return;
        ex->respond(jsonResponse(200, agentsJson(ctx.telephony.agents())));
    });

    router.add("GET", "/api/v1/calls/current",
               [&ctx](http::Request& req, const http::ExchangePtr& ex) {
                   auto session = authenticate(ctx, req, ex);
                   if (!session)
                       return;
                   auto call = ctx.telephony.currentCall(session->user.id);
                   if (!call)
                       return respondError(ex, ErrorCode::NotFound, "no current call");
                   ex->respond(jsonResponse(200, callJson(*call)));
               });

    // Before the generic call actions: supervision is for team leads and trainers, on another
    // agent's call.
    router.add("POST", "/api/v1/calls/{id}/supervise",
               [&ctx](http::Request& req, const http::ExchangePtr& ex) {
                   auto in = authenticatedBody(ctx, req, ex, {Role::TeamLead, Role::Trainer});
                   if (!in)
                       return;
                   Fields f(in->body);
                   auto mode = f.string("mode", true);
                   if (!f.ok())
                       return respondOutcome(ex, f.error());
                   const auto parsed = parseSupervisionMode(*mode);
                   if (!parsed) {
                       return respondError(ex, ErrorCode::BadRequest,
                                           "mode must be listen, whisper or barge");
                   }
                   const std::string requestId = requestIdOf(req);
                   respondAccepted(ex,
                                   ctx.telephony.supervise(in->session.user.id, req.params["id"],
                                                           *parsed, requestId),
                                   requestId);
               });

    router.add("POST", "/api/v1/calls/{id}/supervise/stop",
               [&ctx](http::Request& req, const http::ExchangePtr& ex) {
                   auto session = authenticate(ctx, req, ex, {Role::TeamLead, Role::Trainer});
                   if (!session)
                       return;
                   const std::string requestId = requestIdOf(req);
                   respondAccepted(
                       ex,
                       ctx.telephony.stopSupervising(session->user.id, req.params["id"], requestId),
                       requestId);
               });

    router.add(
        "POST", "/api/v1/calls/{id}/transfer/complete",
        [&ctx](http::Request& req, const http::ExchangePtr& ex) {
            auto session = authenticate(ctx, req, ex);
            if (!session)
                return;
            const std::string requestId = requestIdOf(req);
            respondAccepted(
                ex, ctx.telephony.completeTransfer(session->user.id, req.params["id"], requestId),
                requestId);
        });

    router.add(
        "POST", "/api/v1/calls/{id}/{action}",
        [&ctx](http::Request& req, const http::ExchangePtr& ex) { callAction(ctx, req, ex); });

    router.add("POST", "/api/v1/calls", [&ctx](http::Request& req, const http::ExchangePtr& ex) {
        auto in = authenticatedBody(ctx, req, ex);
        if (!in)
            return;
        const AuthSession* session = &in->session;
        const json* body = &in->body;
        Fields f(*body);
        auto number = f.string("number", false);
        auto customerId = f.string("customerId", false);
        auto phoneId = f.string("phoneId", false);
        if (!f.ok())
            return respondOutcome(ex, f.error());
        if (customerId && !ctx.store.customerExists(*customerId)) {
            return respondError(ex, ErrorCode::NotFound, "unknown customer");
        }
        std::optional<std::string> e164;
        if (number) {
            e164 = phone::toE164(*number);
        } else if (customerId && phoneId) {
            e164 = ctx.store.customerPhone(*customerId, *phoneId);
            if (!e164)
                return respondError(ex, ErrorCode::NotFound, "unknown phone of customer");
        } else {
            return respondError(ex, ErrorCode::BadRequest,
                                "give number, or customerId with phoneId");
        }
        if (!e164) {
            Outcome o = Outcome::fail(ErrorCode::ValidationFailed, "not a Korean phone number");
            o.fields.push_back({"number", "is not a Korean phone number"});
            return respondOutcome(ex, o);
        }
        const std::string requestId = requestIdOf(req);
        std::string callId;
        auto outcome = ctx.telephony.dial(session->user.id, *e164, customerId, requestId, &callId);
        if (!outcome.ok())
            return respondOutcome(ex, outcome);
        ex->respond(jsonResponse(202, {{"requestId", requestId}, {"callId", callId}}));
    });

    router.add("GET", "/api/v1/queues", [&ctx](http::Request& req, const http::ExchangePtr& ex) {
        auto session = authenticate(ctx, req, ex);
        if (!session)
            return;
        std::optional<std::chrono::seconds> window;
        if (!parseWindow(req.queryValue("window"), window)) {
            return respondError(ex, ErrorCode::BadRequest,
                                "window must be today or a duration like 15m, 2h (max 48h)");
        }
        std::set<std::string> skills(session->user.skills.begin(), session->user.skills.end());
        ex->respond(
            jsonResponse(200, queuesJson(ctx.telephony.queues(
                                  window, isSupervisor(session->user.role) ? nullptr : &skills))));
    });
}

}  // namespace agentdesk::server
