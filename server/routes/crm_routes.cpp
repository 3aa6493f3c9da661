// Customers, history, wrap-up codes, notes and evaluations.
#include "common/logging.h"
#include "common/phone.h"
#include "server/customer_validation.h"
#include "server/routes/route_context.h"

namespace agentdesk::server {

namespace {

std::optional<int> parseLimit(const std::string& text, int fallback, int max) {
    if (text.empty())
        return fallback;
    int n = 0;
    for (char c : text) {
        if (c < '0' || c > '9' || n > 100000)
            return std::nullopt;
        n = n * 10 + (c - '0');
    }
    if (n < 1 || n > max)
        return std::nullopt;
    return n;
}

Outcome validation(const char* field, const char* message) {
    Outcome o = Outcome::fail(ErrorCode::ValidationFailed, std::string(field) + " " + message);
    o.fields.push_back({field, message});
    return o;
}

// Every customer shown to a user is an access to personal data (DOMAIN.md): one audit row each.
json audited(RouteContext& ctx, const AuthSession& session, json list) {
    for (const auto& item : list) {
        ctx.store.audit(session.user.id, item["id"].get<std::string>(), "search_result",
                        ctx.clock.now());
    }
    return list;
}

}  // namespace

void addCrmRoutes(http::Router& router, RouteContext& ctx) {
    router.add("GET", "/api/v1/customers", [&ctx](http::Request& req, const http::ExchangePtr& ex) {
        auto session = authenticate(ctx, req, ex);
        if (!session)
            return;
        const Viewer viewer = viewerOf(ctx, *session);
        auto limit = parseLimit(req.queryValue("limit"), 20, 100);
        if (!limit)
            return respondError(ex, ErrorCode::BadRequest, "limit must be 1-100");
        if (req.query.count("phone")) {
            auto e164 = phone::toE164(req.queryValue("phone"));
            if (!e164)
                return respondOutcome(ex, validation("phone", "is not a Korean phone number"));
            return ex->respond(jsonResponse(
                200, audited(ctx, *session, ctx.store.customersByPhone(*e164, viewer))));
        }
        std::string q = req.queryValue("q");
        while (!q.empty() && q.back() == ' ')
            q.pop_back();
        while (!q.empty() && q.front() == ' ')
            q.erase(0, 1);
        if (q.empty())
            return respondError(ex, ErrorCode::BadRequest, "give phone= or q=");
        ex->respond(jsonResponse(
            200, audited(ctx, *session, ctx.store.searchCustomers(q, *limit, viewer))));
    });

    router.add("GET", "/api/v1/customers/{id}/360",
               [&ctx](http::Request& req, const http::ExchangePtr& ex) {
                   auto session = authenticate(ctx, req, ex);
                   if (!session)
                       return;
                   const std::string& id = req.params["id"];
                   auto view = ctx.store.customer360(id, viewerOf(ctx, *session));
                   if (!view)
                       return respondError(ex, ErrorCode::NotFound, "unknown customer");
                   ctx.store.audit(session->user.id, id, "view_360", ctx.clock.now());
                   ex->respond(jsonResponse(200, *view));
               });

    router.add("GET", "/api/v1/customers/{id}/interactions",
               [&ctx](http::Request& req, const http::ExchangePtr& ex) {
                   auto session = authenticate(ctx, req, ex);
                   if (!session)
                       return;
                   const std::string& id = req.params["id"];
                   auto limit = parseLimit(req.queryValue("limit"), 20, 100);
                   if (!limit)
                       return respondError(ex, ErrorCode::BadRequest, "limit must be 1-100");
                   std::optional<TimePoint> before;
                   if (const std::string b = req.queryValue("before"); !b.empty()) {
                       before = parseRfc3339(b);
                       if (!before) {
                           return respondError(ex, ErrorCode::BadRequest,
                                               "before must be an RFC 3339 time");
                       }
                   }
                   if (!ctx.store.customerExists(id)) {
                       return respondError(ex, ErrorCode::NotFound, "unknown customer");
                   }
                   ctx.store.audit(session->user.id, id, "view_history", ctx.clock.now());
                   ex->respond(jsonResponse(200, ctx.store.interactions(id, before, *limit)));
               });

    router.add(
        "POST", "/api/v1/customers", [&ctx](http::Request& req, const http::ExchangePtr& ex) {
            auto in = authenticatedBody(ctx, req, ex);
            if (!in)
                return;
            const AuthSession* session = &in->session;
            const json* body = &in->body;
            json fields;
            if (auto o = validateCustomer(*body, true, fields); !o.ok())
                return respondOutcome(ex, o);
            const std::string id = ctx.store.createCustomer(fields, ctx.clock.now());
            ctx.store.audit(session->user.id, id, "create", ctx.clock.now());
            logging::get("server")->info("customer {} created by {}", id, session->user.id);
            ex->respond(jsonResponse(201, *ctx.store.customer360(id, viewerOf(ctx, *session))));
        });

    router.add(
        "PATCH", "/api/v1/customers/{id}", [&ctx](http::Request& req, const http::ExchangePtr& ex) {
            auto session = authenticate(ctx, req, ex);
            if (!session)
                return;
            const std::string& id = req.params["id"];
            auto body = jsonBody(req, ex);
            if (!body)
                return;
            if (!ctx.store.customerExists(id)) {
                return respondError(ex, ErrorCode::NotFound, "unknown customer");
            }
            json fields;
            if (auto o = validateCustomer(*body, false, fields); !o.ok()) {
                return respondOutcome(ex, o);
            }
            ctx.store.updateCustomer(id, fields, ctx.clock.now());
            ctx.store.audit(session->user.id, id, "update", ctx.clock.now());
            ex->respond(jsonResponse(200, *ctx.store.customer360(id, viewerOf(ctx, *session))));
        });

    router.add("GET", "/api/v1/wrapup-codes",
               [&ctx](http::Request& req, const http::ExchangePtr& ex) {
                   if (!authenticate(ctx, req, ex))
                       return;
                   ex->respond(jsonResponse(200, ctx.store.wrapupCodes()));
               });

    router.add("POST", "/api/v1/notes", [&ctx](http::Request& req, const http::ExchangePtr& ex) {
        auto in = authenticatedBody(ctx, req, ex);
        if (!in)
            return;
        const AuthSession* session = &in->session;
        const json* body = &in->body;
        Fields f(*body);
        auto key = f.string("idempotencyKey", true);
        auto callId = f.string("callId", false);
        auto customerId = f.string("customerId", true);
        auto code = f.string("wrapupCode", true);
        auto text = f.string("text", true);
        if (!f.ok())
            return respondOutcome(ex, f.error());
        Outcome invalid = Outcome::fail(ErrorCode::ValidationFailed, "the note is not valid");
        if (key->empty() || key->size() > 200) {
            invalid.fields.push_back({"idempotencyKey", "must be 1-200 characters"});
        }
        if (!ctx.store.customerExists(*customerId)) {
            invalid.fields.push_back({"customerId", "unknown customer"});
        }
        if (!ctx.store.wrapupCodeExists(*code)) {
            invalid.fields.push_back({"wrapupCode", "unknown wrap-up code"});
        }
        if (text->size() > 100000)
            invalid.fields.push_back({"text", "is longer than 100000 bytes"});
        if (!invalid.fields.empty())
            return respondOutcome(ex, invalid);
        Note draft;
        draft.idempotencyKey = *key;
        draft.callId = callId;
        draft.customerId = *customerId;
        draft.wrapupCode = *code;
        draft.text = *text;
        draft.authorId = session->user.id;
        draft.createdAt = ctx.clock.now();
        const bool authorOnCall = callId && ctx.telephony.callBelongsTo(*callId, session->user.id);
        auto result = ctx.store.createNote(draft, authorOnCall);
        const json note = noteJson(result.note);
        if (result.created) {
            ctx.hub.publish("note.saved", {{"note", note}}, Audience::agentOnly(session->user.id));
        }
        ex->respond(jsonResponse(result.created ? 201 : 200, note));
    });

    router.add("GET", "/api/v1/notes/{id}",
               [&ctx](http::Request& req, const http::ExchangePtr& ex) {
                   if (!authenticate(ctx, req, ex))
                       return;
                   auto note = ctx.store.note(req.params["id"]);
                   if (!note)
                       return respondError(ex, ErrorCode::NotFound, "unknown note");
                   ex->respond(jsonResponse(200, noteJson(*note)));
               });

    router.add(
        "PUT", "/api/v1/notes/{id}", [&ctx](http::Request& req, const http::ExchangePtr& ex) {
            auto in = authenticatedBody(ctx, req, ex);
            if (!in)
                return;
            const AuthSession* session = &in->session;
            const json* body = &in->body;
            Fields f(*body);
            auto text = f.string("text", true);
            auto code = f.string("wrapupCode", true);
            auto version = f.integer("version", true);
            if (!f.ok())
                return respondOutcome(ex, f.error());
            auto existing = ctx.store.note(req.params["id"]);
            if (!existing)
                return respondError(ex, ErrorCode::NotFound, "unknown note");
            if (existing->authorId != session->user.id && !isSupervisor(session->user.role)) {
                return respondError(ex, ErrorCode::Forbidden,
                                    "only the author or a team lead can edit this note");
            }
            if (!ctx.store.wrapupCodeExists(*code)) {
                return respondOutcome(ex, validation("wrapupCode", "unknown wrap-up code"));
            }
            auto [result, note] = ctx.store.updateNote(req.params["id"], *text, *code,
                                                       static_cast<int>(*version), ctx.clock.now());
            if (result == CrmStore::NoteUpdate::Conflict) {
                json body = errorBody(Outcome::fail(ErrorCode::VersionConflict,
                                                    "the note was changed by someone else"));
                body["current"] = noteJson(note);
                return ex->respond(jsonResponse(409, body));
            }
            if (result == CrmStore::NoteUpdate::NotFound) {
                return respondError(ex, ErrorCode::NotFound, "unknown note");
            }
            ctx.hub.publish("note.saved", {{"note", noteJson(note)}},
                            Audience::agentOnly(session->user.id));
            ex->respond(jsonResponse(200, noteJson(note)));
        });

    router.add(
        "POST", "/api/v1/evaluations", [&ctx](http::Request& req, const http::ExchangePtr& ex) {
            auto in = authenticatedBody(ctx, req, ex, {Role::Trainer, Role::TeamLead});
            if (!in)
                return;
            const AuthSession* session = &in->session;
            const json* body = &in->body;
            Fields f(*body);
            auto callId = f.string("callId", true);
            auto agentId = f.string("agentId", true);
            const json* scores = f.object("scores", true);
            auto comment = f.string("comment", false);
            if (!f.ok())
                return respondOutcome(ex, f.error());
            Outcome invalid =
                Outcome::fail(ErrorCode::ValidationFailed, "the evaluation is not valid");
            json clean = json::object();
            for (const char* dim : {"greeting", "attitude", "handling", "closing", "empathy"}) {
                auto it = scores->find(dim);
                if (it == scores->end()) {
                    invalid.fields.push_back({std::string("scores.") + dim, "is required"});
                } else if (!it->is_number_integer()) {
                    return respondError(ex, ErrorCode::BadRequest,
                                        std::string("scores.") + dim + " must be an integer");
                } else if (it->get<int>() < 0 || it->get<int>() > 100) {
                    invalid.fields.push_back({std::string("scores.") + dim, "must be 0-100"});
                } else {
                    clean[dim] = it->get<int>();
                }
            }
            if (!ctx.store.userById(*agentId))
                invalid.fields.push_back({"agentId", "unknown agent"});
            if (!invalid.fields.empty())
                return respondOutcome(ex, invalid);
            json evaluation{{"callId", *callId},
                            {"agentId", *agentId},
                            {"evaluatorId", session->user.id},
                            {"scores", clean},
                            {"comment", comment.value_or("")},
                            {"createdAt", toRfc3339(ctx.clock.now())}};
            ex->respond(jsonResponse(201, ctx.store.addEvaluation(evaluation)));
        });

    router.add("GET", "/api/v1/evaluations",
               [&ctx](http::Request& req, const http::ExchangePtr& ex) {
                   if (!authenticate(ctx, req, ex, {Role::Trainer, Role::TeamLead}))
                       return;
                   std::optional<std::string> agentId;
                   if (req.query.count("agentId"))
                       agentId = req.queryValue("agentId");
                   ex->respond(jsonResponse(200, ctx.store.evaluations(agentId)));
               });
}

}  // namespace agentdesk::server
