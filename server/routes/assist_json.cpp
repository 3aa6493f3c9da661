#include "server/routes/assist_json.h"

#include <cmath>

#include "server/kb/text_index.h"

namespace agentdesk::server {

using nlohmann::json;

namespace {

double rounded(double v) {
    return std::round(v * 1000.0) / 1000.0;
}

Outcome invalid(ErrorCode code, const std::string& field, const std::string& message) {
    Outcome o = Outcome::fail(code, message);
    o.fields.push_back({field, message});
    return o;
}

}  // namespace

Outcome parseAnalyzeRequest(const json& body, assist::AnalyzeRequest& out) {
    const auto lang = body.find("lang");
    if (lang == body.end() || !lang->is_string() || !assist::parseLang(lang->get<std::string>()))
        return invalid(ErrorCode::BadRequest, "lang", "lang must be \"ko\" or \"en\"");
    out.lang = *assist::parseLang(lang->get<std::string>());
    for (const char* key : {"queue", "intent"}) {
        const auto it = body.find(key);
        if (it == body.end() || it->is_null())
            continue;
        if (!it->is_string())
            return invalid(ErrorCode::BadRequest, key, std::string(key) + " must be a string");
        (std::string(key) == "queue" ? out.queue : out.intent) = it->get<std::string>();
    }
    const auto lines = body.find("lines");
    if (lines == body.end() || !lines->is_array())
        return invalid(ErrorCode::BadRequest, "lines", "lines must be an array");
    if (lines->size() > kAnalyzeMaxLines)
        return invalid(ErrorCode::ValidationFailed, "lines",
                       "at most " + std::to_string(kAnalyzeMaxLines) + " lines");
    for (std::size_t i = 0; i < lines->size(); ++i) {
        const json& l = (*lines)[i];
        const std::string field = "lines[" + std::to_string(i) + "]";
        if (!l.is_object())
            return invalid(ErrorCode::BadRequest, field, "a line is an object");
        const auto speaker = l.find("speaker");
        if (speaker == l.end() || !speaker->is_string() ||
            !assist::parseSpeaker(speaker->get<std::string>()))
            return invalid(ErrorCode::BadRequest, field + ".speaker",
                           "speaker must be \"customer\" or \"agent\"");
        const auto text = l.find("text");
        if (text == l.end() || !text->is_string())
            return invalid(ErrorCode::BadRequest, field + ".text", "text must be a string");
        const std::string& t = text->get_ref<const std::string&>();
        if (kb::toU32(t).size() > kAnalyzeMaxLineChars)
            return invalid(
                ErrorCode::ValidationFailed, field + ".text",
                "a line has at most " + std::to_string(kAnalyzeMaxLineChars) + " characters");
        assist::Line line;
        line.speaker = *assist::parseSpeaker(speaker->get<std::string>());
        line.text = t;
        if (const auto at = l.find("atSec"); at != l.end() && at->is_number_integer())
            line.atSec = at->get<int>();
        out.lines.push_back(std::move(line));
    }
    return Outcome::success();
}

assist::NoteTemplates noteTemplates(const std::vector<WrapupCode>& wrapupCodes) {
    assist::NoteTemplates out;
    for (const auto& w : wrapupCodes)
        out[w.code] = {w.templateKo, w.templateEn};
    return out;
}

json toJson(const std::vector<assist::CodeScore>& wrapup) {
    json out = json::array();
    for (const auto& c : wrapup)
        out.push_back({{"code", c.code}, {"score", rounded(c.score)}});
    return out;
}

json toJson(const std::vector<assist::Suggestion>& suggestions) {
    json out = json::array();
    for (const auto& s : suggestions)
        out.push_back(
            {{"articleId", s.articleId}, {"title", s.title}, {"score", rounded(s.score)}});
    return out;
}

json toJson(const std::vector<assist::ChecklistState>& checklist) {
    json out = json::array();
    for (const auto& c : checklist) {
        out.push_back({{"id", c.id},
                       {"label", c.label},
                       {"done", c.done},
                       {"index", c.done ? json(c.index) : json(nullptr)}});
    }
    return out;
}

json toJson(const assist::Draft& draft) {
    return {{"wrapupCode", draft.wrapupCode}, {"text", draft.text}};
}

json toJson(const assist::CallSentiment& s) {
    return {{"overall", assist::toString(s.label)},
            {"score", rounded(s.score)},
            {"trend", assist::toString(s.trend)},
            {"negativeRun", s.negativeRun}};
}

json abusiveJson(const std::vector<std::pair<int, assist::AbuseCategory>>& abusive) {
    json out = json::array();
    for (const auto& [index, category] : abusive)
        out.push_back({{"index", index}, {"category", assist::toString(category)}});
    return out;
}

json toJson(const assist::Line& l) {
    return {{"speaker", assist::toString(l.speaker)}, {"text", l.text}, {"atSec", l.atSec}};
}

json toJson(const assist::Analysis& a) {
    json lineScores = json::array();
    for (std::size_t i = 0; i < a.lineScores.size(); ++i)
        lineScores.push_back({{"index", i}, {"score", rounded(a.lineScores[i])}});
    json lines = json::array();
    for (const auto& l : a.lines)
        lines.push_back(toJson(l));
    json sentiment = toJson(a.sentiment);
    sentiment.erase("negativeRun");
    sentiment["lines"] = lineScores;
    return {{"wrapup", toJson(a.wrapup)},
            {"sentiment", sentiment},
            {"abusive", abusiveJson(a.abusive)},
            {"suggestions", toJson(a.suggestions)},
            {"checklist", toJson(a.checklist)},
            {"draft", toJson(a.draft)},
            {"lines", lines}};
}

}  // namespace agentdesk::server
