// Agent assist: a whole transcript analysed in one request.
#include "server/kb/knowledge_store.h"
#include "server/routes/api_routes.h"
#include "server/routes/assist_json.h"

namespace agentdesk::server {

namespace {

// POST /assist/analyze: nothing is stored. The analysis and the knowledge search run on the
// store reader's thread (the search may scan), the answer is sent from the I/O thread.
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
        [&engine, request](const StoreReader::Stores& s) {
            assist::Analysis analysis =
                engine.analyze(*request, noteTemplates(s.crm.wrapupCodes()));
            analysis.suggestions = engine.suggest(s.kb, request->lang, analysis.lines);
            return toJson(analysis);
        },
        [ex](json analysis) { ex->respond(jsonResponse(200, analysis)); });
}

}  // namespace

std::vector<ApiRoute> assistRoutes() {
    return {
        {"POST", "/api/v1/assist/analyze", anyRole(), analyze},
    };
}

}  // namespace agentdesk::server
