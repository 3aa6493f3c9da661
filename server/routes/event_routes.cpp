// GET /events (SSE) and GET /snapshot.
#include <charconv>

#include "server/routes/acd_presenter.h"
#include "server/routes/route_context.h"

namespace agentdesk::server {

namespace {

json snapshotFor(RouteContext& ctx, const AuthSession& session) {
    const User& user = session.user;
    std::set<std::string> skills(user.skills.begin(), user.skills.end());
    const bool supervisor = isSupervisor(user.role);
    const auto agent = ctx.telephony.agent(user.id);
    json snap{
        {"agent", agent ? agentJson(*agent) : json()},
        {"queues", queuesJson(ctx.telephony.queues(std::nullopt, supervisor ? nullptr : &skills))},
        {"serverTime", toRfc3339(ctx.clock.now(), true)},
        {"lastEventId", ctx.hub.lastId()}};
    auto call = ctx.telephony.currentCall(user.id);
    snap["call"] = call ? callJson(*call) : json(nullptr);
    if (supervisor)
        snap["agents"] = agentsJson(ctx.telephony.agents());
    return snap;
}

}  // namespace

void addEventRoutes(http::Router& router, RouteContext& ctx) {
    router.add("GET", "/api/v1/snapshot", [&ctx](http::Request& req, const http::ExchangePtr& ex) {
        auto session = authenticate(ctx, req, ex);
        if (!session)
            return;
        ex->respond(jsonResponse(200, snapshotFor(ctx, *session)));
    });

    router.add("GET", "/api/v1/events", [&ctx](http::Request& req, const http::ExchangePtr& ex) {
        auto session = authenticate(ctx, req, ex);
        if (!session)
            return;
        std::string last = req.header("last-event-id");
        if (last.empty())
            last = req.queryValue("lastEventId");
        std::optional<std::uint64_t> lastId;
        if (!last.empty()) {
            std::uint64_t value = 0;
            auto [ptr, ec] = std::from_chars(last.data(), last.data() + last.size(), value);
            if (ec != std::errc() || ptr != last.data() + last.size()) {
                return respondError(ex, ErrorCode::BadRequest, "Last-Event-ID must be an integer");
            }
            lastId = value;
        }
        Subscriber sub;
        sub.agentId = session->user.id;
        sub.supervisor = isSupervisor(session->user.role);
        sub.skills = {session->user.skills.begin(), session->user.skills.end()};
        sub.token = session->token;
        auto stream = ex->startEventStream();
        const AuthSession s = *session;
        ctx.hub.subscribe(std::move(sub), std::move(stream), lastId,
                          [&ctx, s] { return snapshotFor(ctx, s); });
    });
}

}  // namespace agentdesk::server
