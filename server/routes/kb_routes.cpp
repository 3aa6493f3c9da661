// Knowledge base: search, articles, feedback.
#include "common/logging.h"
#include "server/kb/knowledge_store.h"
#include "server/routes/route_context.h"

namespace agentdesk::server {

void addKnowledgeRoutes(http::Router& router, RouteContext& ctx) {
    router.add("GET", "/api/v1/kb/search", [&ctx](http::Request& req, const http::ExchangePtr& ex) {
        if (!authenticate(ctx, req, ex))
            return;
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
            return ex->respond(
                jsonResponse(200, ctx.kb.suggestForIntent(intent, search.lang, search.limit)));
        }
        if (search.query.size() > 500)
            return respondError(ex, ErrorCode::BadRequest, "q is longer than 500 bytes");
        ex->respond(jsonResponse(200, ctx.kb.search(search)));
    });

    router.add("GET", "/api/v1/kb/articles/{id}",
               [&ctx](http::Request& req, const http::ExchangePtr& ex) {
                   if (!authenticate(ctx, req, ex))
                       return;
                   auto article = ctx.kb.article(req.params["id"]);
                   if (!article)
                       return respondError(ex, ErrorCode::NotFound, "unknown article");
                   ex->respond(jsonResponse(200, *article));
               });

    router.add("POST", "/api/v1/kb/articles",
               [&ctx](http::Request& req, const http::ExchangePtr& ex) {
                   auto in = authenticatedBody(ctx, req, ex, {Role::TeamLead, Role::Trainer});
                   if (!in)
                       return;
                   const AuthSession* session = &in->session;
                   const json* body = &in->body;
                   ArticleInput input;
                   if (auto o = parseArticle(*body, input); !o.ok())
                       return respondOutcome(ex, o);
                   const bool existed = input.id && ctx.kb.article(*input.id).has_value();
                   const std::string id = ctx.kb.saveArticle(input, ctx.clock.now());
                   logging::get("server")->info("article {} saved by {}", id, session->user.id);
                   ex->respond(jsonResponse(existed ? 200 : 201, *ctx.kb.article(id)));
               });

    router.add("POST", "/api/v1/kb/articles/{id}/feedback",
               [&ctx](http::Request& req, const http::ExchangePtr& ex) {
                   if (!authenticate(ctx, req, ex))
                       return;
                   auto body = jsonBody(req, ex);
                   if (!body)
                       return;
                   Fields f(*body);
                   auto helpful = f.boolean("helpful", true);
                   if (!f.ok())
                       return respondOutcome(ex, f.error());
                   if (!ctx.kb.feedback(req.params["id"], *helpful))
                       return respondError(ex, ErrorCode::NotFound, "unknown article");
                   auto article = ctx.kb.article(req.params["id"]);
                   ex->respond(jsonResponse(200, {{"id", (*article)["id"]},
                                                  {"helpful", (*article)["helpful"]},
                                                  {"notHelpful", (*article)["notHelpful"]}}));
               });
}

}  // namespace agentdesk::server
