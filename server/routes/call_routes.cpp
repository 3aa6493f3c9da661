// Agents (state), calls (commands, click-to-dial, wrap-up) and queue KPIs.
#include <algorithm>

#include "common/phone.h"
#include "server/routes/acd_presenter.h"
#include "server/routes/api_routes.h"
#include "server/routes/command_order.h"

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

// 202 {"requestId"} for an ACD command, with the caller's X-Request-Id when given.
template <class Fn>
void command(ApiCall& call, Fn fn) {
    const std::string requestId = requestIdOf(call.req);
    respondAccepted(call.ex, fn(requestId), requestId);
}

void answer(RouteContext& ctx, ApiCall& call) {
    command(call, [&](const std::string& rid) {
        return ctx.telephony.answer(call.user().id, call.param("id"), rid);
    });
}

void reject(RouteContext& ctx, ApiCall& call) {
    command(call, [&](const std::string& rid) {
        return ctx.telephony.reject(call.user().id, call.param("id"), rid);
    });
}

void hold(RouteContext& ctx, ApiCall& call) {
    command(call, [&](const std::string& rid) {
        return ctx.telephony.hold(call.user().id, call.param("id"), rid);
    });
}

void resume(RouteContext& ctx, ApiCall& call) {
    command(call, [&](const std::string& rid) {
        return ctx.telephony.resume(call.user().id, call.param("id"), rid);
    });
}

void mute(RouteContext& ctx, ApiCall& call) {
    command(call, [&](const std::string& rid) {
        return ctx.telephony.mute(call.user().id, call.param("id"), true, rid);
    });
}

void unmute(RouteContext& ctx, ApiCall& call) {
    command(call, [&](const std::string& rid) {
        return ctx.telephony.mute(call.user().id, call.param("id"), false, rid);
    });
}

void abuseWarning(RouteContext& ctx, ApiCall& call) {
    command(call, [&](const std::string& rid) {
        return ctx.telephony.abuseWarning(call.user().id, call.param("id"), rid);
    });
}

void hangup(RouteContext& ctx, ApiCall& call) {
    auto body = jsonBody(call.req, call.ex, /*allowEmpty=*/true);
    if (!body)
        return;
    Fields f(*body);
    auto reason = f.string("reason", false);
    if (!f.ok())
        return respondOutcome(call.ex, f.error());
    if (reason && *reason != "abuse" && *reason != "normal")
        return respondError(call.ex, ErrorCode::BadRequest, "reason must be \"abuse\" or absent");
    command(call, [&](const std::string& rid) {
        return ctx.telephony.hangup(call.user().id, call.param("id"), reason && *reason == "abuse",
                                    rid);
    });
}

void dtmf(RouteContext& ctx, ApiCall& call) {
    auto body = jsonBody(call.req, call.ex);
    if (!body)
        return;
    Fields f(*body);
    auto digits = f.string("digits", true);
    if (!f.ok())
        return respondOutcome(call.ex, f.error());
    if (!validDigits(*digits))
        return respondError(call.ex, ErrorCode::BadRequest, "digits must be 1-32 of 0-9 * #");
    command(call, [&](const std::string& rid) {
        return ctx.telephony.dtmf(call.user().id, call.param("id"), *digits, rid);
    });
}

void recording(RouteContext& ctx, ApiCall& call) {
    auto body = jsonBody(call.req, call.ex);
    if (!body)
        return;
    Fields f(*body);
    auto paused = f.boolean("paused", true);
    if (!f.ok())
        return respondOutcome(call.ex, f.error());
    command(call, [&](const std::string& rid) {
        return ctx.telephony.setRecordingPaused(call.user().id, call.param("id"), *paused, rid);
    });
}

// {"to": {"queue"|"agent"|"number": "…"}} → a target; answers the error itself.
std::optional<TransferTarget> transferTarget(const json& to, const http::ExchangePtr& ex) {
    if (to.size() != 1) {
        respondError(ex, ErrorCode::BadRequest, "to must name exactly one of queue, agent, number");
        return std::nullopt;
    }
    // Not `const auto& [kind, value] = *to.items().begin()`: that binds to a temporary.
    const std::string kind = to.begin().key();
    const json& value = to.begin().value();
    if (!value.is_string()) {
        respondError(ex, ErrorCode::BadRequest, "to." + kind + " must be a string");
        return std::nullopt;
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
            respondOutcome(ex, o);
            return std::nullopt;
        }
        target.value = *e164;
    } else {
        respondError(ex, ErrorCode::BadRequest, "to must name exactly one of queue, agent, number");
        return std::nullopt;
    }
    return target;
}

void transfer(RouteContext& ctx, ApiCall& call) {
    auto body = jsonBody(call.req, call.ex);
    if (!body)
        return;
    Fields f(*body);
    const json* to = f.object("to", true);
    auto mode = f.string("mode", false);
    if (!f.ok())
        return respondOutcome(call.ex, f.error());
    if (mode && *mode != "blind" && *mode != "consult" && *mode != "attended")
        return respondError(call.ex, ErrorCode::BadRequest,
                            "mode must be blind, consult or attended");
    const auto target = transferTarget(*to, call.ex);
    if (!target)
        return;
    const TransferMode m = !mode || *mode == "blind" ? TransferMode::Blind
                           : *mode == "consult"      ? TransferMode::Consult
                                                     : TransferMode::Attended;
    command(call, [&](const std::string& rid) {
        return ctx.telephony.transfer(call.user().id, call.param("id"), *target, m, rid);
    });
}

void completeTransfer(RouteContext& ctx, ApiCall& call) {
    command(call, [&](const std::string& rid) {
        return ctx.telephony.completeTransfer(call.user().id, call.param("id"), rid);
    });
}

void wrapup(RouteContext& ctx, ApiCall& call) {
    auto body = jsonBody(call.req, call.ex);
    if (!body)
        return;
    Fields f(*body);
    auto code = f.string("code", true);
    auto noteId = f.string("noteId", false);
    auto next = f.string("nextState", false);
    if (!f.ok())
        return respondOutcome(call.ex, f.error());
    if (next && *next != "ready" && *next != "not_ready")
        return respondError(call.ex, ErrorCode::BadRequest, "nextState must be ready or not_ready");
    std::optional<AgentState> nextState;
    if (next)
        nextState = parseAgentState(*next);
    struct Known {
        bool code = false;
        bool note = false;
    };
    storeThen<Known>(
        ctx, "POST " + call.req.path, call.ex,
        [code = *code, noteId](const StorePool::Stores& s) {
            return Known{s.crm.wrapupCodeExists(code), !noteId || s.crm.note(*noteId)};
        },
        [&ctx, ex = call.ex, agentId = call.user().id, callId = call.param("id"), code = *code,
         noteId, nextState, rid = requestIdOf(call.req)](Known known) {
            Outcome invalid =
                Outcome::fail(ErrorCode::ValidationFailed, "the wrap-up is not valid");
            if (!known.code)
                invalid.fields.push_back({"code", "unknown wrap-up code"});
            if (!known.note)
                invalid.fields.push_back({"noteId", "unknown note"});
            if (!invalid.fields.empty())
                return respondOutcome(ex, invalid);
            respondAccepted(ex, ctx.telephony.wrapup(agentId, callId, code, noteId, nextState, rid),
                            rid);
        });
}

void supervise(RouteContext& ctx, ApiCall& call) {
    auto body = jsonBody(call.req, call.ex);
    if (!body)
        return;
    Fields f(*body);
    auto mode = f.string("mode", true);
    if (!f.ok())
        return respondOutcome(call.ex, f.error());
    const auto parsed = parseSupervisionMode(*mode);
    if (!parsed)
        return respondError(call.ex, ErrorCode::BadRequest,
                            "mode must be listen, whisper or barge");
    command(call, [&](const std::string& rid) {
        return ctx.telephony.supervise(call.user().id, call.param("id"), *parsed, rid);
    });
}

void stopSupervising(RouteContext& ctx, ApiCall& call) {
    command(call, [&](const std::string& rid) {
        return ctx.telephony.stopSupervising(call.user().id, call.param("id"), rid);
    });
}

void currentCall(RouteContext& ctx, ApiCall& call) {
    auto current = ctx.telephony.currentCall(call.user().id);
    if (!current)
        return respondError(call.ex, ErrorCode::NotFound, "no current call");
    call.ex->respond(jsonResponse(200, callJson(*current)));
}

// Click-to-dial: a number, or one of a customer's own numbers.
void dial(RouteContext& ctx, ApiCall& call) {
    const http::ExchangePtr& ex = call.ex;
    auto body = jsonBody(call.req, ex);
    if (!body)
        return;
    Fields f(*body);
    auto number = f.string("number", false);
    auto customerId = f.string("customerId", false);
    auto phoneId = f.string("phoneId", false);
    if (!f.ok())
        return respondOutcome(ex, f.error());
    std::optional<std::string> e164;
    if (number) {
        e164 = phone::toE164(*number);
    } else if (!customerId || !phoneId) {
        return respondError(ex, ErrorCode::BadRequest, "give number, or customerId with phoneId");
    }
    // What the store says about the customer and the number.
    struct Checked {
        bool customerKnown = true;
        bool customersNumber = true;
        std::optional<std::string> e164;
        std::vector<CustomerMatch> matches;  // who has the number (the call's party)
    };
    storeThen<Checked>(
        ctx, "POST " + call.req.path, ex,
        [customerId, phoneId, e164](const StorePool::Stores& s) {
            Checked c;
            c.e164 = e164;
            if (!customerId) {
                if (e164)
                    c.matches = s.crm.matchPhone(*e164);
                return c;
            }
            c.customerKnown = s.crm.customerExists(*customerId);
            if (!c.customerKnown)
                return c;
            if (e164) {
                // A number with a customer must be one of that customer's: the call makes the
                // customer this counselor's party, whose numbers the counselor then sees in full.
                const auto holders = s.crm.customersByPhone(*e164);
                c.customersNumber =
                    std::any_of(holders.begin(), holders.end(),
                                [&](const CustomerSummary& h) { return h.id == *customerId; });
            } else if (phoneId) {
                c.e164 = s.crm.customerPhone(*customerId, *phoneId);
            }
            if (c.e164 && c.customersNumber)
                c.matches = s.crm.matchPhone(*c.e164);
            return c;
        },
        [&ctx, ex, customerId, byPhoneId = !number, agentId = call.user().id,
         requestId = requestIdOf(call.req)](Checked c) {
            if (!c.customerKnown)
                return respondError(ex, ErrorCode::NotFound, "unknown customer");
            if (byPhoneId && !c.e164)
                return respondError(ex, ErrorCode::NotFound, "unknown phone of customer");
            if (!c.customersNumber) {
                Outcome o = Outcome::fail(ErrorCode::ValidationFailed,
                                          "the number is not one of this customer's");
                o.fields.push_back({"number", "is not one of the customer's numbers"});
                return respondOutcome(ex, o);
            }
            if (!c.e164) {
                Outcome o = Outcome::fail(ErrorCode::ValidationFailed, "not a Korean phone number");
                o.fields.push_back({"number", "is not a Korean phone number"});
                return respondOutcome(ex, o);
            }
            std::string callId;
            auto outcome = ctx.telephony.dial(agentId, *c.e164, customerId, std::move(c.matches),
                                              requestId, &callId);
            if (!outcome.ok())
                return respondOutcome(ex, outcome);
            ctx.writes.push(
                "audit row of dialled call " + callId,
                [agentId, customer = customerId.value_or(""), callId, at = ctx.clock.now()](
                    CrmStore& s) { s.audit(agentId, customer, "dial:" + callId, at); });
            ex->respond(jsonResponse(202, {{"requestId", requestId}, {"callId", callId}}));
        });
}

void queues(RouteContext& ctx, ApiCall& call) {
    std::optional<std::chrono::seconds> window;
    if (!parseWindow(call.req.queryValue("window"), window)) {
        return respondError(call.ex, ErrorCode::BadRequest,
                            "window must be today or a duration like 15m, 2h (max 48h)");
    }
    const User& user = call.user();
    std::set<std::string> skills(user.skills.begin(), user.skills.end());
    call.ex->respond(jsonResponse(200, queuesJson(ctx.telephony.queues(
                                           window, isSupervisor(user.role) ? nullptr : &skills))));
}

void me(RouteContext& ctx, ApiCall& call) {
    const auto agent = ctx.telephony.agent(call.user().id);
    call.ex->respond(jsonResponse(200, agent ? agentJson(*agent) : json()));
}

void setState(RouteContext& ctx, ApiCall& call) {
    auto body = jsonBody(call.req, call.ex);
    if (!body)
        return;
    Fields f(*body);
    auto state = f.string("state", true);
    auto reason = f.string("reason", false);
    if (!f.ok())
        return respondOutcome(call.ex, f.error());
    if (*state != "ready" && *state != "not_ready" && *state != "after_call_work") {
        return respondError(call.ex, ErrorCode::BadRequest,
                            "state must be ready, not_ready or after_call_work");
    }
    if (*state == "not_ready" && reason) {
        const auto& known = ctx.notReadyReasons;
        if (std::find(known.begin(), known.end(), *reason) == known.end()) {
            Outcome o = Outcome::fail(ErrorCode::ValidationFailed, "unknown not-ready reason");
            o.fields.push_back({"reason", "is not a configured not-ready reason"});
            return respondOutcome(call.ex, o);
        }
    }
    command(call, [&](const std::string& rid) {
        return ctx.telephony.setAgentState(call.user().id, *parseAgentState(*state),
                                           reason.value_or(""), rid);
    });
}

void agents(RouteContext& ctx, ApiCall& call) {
    call.ex->respond(jsonResponse(200, agentsJson(ctx.telephony.agents())));
}

// A user's commands to the ACD (isAcdCommand) run in the order they came (command_order.h).
std::vector<ApiRoute> commandsInOrder(std::vector<ApiRoute> routes) {
    for (ApiRoute& r : routes)
        r.inOrder = isAcdCommand(r.method, r.pattern);
    return routes;
}

}  // namespace

std::vector<ApiRoute> agentRoutes() {
    return commandsInOrder({
        {"GET", "/api/v1/agents/me", anyRole(), me},
        {"PUT", "/api/v1/agents/me/state", anyRole(), setState},
        {"GET", "/api/v1/agents", supervisors(), agents},
        {"GET", "/api/v1/queues", anyRole(), queues},
    });
}

std::vector<ApiRoute> callRoutes() {
    return commandsInOrder({
        {"GET", "/api/v1/calls/current", anyRole(), currentCall},
        {"POST", "/api/v1/calls", anyRole(), dial},
        {"POST", "/api/v1/calls/{id}/answer", anyRole(), answer},
        {"POST", "/api/v1/calls/{id}/reject", anyRole(), reject},
        {"POST", "/api/v1/calls/{id}/hold", anyRole(), hold},
        {"POST", "/api/v1/calls/{id}/resume", anyRole(), resume},
        {"POST", "/api/v1/calls/{id}/mute", anyRole(), mute},
        {"POST", "/api/v1/calls/{id}/unmute", anyRole(), unmute},
        {"POST", "/api/v1/calls/{id}/dtmf", anyRole(), dtmf},
        {"POST", "/api/v1/calls/{id}/recording", anyRole(), recording},
        {"POST", "/api/v1/calls/{id}/abuse-warning", anyRole(), abuseWarning},
        {"POST", "/api/v1/calls/{id}/hangup", anyRole(), hangup},
        {"POST", "/api/v1/calls/{id}/transfer", anyRole(), transfer},
        {"POST", "/api/v1/calls/{id}/transfer/complete", anyRole(), completeTransfer},
        {"POST", "/api/v1/calls/{id}/wrapup", anyRole(), wrapup},
        {"POST", "/api/v1/calls/{id}/supervise", supervisors(), supervise},
        {"POST", "/api/v1/calls/{id}/supervise/stop", supervisors(), stopSupervising},
    });
}

}  // namespace agentdesk::server
