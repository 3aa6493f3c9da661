// Customers, history, wrap-up codes, notes and evaluations.
#include <cmath>

#include "common/logging.h"
#include "common/phone.h"
#include "server/assist/note_drafter.h"
#include "server/customer_validation.h"
#include "server/routes/api_routes.h"
#include "server/routes/crm_presenter.h"

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

// The search runs off the I/O thread (a LIKE search scans every customer; with SQLite on its
// read-only reader), then every customer shown to the user is an access to personal data
// (docs/api.md 7.6): one audit row each, written before the answer goes.
void answerSearch(RouteContext& ctx, ApiCall& call, StorePool::Work search) {
    readThen(ctx, call.req, call.ex, std::move(search),
             [&ctx, ex = call.ex, what = call.req.method + " " + call.req.path,
              userId = call.user().id](json list) {
                 writeThen(
                     ctx, what, ex,
                     [list, userId, now = ctx.clock.now()](const StorePool::Stores& s) {
                         s.crm.atomically([&] {
                             for (const auto& item : list)
                                 s.crm.audit(userId, item["id"].get<std::string>(), "search_result",
                                             now);
                         });
                         return list;
                     },
                     [ex](json shown) { ex->respond(jsonResponse(200, shown)); });
             });
}

// Characters, not bytes: "김민" is two.
std::size_t codePoints(const std::string& text) {
    std::size_t n = 0;
    for (unsigned char c : text)
        n += (c & 0xC0) != 0x80;
    return n;
}

// VIP and grade are the team lead's call; a counselor edits contact fields and consents.
bool mayChangeStanding(const ApiCall& call, const json& body) {
    if (call.session->user.role == Role::TeamLead)
        return true;
    if (!body.contains("vip") && !body.contains("grade"))
        return true;
    respondError(call.ex, ErrorCode::Forbidden, "VIP and grade are set by team leads");
    return false;
}

void searchCustomers(RouteContext& ctx, ApiCall& call) {
    const http::Request& req = call.req;
    const AuthSession& session = *call.session;
    auto limit = parseLimit(req.queryValue("limit"), 20, 100);
    if (!limit)
        return respondError(call.ex, ErrorCode::BadRequest, "limit must be 1-100");
    if (req.query.count("phone")) {
        if (!withinLimit(*ctx.customerSearches, session.user.id, ctx.clock.now(), call.ex,
                         "customer searches"))
            return;
        auto e164 = phone::toE164(req.queryValue("phone"));
        if (!e164)
            return respondOutcome(call.ex, validation("phone", "is not a Korean phone number"));
        return answerSearch(ctx, call, [e164 = *e164](const StorePool::Stores& s) {
            return customerListJson(s.crm.customersByPhone(e164));
        });
    }
    std::string q = req.queryValue("q");
    while (!q.empty() && q.back() == ' ')
        q.pop_back();
    while (!q.empty() && q.front() == ' ')
        q.erase(0, 1);
    if (q.empty())
        return respondError(call.ex, ErrorCode::BadRequest, "give phone= or q=");
    if (codePoints(q) < 2)
        return respondOutcome(call.ex, validation("q", "needs at least 2 characters"));
    if (!withinLimit(*ctx.customerSearches, session.user.id, ctx.clock.now(), call.ex,
                     "customer searches"))
        return;
    answerSearch(ctx, call, [q, limit = *limit](const StorePool::Stores& s) {
        return customerListJson(s.crm.searchCustomers(q, limit));
    });
}

void customer360(RouteContext& ctx, ApiCall& call) {
    writeThen(
        ctx, call.req, call.ex,
        [id = call.param("id"), userId = call.user().id, now = ctx.clock.now(),
         viewer = viewerOf(ctx, *call.session)](const StorePool::Stores& s) {
            auto view = s.crm.customer360(id);
            if (!view)
                throw Refused(ErrorCode::NotFound, "unknown customer");
            s.crm.audit(userId, id, "view_360", now);
            return customer360Json(*view, viewer);
        },
        [ex = call.ex](json view) { ex->respond(jsonResponse(200, view)); });
}

void interactions(RouteContext& ctx, ApiCall& call) {
    const std::string& id = call.param("id");
    auto limit = parseLimit(call.req.queryValue("limit"), 20, 100);
    if (!limit)
        return respondError(call.ex, ErrorCode::BadRequest, "limit must be 1-100");
    std::optional<TimePoint> before;
    if (const std::string b = call.req.queryValue("before"); !b.empty()) {
        before = parseRfc3339(b);
        if (!before)
            return respondError(call.ex, ErrorCode::BadRequest, "before must be an RFC 3339 time");
    }
    writeThen(
        ctx, call.req, call.ex,
        [id, before, limit = *limit, userId = call.user().id,
         now = ctx.clock.now()](const StorePool::Stores& s) {
            if (!s.crm.customerExists(id))
                throw Refused(ErrorCode::NotFound, "unknown customer");
            s.crm.audit(userId, id, "view_history", now);
            return interactionPageJson(s.crm.interactions(id, before, limit));
        },
        [ex = call.ex](json page) { ex->respond(jsonResponse(200, page)); });
}

void createCustomer(RouteContext& ctx, ApiCall& call) {
    auto body = jsonBody(call.req, call.ex);
    if (!body)
        return;
    if (!mayChangeStanding(call, *body))
        return;
    json fields;
    if (auto o = validateCustomer(*body, true, fields); !o.ok())
        return respondOutcome(call.ex, o);
    writeThen(
        ctx, call.req, call.ex,
        [change = customerChange(fields), userId = call.user().id, now = ctx.clock.now(),
         viewer = viewerOf(ctx, *call.session)](const StorePool::Stores& s) {
            std::string id;
            s.crm.atomically([&] {
                id = s.crm.createCustomer(change, now);
                s.crm.audit(userId, id, "create", now);
            });
            logging::get("server")->info("customer {} created by {}", id, userId);
            return customer360Json(*s.crm.customer360(id), viewer);
        },
        [ex = call.ex](json view) { ex->respond(jsonResponse(201, view)); });
}

void updateCustomer(RouteContext& ctx, ApiCall& call) {
    auto body = jsonBody(call.req, call.ex);
    if (!body)
        return;
    if (!mayChangeStanding(call, *body))
        return;
    json fields;
    if (auto o = validateCustomer(*body, false, fields); !o.ok())
        return respondOutcome(call.ex, o);
    writeThen(
        ctx, call.req, call.ex,
        [id = call.param("id"), change = customerChange(fields), userId = call.user().id,
         now = ctx.clock.now(), viewer = viewerOf(ctx, *call.session)](const StorePool::Stores& s) {
            s.crm.atomically([&] {
                if (!s.crm.customerExists(id))
                    throw Refused(ErrorCode::NotFound, "unknown customer");
                s.crm.updateCustomer(id, change, now);
                s.crm.audit(userId, id, "update", now);
            });
            return customer360Json(*s.crm.customer360(id), viewer);
        },
        [ex = call.ex](json view) { ex->respond(jsonResponse(200, view)); });
}

void wrapupCodes(RouteContext& ctx, ApiCall& call) {
    readThen(
        ctx, call.req, call.ex,
        [](const StorePool::Stores& s) { return wrapupCodesJson(s.crm.wrapupCodes()); },
        [ex = call.ex](json codes) { ex->respond(jsonResponse(200, codes)); });
}

void createNote(RouteContext& ctx, ApiCall& call) {
    const http::ExchangePtr& ex = call.ex;
    auto body = jsonBody(call.req, ex);
    if (!body)
        return;
    Fields f(*body);
    auto key = f.string("idempotencyKey", true);
    auto callId = f.string("callId", false);
    auto customerId = f.string("customerId", true);
    auto code = f.string("wrapupCode", true);
    auto text = f.string("text", true);
    if (!f.ok())
        return respondOutcome(ex, f.error());
    const std::string& authorId = call.user().id;
    Note draft;
    draft.idempotencyKey = *key;
    draft.callId = callId;
    draft.customerId = *customerId;
    draft.wrapupCode = *code;
    draft.text = *text;
    draft.authorId = authorId;
    draft.createdAt = ctx.clock.now();
    const bool authorOnCall = callId && ctx.telephony.callBelongsTo(*callId, authorId);
    writeThen(
        ctx, call.req, ex,
        [draft, authorOnCall](const StorePool::Stores& s) mutable {
            Outcome invalid = Outcome::fail(ErrorCode::ValidationFailed, "the note is not valid");
            if (draft.idempotencyKey.empty() || draft.idempotencyKey.size() > 200)
                invalid.fields.push_back({"idempotencyKey", "must be 1-200 characters"});
            if (!s.crm.customerExists(draft.customerId))
                invalid.fields.push_back({"customerId", "unknown customer"});
            if (!s.crm.wrapupCodeExists(draft.wrapupCode))
                invalid.fields.push_back({"wrapupCode", "unknown wrap-up code"});
            if (draft.text.size() > 100000)
                invalid.fields.push_back({"text", "is longer than 100000 bytes"});
            if (!invalid.fields.empty())
                throw Refused(invalid);
            // How much of agent assist's draft for this call the counselor kept
            // (docs/assist.md).
            if (draft.callId) {
                const auto assisted = s.crm.callAssist(*draft.callId);
                if (assisted && assisted->agentId == draft.authorId &&
                    !assisted->draftText.empty()) {
                    const double kept = assist::keptShare(assisted->draftText, draft.text);
                    draft.draftKept = std::round(kept * 1000.0) / 1000.0;
                }
            }
            auto result = s.crm.createNote(draft, authorOnCall);
            return json{{"created", result.created}, {"note", noteJson(result.note)}};
        },
        [&ctx, ex, authorId](json saved) {
            const bool created = saved["created"].get<bool>();
            if (created)
                ctx.hub.publish("note.saved", {{"note", saved["note"]}},
                                Audience::agentOnly(authorId));
            ex->respond(jsonResponse(created ? 201 : 200, saved["note"]));
        });
}

void getNote(RouteContext& ctx, ApiCall& call) {
    writeThen(
        ctx, call.req, call.ex,
        [id = call.param("id"), userId = call.user().id,
         now = ctx.clock.now()](const StorePool::Stores& s) {
            auto note = s.crm.note(id);
            if (!note)
                throw Refused(ErrorCode::NotFound, "unknown note");
            s.crm.audit(userId, note->customerId, "read_note:" + note->id, now);
            return noteJson(*note);
        },
        [ex = call.ex](json note) { ex->respond(jsonResponse(200, note)); });
}

void updateNote(RouteContext& ctx, ApiCall& call) {
    const http::ExchangePtr& ex = call.ex;
    auto body = jsonBody(call.req, ex);
    if (!body)
        return;
    Fields f(*body);
    auto text = f.string("text", true);
    auto code = f.string("wrapupCode", true);
    auto version = f.integer("version", true);
    if (!f.ok())
        return respondOutcome(ex, f.error());
    writeThen(
        ctx, call.req, ex,
        [id = call.param("id"), text = *text, code = *code, version = static_cast<int>(*version),
         user = call.user(), now = ctx.clock.now()](const StorePool::Stores& s) {
            auto existing = s.crm.note(id);
            if (!existing)
                throw Refused(ErrorCode::NotFound, "unknown note");
            if (existing->authorId != user.id && !isSupervisor(user.role))
                throw Refused(ErrorCode::Forbidden,
                              "only the author or a team lead can edit this note");
            if (!s.crm.wrapupCodeExists(code))
                throw Refused(validation("wrapupCode", "unknown wrap-up code"));
            auto [result, note] = s.crm.updateNote(id, text, code, version, now);
            if (result == CrmStore::NoteUpdate::Conflict) {
                json conflict = errorBody(Outcome::fail(ErrorCode::VersionConflict,
                                                        "the note was changed by someone else"));
                conflict["current"] = noteJson(note);
                throw Refused(jsonResponse(409, conflict));
            }
            if (result == CrmStore::NoteUpdate::NotFound)
                throw Refused(ErrorCode::NotFound, "unknown note");
            return noteJson(note);
        },
        [&ctx, ex, userId = call.user().id](json note) {
            ctx.hub.publish("note.saved", {{"note", note}}, Audience::agentOnly(userId));
            ex->respond(jsonResponse(200, note));
        });
}

void createEvaluation(RouteContext& ctx, ApiCall& call) {
    const http::ExchangePtr& ex = call.ex;
    auto body = jsonBody(call.req, ex);
    if (!body)
        return;
    Fields f(*body);
    auto callId = f.string("callId", true);
    auto agentId = f.string("agentId", true);
    const json* scores = f.object("scores", true);
    auto comment = f.string("comment", false);
    if (!f.ok())
        return respondOutcome(ex, f.error());
    Outcome invalid = Outcome::fail(ErrorCode::ValidationFailed, "the evaluation is not valid");
    Evaluation evaluation;
    const std::pair<const char*, int*> dimensions[] = {{"greeting", &evaluation.scores.greeting},
                                                       {"attitude", &evaluation.scores.attitude},
                                                       {"handling", &evaluation.scores.handling},
                                                       {"closing", &evaluation.scores.closing},
                                                       {"empathy", &evaluation.scores.empathy}};
    for (const auto& [dim, score] : dimensions) {
        auto it = scores->find(dim);
        if (it == scores->end()) {
            invalid.fields.push_back({std::string("scores.") + dim, "is required"});
        } else if (!it->is_number_integer()) {
            return respondError(ex, ErrorCode::BadRequest,
                                std::string("scores.") + dim + " must be an integer");
        } else if (it->get<long long>() < 0 || it->get<long long>() > 100) {
            invalid.fields.push_back({std::string("scores.") + dim, "must be 0-100"});
        } else {
            *score = it->get<int>();
        }
    }
    evaluation.callId = *callId;
    evaluation.agentId = *agentId;
    evaluation.evaluatorId = call.user().id;
    evaluation.comment = comment.value_or("");
    evaluation.createdAt = ctx.clock.now();
    writeThen(
        ctx, call.req, ex,
        [evaluation, invalid](const StorePool::Stores& s) mutable {
            if (!s.crm.userById(evaluation.agentId))
                invalid.fields.push_back({"agentId", "unknown agent"});
            if (!invalid.fields.empty())
                throw Refused(invalid);
            return evaluationJson(s.crm.addEvaluation(evaluation));
        },
        [ex](json saved) { ex->respond(jsonResponse(201, saved)); });
}

void listEvaluations(RouteContext& ctx, ApiCall& call) {
    std::optional<std::string> agentId;
    if (call.req.query.count("agentId"))
        agentId = call.req.queryValue("agentId");
    readThen(
        ctx, call.req, call.ex,
        [agentId](const StorePool::Stores& s) {
            return evaluationsJson(s.crm.evaluations(agentId));
        },
        [ex = call.ex](json list) { ex->respond(jsonResponse(200, list)); });
}

}  // namespace

std::vector<ApiRoute> customerRoutes() {
    return {
        {"GET", "/api/v1/customers", anyRole(), searchCustomers},
        {"POST", "/api/v1/customers", anyRole(), createCustomer},
        {"GET", "/api/v1/customers/{id}/360", anyRole(), customer360},
        {"GET", "/api/v1/customers/{id}/interactions", anyRole(), interactions},
        {"PATCH", "/api/v1/customers/{id}", anyRole(), updateCustomer},
    };
}

std::vector<ApiRoute> noteRoutes() {
    return {
        {"GET", "/api/v1/wrapup-codes", anyRole(), wrapupCodes},
        {"POST", "/api/v1/notes", anyRole(), createNote},
        {"GET", "/api/v1/notes/{id}", anyRole(), getNote},
        {"PUT", "/api/v1/notes/{id}", anyRole(), updateNote},
        {"POST", "/api/v1/evaluations", supervisors(), createEvaluation},
        {"GET", "/api/v1/evaluations", supervisors(), listEvaluations},
    };
}

}  // namespace agentdesk::server
