// Agent assist: a whole transcript analysed in one request; a live call's transcript lines from
// a speech-to-text engine; a call's transcript with its analysis.
#include "server/kb/knowledge_store.h"
#include "server/routes/api_routes.h"
#include "server/routes/assist_json.h"

namespace agentdesk::server {

namespace {

// POST /assist/analyze: nothing is stored. The analysis and the knowledge search run on the
// store pool (the search may scan), the answer is sent from the I/O thread.
void analyze(RouteContext& ctx, ApiCall& call) {
    auto body = jsonBody(call.req, call.ex);
    if (!body)
        return;
    auto request = std::make_shared<assist::AnalyzeRequest>();
    if (auto o = parseAnalyzeRequest(*body, *request); !o.ok())
        return respondOutcome(call.ex, o);
    const assist::AssistEngine& engine = ctx.assist;
    const http::ExchangePtr ex = call.ex;
    readThen(
        ctx, call.req, ex,
        [&engine, request](const StorePool::Stores& s) {
            assist::Analysis analysis =
                engine.analyze(*request, noteTemplates(s.crm.wrapupCodes()));
            analysis.suggestions = engine.suggest(s.kb, request->lang, analysis.lines);
            return toJson(analysis);
        },
        [ex](json analysis) { ex->respond(jsonResponse(200, analysis)); });
}

// POST /calls/{id}/transcript {"speaker", "text", "atSec"?} from the `stt` service account:
// the line goes through live assist like a scripted one (masked before it is sent or stored).
void addTranscript(RouteContext& ctx, ApiCall& call) {
    auto body = jsonBody(call.req, call.ex);
    if (!body)
        return;
    Fields f(*body);
    auto speaker = f.string("speaker", true);
    auto text = f.string("text", true);
    auto atSec = f.integer("atSec", false);
    if (!f.ok())
        return respondOutcome(call.ex, f.error());
    Outcome invalid =
        Outcome::fail(ErrorCode::ValidationFailed, "the transcript line is not valid");
    if (!assist::parseSpeaker(*speaker))
        invalid.fields.push_back({"speaker", "must be customer or agent"});
    if (text->empty() || text->size() > kAnalyzeMaxLineChars)
        invalid.fields.push_back(
            {"text", "must be 1-" + std::to_string(kAnalyzeMaxLineChars) + " characters"});
    if (atSec && (*atSec < 0 || *atSec > 86400))
        invalid.fields.push_back({"atSec", "must be 0-86400 seconds after the answer"});
    if (!invalid.fields.empty())
        return respondOutcome(call.ex, invalid);
    TranscriptLine line{*speaker, *text, atSec ? static_cast<int>(*atSec) : -1};
    respondAccepted(call.ex, ctx.telephony.addTranscript(call.param("id"), std::move(line)),
                    requestIdOf(call.req));
}

// GET /calls/{id}/transcript: the live call's from live assist, a finished leg's from the store
// (with the note drafted for it). Supervisors see any call, a counselor their own.
void getTranscript(RouteContext& ctx, ApiCall& call) {
    const std::string& id = call.param("id");
    auto answer = [ex = call.ex, user = call.user()](const json& out) {
        const bool mine = out.is_object() && out.value("agentId", std::string()) == user.id;
        if (!out.is_object() || (!mine && !isSupervisor(user.role)))
            return respondError(ex, ErrorCode::NotFound, "no transcript of this call");
        ex->respond(jsonResponse(200, out));
    };
    if (auto live = ctx.liveTranscript ? ctx.liveTranscript(id) : std::nullopt)
        return answer(*live);
    readThen(
        ctx, call.req, call.ex,
        [id](const StorePool::Stores& s) {
            const auto stored = s.crm.callAssist(id);
            if (!stored)
                return json();
            json out = json::parse(stored->analysisJson, nullptr, false);
            if (!out.is_object())
                out = json::object();
            out["agentId"] = stored->agentId;
            out["draft"] = {{"wrapupCode", stored->draftCode}, {"text", stored->draftText}};
            return out;
        },
        answer);
}

}  // namespace

std::vector<ApiRoute> assistRoutes() {
    return {
        {"POST", "/api/v1/assist/analyze", anyRole(), analyze},
        {"POST", "/api/v1/calls/{id}/transcript", onlyRoles({Role::Stt}), addTranscript},
        {"GET", "/api/v1/calls/{id}/transcript", anyRole(), getTranscript},
    };
}

}  // namespace agentdesk::server
