// Demo and training control: scenarios, inject calls, caller hang-up, generator rate, stop,
// reset.
#include "common/phone.h"
#include "server/demo/call_generator.h"
#include "server/demo/scenario_runner.h"
#include "server/routes/route_context.h"

namespace agentdesk::server {

namespace {

bool demoAllowed(RouteContext& ctx, const http::ExchangePtr& ex) {
    if (ctx.demo && ctx.demoControls)
        return true;
    respondError(ex, ErrorCode::InvalidState, "the server is not in demo mode (--demo)");
    return false;
}

}  // namespace

void addDemoRoutes(http::Router& router, RouteContext& ctx) {
    router.add(
        "POST", "/api/v1/demo/calls", [&ctx](http::Request& req, const http::ExchangePtr& ex) {
            if (!authenticate(ctx, req, ex, {Role::Trainer, Role::TeamLead}) ||
                !demoAllowed(ctx, ex))
                return;
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
            Outcome invalid =
                Outcome::fail(ErrorCode::ValidationFailed, "the demo call is not valid");
            InboundCallSpec spec;
            if (phoneText) {
                auto e164 = phone::toE164(*phoneText);
                if (!e164) {
                    invalid.fields.push_back({"phone", "is not a Korean phone number"});
                } else {
                    spec.aniE164 = *e164;
                }
            } else if (customerId) {
                auto e164 = ctx.store.primaryPhone(*customerId);
                if (!e164) {
                    invalid.fields.push_back({"customerId", "unknown customer"});
                } else {
                    spec.aniE164 = *e164;
                    spec.customerId = customerId;
                }
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
                    if (!line.is_object() || !line.contains("text") || !line["text"].is_string()) {
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
            if (!invalid.fields.empty())
                return respondOutcome(ex, invalid);
            spec.queue = *queueId;
            spec.intent = intent.value_or("");
            spec.verified = verified.value_or(false);
            if (patience)
                spec.patienceSec = static_cast<int>(*patience);
            if (talk)
                spec.talkSec = static_cast<int>(*talk);
            spec.waitedSec = static_cast<int>(waited.value_or(0));
            const std::string callId = ctx.demoControls->injectCall(spec);
            ex->respond(jsonResponse(202, {{"requestId", requestIdOf(req)}, {"callId", callId}}));
        });

    router.add("POST", "/api/v1/demo/calls/{id}/hangup",
               [&ctx](http::Request& req, const http::ExchangePtr& ex) {
                   if (!authenticate(ctx, req, ex, {Role::Trainer, Role::TeamLead}) ||
                       !demoAllowed(ctx, ex))
                       return;
                   respondAccepted(ex, ctx.demoControls->callerHangup(req.params["id"]),
                                   requestIdOf(req));
               });

    router.add("GET", "/api/v1/demo/scenarios",
               [&ctx](http::Request& req, const http::ExchangePtr& ex) {
                   if (!authenticate(ctx, req, ex, {Role::Trainer, Role::TeamLead}) ||
                       !demoAllowed(ctx, ex))
                       return;
                   ex->respond(jsonResponse(200, ctx.scenarios->listJson()));
               });

    router.add("POST", "/api/v1/demo/scenarios/{id}/start",
               [&ctx](http::Request& req, const http::ExchangePtr& ex) {
                   if (!authenticate(ctx, req, ex, {Role::Trainer, Role::TeamLead}) ||
                       !demoAllowed(ctx, ex))
                       return;
                   auto body = jsonBody(req, ex, /*allowEmpty=*/true);
                   if (!body)
                       return;
                   Fields f(*body);
                   auto lang = f.string("lang", false);
                   if (!f.ok())
                       return respondOutcome(ex, f.error());
                   if (lang && *lang != "ko" && *lang != "en")
                       return respondError(ex, ErrorCode::BadRequest, "lang must be ko or en");
                   const Outcome o = ctx.scenarios->start(req.params["id"], lang.value_or("ko"));
                   if (!o.ok())
                       return respondOutcome(ex, o);
                   ex->respond(jsonResponse(200, {{"scenario", ctx.scenarios->statusJson()}}));
               });

    router.add("GET", "/api/v1/demo/status",
               [&ctx](http::Request& req, const http::ExchangePtr& ex) {
                   if (!authenticate(ctx, req, ex, {Role::Trainer, Role::TeamLead}) ||
                       !demoAllowed(ctx, ex))
                       return;
                   ex->respond(jsonResponse(200, {{"callsPerMin", ctx.demo->rate()},
                                                  {"generatorRunning", ctx.demo->rate() > 0},
                                                  {"scenario", ctx.scenarios->statusJson()}}));
               });

    router.add("PUT", "/api/v1/demo/rate", [&ctx](http::Request& req, const http::ExchangePtr& ex) {
        if (!authenticate(ctx, req, ex, {Role::Trainer, Role::TeamLead}) || !demoAllowed(ctx, ex))
            return;
        auto body = jsonBody(req, ex);
        if (!body)
            return;
        auto it = body->find("callsPerMin");
        if (it == body->end() || !it->is_number()) {
            return respondError(ex, ErrorCode::BadRequest, "callsPerMin must be a number");
        }
        const double rate = it->get<double>();
        if (rate < 0 || rate > 600) {
            Outcome o = Outcome::fail(ErrorCode::ValidationFailed, "callsPerMin must be 0-600");
            o.fields.push_back({"callsPerMin", "must be 0-600"});
            return respondOutcome(ex, o);
        }
        ctx.demo->setRate(rate);
        ex->respond(jsonResponse(200, {{"callsPerMin", rate}}));
    });

    router.add(
        "POST", "/api/v1/demo/stop", [&ctx](http::Request& req, const http::ExchangePtr& ex) {
            if (!authenticate(ctx, req, ex, {Role::Trainer, Role::TeamLead}) ||
                !demoAllowed(ctx, ex))
                return;
            ctx.demo->setRate(0);
            const auto stopped = ctx.scenarios->stop();
            ex->respond(
                jsonResponse(200, {{"callsPerMin", 0},
                                   {"stoppedScenario", stopped ? json(*stopped) : json(nullptr)}}));
        });

    router.add("POST", "/api/v1/demo/reset",
               [&ctx](http::Request& req, const http::ExchangePtr& ex) {
                   if (!authenticate(ctx, req, ex, {Role::Trainer, Role::TeamLead}) ||
                       !demoAllowed(ctx, ex))
                       return;
                   ctx.scenarios->stop();
                   ctx.demoControls->reset();
                   if (ctx.resetDemoData)
                       ctx.resetDemoData();
                   ex->respond(jsonResponse(200, {{"status", "reset"}}));
               });
}

}  // namespace agentdesk::server
