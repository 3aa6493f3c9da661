// Knowledge base: search, articles, feedback.
#include "common/logging.h"
#include "server/kb/knowledge_store.h"
#include "server/routes/api_routes.h"
#include "server/routes/kb_presenter.h"

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
            [intent, search](const StorePool::Stores& s) {
                return suggestionsJson(s.kb.suggestForIntent(intent, search.lang, search.limit));
            },
            [ex](json found) { ex->respond(jsonResponse(200, found)); });
    }
    if (search.query.size() > 500)
        return respondError(ex, ErrorCode::BadRequest, "q is longer than 500 bytes");
    // Off the I/O thread: a query that matches nothing compares it with every title (typos).
    readThen(
        ctx, req, ex,
        [search](const StorePool::Stores& s) { return searchHitsJson(s.kb.search(search)); },
        [ex](json found) { ex->respond(jsonResponse(200, found)); });
}

void article(RouteContext& ctx, ApiCall& call) {
    readThen(
        ctx, call.req, call.ex,
        [id = call.param("id")](const StorePool::Stores& s) {
            auto found = s.kb.article(id);
            if (!found)
                throw Refused(ErrorCode::NotFound, "unknown article");
            return articleJson(*found);
        },
        [ex = call.ex](json found) { ex->respond(jsonResponse(200, found)); });
}

void saveArticle(RouteContext& ctx, ApiCall& call) {
    auto body = jsonBody(call.req, call.ex);
    if (!body)
        return;
    ArticleInput input;
    if (auto o = parseArticle(*body, input); !o.ok())
        return respondOutcome(call.ex, o);
    writeThen(
        ctx, call.req, call.ex,
        [input, userId = call.user().id, now = ctx.clock.now()](const StorePool::Stores& s) {
            const bool existed = input.id && s.kb.article(*input.id).has_value();
            const std::string id = s.kb.saveArticle(input, now);
            logging::get("server")->info("article {} saved by {}", id, userId);
            return json{{"existed", existed}, {"article", articleJson(*s.kb.article(id))}};
        },
        [ex = call.ex](json saved) {
            ex->respond(jsonResponse(saved["existed"].get<bool>() ? 200 : 201, saved["article"]));
        });
}

void feedback(RouteContext& ctx, ApiCall& call) {
    auto body = jsonBody(call.req, call.ex);
    if (!body)
        return;
    Fields f(*body);
    auto helpful = f.boolean("helpful", true);
    if (!f.ok())
        return respondOutcome(call.ex, f.error());
    writeThen(
        ctx, call.req, call.ex,
        [id = call.param("id"), helpful = *helpful](const StorePool::Stores& s) {
            if (!s.kb.feedback(id, helpful))
                throw Refused(ErrorCode::NotFound, "unknown article");
            return feedbackJson(*s.kb.article(id));
        },
        [ex = call.ex](json counts) { ex->respond(jsonResponse(200, counts)); });
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
