// GET /events (SSE) and GET /snapshot.
#include <charconv>

#include "server/routes/acd_presenter.h"
#include "server/routes/api_routes.h"

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

// A snapshot is taken once the events of the changes made so far are out (a node of several,
// route_context.h): one taken earlier would show what events still on their way then repeat.
void whenSettled(RouteContext& ctx, const http::ExchangePtr& ex, std::function<void()> take) {
    if (!ctx.whenSettled)
        return take();
    ctx.whenSettled([ex, take = std::move(take)](bool settled) {
        if (settled)
            return take();
        respondUnavailable(ex, "the call center moved to another server; try again", 1);
    });
}

void snapshot(RouteContext& ctx, ApiCall& call) {
    whenSettled(ctx, call.ex, [&ctx, ex = call.ex, s = *call.session] {
        ex->respond(jsonResponse(200, snapshotFor(ctx, s)));
    });
}

void events(RouteContext& ctx, ApiCall& call) {
    const http::Request& req = call.req;
    std::string last = req.header("last-event-id");
    if (last.empty())
        last = req.queryValue("lastEventId");
    std::optional<std::uint64_t> lastId;
    if (!last.empty()) {
        std::uint64_t value = 0;
        auto [ptr, ec] = std::from_chars(last.data(), last.data() + last.size(), value);
        if (ec != std::errc() || ptr != last.data() + last.size()) {
            return respondError(call.ex, ErrorCode::BadRequest, "Last-Event-ID must be an integer");
        }
        lastId = value;
    }
    const AuthSession s = *call.session;
    Subscriber sub;
    sub.agentId = s.user.id;
    sub.supervisor = isSupervisor(s.user.role);
    sub.skills = {s.user.skills.begin(), s.user.skills.end()};
    sub.token = s.token;
    // On a node that does not run the ACD, a stream that starts afresh starts with the owner's
    // snapshot (a resume needs none: the events are the same on every node).
    if (!lastId && ctx.snapshotFromOwner) {
        const bool elsewhere = ctx.snapshotFromOwner(
            call.req, s.token, [&ctx, ex = call.ex, sub](std::optional<json> snap) mutable {
                if (!snap) {
                    return respondUnavailable(
                        ex, "no server runs the call center right now; try again in a moment", 1);
                }
                const auto id = snap->value("lastEventId", std::uint64_t{0});
                ctx.hub.subscribeAfterSnapshot(std::move(sub), ex->startEventStream(), *snap, id);
            });
        if (elsewhere)
            return;
    }
    whenSettled(ctx, call.ex, [&ctx, ex = call.ex, sub = std::move(sub), lastId, s]() mutable {
        ctx.hub.subscribe(std::move(sub), ex->startEventStream(), lastId,
                          [&ctx, s] { return snapshotFor(ctx, s); });
    });
}

}  // namespace

std::vector<ApiRoute> eventRoutes() {
    RouteAccess stream = anyRole();
    stream.queryToken = true;  // EventSource cannot send an Authorization header
    return {
        {"GET", "/api/v1/snapshot", anyRole(), snapshot},
        {"GET", "/api/v1/events", stream, events},
    };
}

}  // namespace agentdesk::server
