// Demo and training control: scenarios, inject calls, caller hang-up, generator rate, stop,
// reset.
#include "common/phone.h"
#include "server/demo/call_generator.h"
#include "server/demo/scenario_runner.h"
#include "server/routes/api_routes.h"

namespace agentdesk::server {

namespace {

bool demoAllowed(RouteContext& ctx, const http::ExchangePtr& ex) {
    if (ctx.demo && ctx.demoControls)
        return true;
    respondError(ex, ErrorCode::InvalidState, "the server is not in demo mode (--demo)");
    return false;
}

// The call goes to the ACD once every field is valid (the customer's number looked up).
void finishInjection(RouteContext& ctx, const http::ExchangePtr& ex, InboundCallSpec spec,
                     Outcome invalid, const std::string& requestId) {
    if (!invalid.fields.empty())
        return respondOutcome(ex, invalid);
    const std::string callId = ctx.demoControls->injectCall(spec);
    ex->respond(jsonResponse(202, {{"requestId", requestId}, {"callId", callId}}));
}

void injectCall(RouteContext& ctx, ApiCall& call) {
    if (!demoAllowed(ctx, call.ex))
        return;
    const http::Request& req = call.req;
    const http::ExchangePtr& ex = call.ex;
    auto body = jsonBody(req, ex);
    if (!body)
        return;
    Fields f(*body);
    auto phoneText = f.string("phone", false);
    auto customerId = f.string("customerId", false);
    auto queueId = f.string("queue", true);
    auto intent = f.string("intent", false);
    auto verified = f.boolean("verified", false);
    auto patience = f.integer("patienceSec", false);
    auto talk = f.integer("talkSec", false);
    auto waited = f.integer("waitedSec", false);
    const json* transcript = f.array("transcript", false);
    if (!f.ok())
        return respondOutcome(ex, f.error());
    Outcome invalid = Outcome::fail(ErrorCode::ValidationFailed, "the demo call is not valid");
    InboundCallSpec spec;
    if (phoneText) {
        auto e164 = phone::toE164(*phoneText);
        if (!e164) {
            invalid.fields.push_back({"phone", "is not a Korean phone number"});
        } else {
            spec.aniE164 = *e164;
        }
    } else if (customerId) {
        spec.customerId = customerId;  // its number is looked up below
    } else {
        invalid.fields.push_back({"phone", "give phone or customerId"});
    }
    if (!ctx.telephony.hasQueue(*queueId)) {
        invalid.fields.push_back({"queue", "unknown queue"});
    }
    if (patience && (*patience < 1 || *patience > 86400)) {
        invalid.fields.push_back({"patienceSec", "must be 1-86400"});
    }
    if (talk && (*talk < 1 || *talk > 86400)) {
        invalid.fields.push_back({"talkSec", "must be 1-86400"});
    }
    if (waited && (*waited < 0 || *waited > 86400)) {
        invalid.fields.push_back({"waitedSec", "must be 0-86400"});
    }
    if (transcript) {
        for (const auto& line : *transcript) {
            if (!line.is_object() || !line.contains("text") || !line["text"].is_string() ||
                (line.contains("speaker") && !line["speaker"].is_string())) {
                return respondError(ex, ErrorCode::BadRequest,
                                    "transcript lines are {speaker, text, atSec}");
            }
            TranscriptLine t;
            t.text = line["text"].get<std::string>();
            t.speaker = line.value("speaker", std::string("customer"));
            t.atSec = line.contains("atSec") && line["atSec"].is_number_integer()
                          ? line["atSec"].get<int>()
                          : static_cast<int>(spec.transcript.size()) * 5;
            spec.transcript.push_back(std::move(t));
        }
    }
    spec.queue = *queueId;
    spec.intent = intent.value_or("");
    spec.verified = verified.value_or(false);
    if (patience)
        spec.patienceSec = static_cast<int>(*patience);
    if (talk)
        spec.talkSec = static_cast<int>(*talk);
    spec.waitedSec = static_cast<int>(waited.value_or(0));
    if (!spec.customerId || !spec.aniE164.empty())
        return finishInjection(ctx, ex, std::move(spec), std::move(invalid), requestIdOf(req));
    const std::string customer = *spec.customerId;  // not read from `spec` below: it moves
    storeThen<std::optional<std::string>>(
        ctx, "POST " + req.path, ex,
        [customer](const StorePool::Stores& s) { return s.crm.primaryPhone(customer); },
        [&ctx, ex, spec = std::move(spec), invalid = std::move(invalid),
         requestId = requestIdOf(req)](std::optional<std::string> e164) mutable {
            if (e164)
                spec.aniE164 = *e164;
            else
                invalid.fields.push_back({"customerId", "unknown customer"});
            finishInjection(ctx, ex, std::move(spec), std::move(invalid), requestId);
        });
}

void callerHangup(RouteContext& ctx, ApiCall& call) {
    if (!demoAllowed(ctx, call.ex))
        return;
    respondAccepted(call.ex, ctx.demoControls->callerHangup(call.param("id")),
                    requestIdOf(call.req));
}

void listScenarios(RouteContext& ctx, ApiCall& call) {
    if (!demoAllowed(ctx, call.ex))
        return;
    call.ex->respond(jsonResponse(200, ctx.scenarios->listJson()));
}

void startScenario(RouteContext& ctx, ApiCall& call) {
    if (!demoAllowed(ctx, call.ex))
        return;
    auto body = jsonBody(call.req, call.ex, /*allowEmpty=*/true);
    if (!body)
        return;
    Fields f(*body);
    auto lang = f.string("lang", false);
    if (!f.ok())
        return respondOutcome(call.ex, f.error());
    if (lang && *lang != "ko" && *lang != "en")
        return respondError(call.ex, ErrorCode::BadRequest, "lang must be ko or en");
    const Outcome o = ctx.scenarios->start(call.param("id"), lang.value_or("ko"));
    if (!o.ok())
        return respondOutcome(call.ex, o);
    call.ex->respond(jsonResponse(200, {{"scenario", ctx.scenarios->statusJson()}}));
}

void status(RouteContext& ctx, ApiCall& call) {
    if (!demoAllowed(ctx, call.ex))
        return;
    call.ex->respond(jsonResponse(200, {{"callsPerMin", ctx.demo->rate()},
                                        {"generatorRunning", ctx.demo->rate() > 0},
                                        {"scenario", ctx.scenarios->statusJson()}}));
}

void setRate(RouteContext& ctx, ApiCall& call) {
    if (!demoAllowed(ctx, call.ex))
        return;
    auto body = jsonBody(call.req, call.ex);
    if (!body)
        return;
    auto it = body->find("callsPerMin");
    if (it == body->end() || !it->is_number())
        return respondError(call.ex, ErrorCode::BadRequest, "callsPerMin must be a number");
    const double rate = it->get<double>();
    if (rate < 0 || rate > 600) {
        Outcome o = Outcome::fail(ErrorCode::ValidationFailed, "callsPerMin must be 0-600");
        o.fields.push_back({"callsPerMin", "must be 0-600"});
        return respondOutcome(call.ex, o);
    }
    ctx.demo->setRate(rate);
    call.ex->respond(jsonResponse(200, {{"callsPerMin", rate}}));
}

void stop(RouteContext& ctx, ApiCall& call) {
    if (!demoAllowed(ctx, call.ex))
        return;
    ctx.demo->setRate(0);
    const auto stopped = ctx.scenarios->stop();
    call.ex->respond(jsonResponse(
        200, {{"callsPerMin", 0}, {"stoppedScenario", stopped ? json(*stopped) : json(nullptr)}}));
}

void reset(RouteContext& ctx, ApiCall& call) {
    if (!demoAllowed(ctx, call.ex))
        return;
    ctx.scenarios->stop();
    ctx.demoControls->reset();
    if (ctx.resetDemoData)
        ctx.resetDemoData();
    call.ex->respond(jsonResponse(200, {{"status", "reset"}}));
}

}  // namespace

std::vector<ApiRoute> demoRoutes() {
    return {
        {"POST", "/api/v1/demo/calls", supervisors(), injectCall},
        {"POST", "/api/v1/demo/calls/{id}/hangup", supervisors(), callerHangup},
        {"GET", "/api/v1/demo/scenarios", supervisors(), listScenarios},
        {"POST", "/api/v1/demo/scenarios/{id}/start", supervisors(), startScenario},
        {"GET", "/api/v1/demo/status", supervisors(), status},
        {"PUT", "/api/v1/demo/rate", supervisors(), setRate},
        {"POST", "/api/v1/demo/stop", supervisors(), stop},
        {"POST", "/api/v1/demo/reset", supervisors(), reset},
    };
}

}  // namespace agentdesk::server
