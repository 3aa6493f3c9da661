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

// Every customer shown to a user is an access to personal data (docs/api.md 7.6): one audit
// row each.
json audited(RouteContext& ctx, const std::string& userId, json list) {
    ctx.store.atomically([&] {
        for (const auto& item : list)
            ctx.store.audit(userId, item["id"].get<std::string>(), "search_result",
                            ctx.clock.now());
    });
    return list;
}

// The search runs on the reader (a LIKE search scans every customer); the audit rows and the
// answer follow on the I/O thread.
void answerSearch(RouteContext& ctx, ApiCall& call, StoreReader::Work search) {
    readThen(ctx, call.req, call.ex, std::move(search),
             [&ctx, ex = call.ex, userId = call.user().id](json list) {
                 ex->respond(jsonResponse(200, audited(ctx, userId, std::move(list))));
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
        return answerSearch(ctx, call, [e164 = *e164](const StoreReader::Stores& s) {
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
    answerSearch(ctx, call, [q, limit = *limit](const StoreReader::Stores& s) {
        return customerListJson(s.crm.searchCustomers(q, limit));
    });
}

void customer360(RouteContext& ctx, ApiCall& call) {
    const std::string& id = call.param("id");
    auto view = ctx.store.customer360(id);
    if (!view)
        return respondError(call.ex, ErrorCode::NotFound, "unknown customer");
    ctx.store.audit(call.user().id, id, "view_360", ctx.clock.now());
    call.ex->respond(jsonResponse(200, customer360Json(*view, viewerOf(ctx, *call.session))));
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
    if (!ctx.store.customerExists(id))
        return respondError(call.ex, ErrorCode::NotFound, "unknown customer");
    ctx.store.audit(call.user().id, id, "view_history", ctx.clock.now());
    call.ex->respond(
        jsonResponse(200, interactionPageJson(ctx.store.interactions(id, before, *limit))));
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
    std::string id;
    ctx.store.atomically([&] {
        id = ctx.store.createCustomer(customerChange(fields), ctx.clock.now());
        ctx.store.audit(call.user().id, id, "create", ctx.clock.now());
    });
    logging::get("server")->info("customer {} created by {}", id, call.user().id);
    call.ex->respond(jsonResponse(
        201, customer360Json(*ctx.store.customer360(id), viewerOf(ctx, *call.session))));
}

void updateCustomer(RouteContext& ctx, ApiCall& call) {
    const std::string& id = call.param("id");
    auto body = jsonBody(call.req, call.ex);
    if (!body)
        return;
    if (!ctx.store.customerExists(id))
        return respondError(call.ex, ErrorCode::NotFound, "unknown customer");
    if (!mayChangeStanding(call, *body))
        return;
    json fields;
    if (auto o = validateCustomer(*body, false, fields); !o.ok())
        return respondOutcome(call.ex, o);
    ctx.store.atomically([&] {
        ctx.store.updateCustomer(id, customerChange(fields), ctx.clock.now());
        ctx.store.audit(call.user().id, id, "update", ctx.clock.now());
    });
    call.ex->respond(jsonResponse(
        200, customer360Json(*ctx.store.customer360(id), viewerOf(ctx, *call.session))));
}

void wrapupCodes(RouteContext& ctx, ApiCall& call) {
    call.ex->respond(jsonResponse(200, wrapupCodesJson(ctx.store.wrapupCodes())));
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
    Outcome invalid = Outcome::fail(ErrorCode::ValidationFailed, "the note is not valid");
    if (key->empty() || key->size() > 200)
        invalid.fields.push_back({"idempotencyKey", "must be 1-200 characters"});
    if (!ctx.store.customerExists(*customerId))
        invalid.fields.push_back({"customerId", "unknown customer"});
    if (!ctx.store.wrapupCodeExists(*code))
        invalid.fields.push_back({"wrapupCode", "unknown wrap-up code"});
    if (text->size() > 100000)
        invalid.fields.push_back({"text", "is longer than 100000 bytes"});
    if (!invalid.fields.empty())
        return respondOutcome(ex, invalid);
    const std::string& authorId = call.user().id;
    Note draft;
    draft.idempotencyKey = *key;
    draft.callId = callId;
    draft.customerId = *customerId;
    draft.wrapupCode = *code;
    draft.text = *text;
    draft.authorId = authorId;
    draft.createdAt = ctx.clock.now();
    // How much of agent assist's draft for this call the counselor kept (docs/assist.md).
    if (callId) {
        const auto assisted = ctx.store.callAssist(*callId);
        if (assisted && assisted->agentId == authorId && !assisted->draftText.empty()) {
            const double kept = assist::keptShare(assisted->draftText, *text);
            draft.draftKept = std::round(kept * 1000.0) / 1000.0;
        }
    }
    const bool authorOnCall = callId && ctx.telephony.callBelongsTo(*callId, authorId);
    auto result = ctx.store.createNote(draft, authorOnCall);
    const json note = noteJson(result.note);
    if (result.created)
        ctx.hub.publish("note.saved", {{"note", note}}, Audience::agentOnly(authorId));
    ex->respond(jsonResponse(result.created ? 201 : 200, note));
}

void getNote(RouteContext& ctx, ApiCall& call) {
    auto note = ctx.store.note(call.param("id"));
    if (!note)
        return respondError(call.ex, ErrorCode::NotFound, "unknown note");
    ctx.store.audit(call.user().id, note->customerId, "read_note:" + note->id, ctx.clock.now());
    call.ex->respond(jsonResponse(200, noteJson(*note)));
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
    const std::string& id = call.param("id");
    auto existing = ctx.store.note(id);
    if (!existing)
        return respondError(ex, ErrorCode::NotFound, "unknown note");
    if (existing->authorId != call.user().id && !isSupervisor(call.user().role)) {
        return respondError(ex, ErrorCode::Forbidden,
                            "only the author or a team lead can edit this note");
    }
    if (!ctx.store.wrapupCodeExists(*code))
        return respondOutcome(ex, validation("wrapupCode", "unknown wrap-up code"));
    auto [result, note] =
        ctx.store.updateNote(id, *text, *code, static_cast<int>(*version), ctx.clock.now());
    if (result == CrmStore::NoteUpdate::Conflict) {
        json conflict = errorBody(
            Outcome::fail(ErrorCode::VersionConflict, "the note was changed by someone else"));
        conflict["current"] = noteJson(note);
        return ex->respond(jsonResponse(409, conflict));
    }
    if (result == CrmStore::NoteUpdate::NotFound)
        return respondError(ex, ErrorCode::NotFound, "unknown note");
    ctx.hub.publish("note.saved", {{"note", noteJson(note)}}, Audience::agentOnly(call.user().id));
    ex->respond(jsonResponse(200, noteJson(note)));
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
    if (!ctx.store.userById(*agentId))
        invalid.fields.push_back({"agentId", "unknown agent"});
    if (!invalid.fields.empty())
        return respondOutcome(ex, invalid);
    evaluation.callId = *callId;
    evaluation.agentId = *agentId;
    evaluation.evaluatorId = call.user().id;
    evaluation.comment = comment.value_or("");
    evaluation.createdAt = ctx.clock.now();
    ex->respond(jsonResponse(201, evaluationJson(ctx.store.addEvaluation(evaluation))));
}

void listEvaluations(RouteContext& ctx, ApiCall& call) {
    std::optional<std::string> agentId;
    if (call.req.query.count("agentId"))
        agentId = call.req.queryValue("agentId");
    call.ex->respond(jsonResponse(200, evaluationsJson(ctx.store.evaluations(agentId))));
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
