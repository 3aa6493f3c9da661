// Knowledge base: search, articles, feedback.
#include "common/logging.h"
#include "server/kb/knowledge_store.h"
#include "server/routes/api_routes.h"

namespace agentdesk::server {

namespace {

void search(RouteContext& ctx, ApiCall& call) {
    const http::Request& req = call.req;
    const http::ExchangePtr& ex = call.ex;
    KbSearch search;
    search.query = req.queryValue("q");
    const std::string limit = req.queryValue("limit");
    if (!limit.empty()) {
        int n = 0;
        for (char c : limit) {
            if (c < '0' || c > '9' || n > 1000)
                return respondError(ex, ErrorCode::BadRequest, "limit must be 1-50");
            n = n * 10 + (c - '0');
        }
        if (n < 1 || n > 50)
            return respondError(ex, ErrorCode::BadRequest, "limit must be 1-50");
        search.limit = n;
    }
    if (const std::string lang = req.queryValue("lang"); !lang.empty()) {
        if (lang != "ko" && lang != "en")
            return respondError(ex, ErrorCode::BadRequest, "lang must be ko or en");
        search.lang = lang;
    }
    const std::string intent = req.queryValue("intent");
    if (search.query.find_first_not_of(" \t") == std::string::npos) {
        if (intent.empty())
            return respondError(ex, ErrorCode::BadRequest, "give q= or intent=");
        return readThen(
            ctx, req, ex,
            [intent, search](const StoreReader::Stores& s) {
                return s.kb.suggestForIntent(intent, search.lang, search.limit);
            },
            [ex](json found) { ex->respond(jsonResponse(200, found)); });
    }
    if (search.query.size() > 500)
        return respondError(ex, ErrorCode::BadRequest, "q is longer than 500 bytes");
    // Off the I/O thread: a query that matches nothing compares it with every title (typos).
    readThen(
        ctx, req, ex, [search](const StoreReader::Stores& s) { return s.kb.search(search); },
        [ex](json found) { ex->respond(jsonResponse(200, found)); });
}

void article(RouteContext& ctx, ApiCall& call) {
    auto found = ctx.kb.article(call.param("id"));
    if (!found)
        return respondError(call.ex, ErrorCode::NotFound, "unknown article");
    call.ex->respond(jsonResponse(200, *found));
}

void saveArticle(RouteContext& ctx, ApiCall& call) {
    auto body = jsonBody(call.req, call.ex);
    if (!body)
        return;
    ArticleInput input;
    if (auto o = parseArticle(*body, input); !o.ok())
        return respondOutcome(call.ex, o);
    const bool existed = input.id && ctx.kb.article(*input.id).has_value();
    const std::string id = ctx.kb.saveArticle(input, ctx.clock.now());
    logging::get("server")->info("article {} saved by {}", id, call.user().id);
    call.ex->respond(jsonResponse(existed ? 200 : 201, *ctx.kb.article(id)));
}

void feedback(RouteContext& ctx, ApiCall& call) {
    auto body = jsonBody(call.req, call.ex);
    if (!body)
        return;
    Fields f(*body);
    auto helpful = f.boolean("helpful", true);
    if (!f.ok())
        return respondOutcome(call.ex, f.error());
    const std::string& id = call.param("id");
    if (!ctx.kb.feedback(id, *helpful))
        return respondError(call.ex, ErrorCode::NotFound, "unknown article");
    auto updated = ctx.kb.article(id);
    call.ex->respond(jsonResponse(200, {{"id", (*updated)["id"]},
                                        {"helpful", (*updated)["helpful"]},
                                        {"notHelpful", (*updated)["notHelpful"]}}));
}

}  // namespace

std::vector<ApiRoute> knowledgeRoutes() {
    return {
        {"GET", "/api/v1/kb/search", anyRole(), search},
        {"GET", "/api/v1/kb/articles/{id}", anyRole(), article},
        {"POST", "/api/v1/kb/articles", supervisors(), saveArticle},
        {"POST", "/api/v1/kb/articles/{id}/feedback", anyRole(), feedback},
    };
}

}  // namespace agentdesk::server
