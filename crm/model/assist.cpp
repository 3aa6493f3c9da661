#include "crm/model/assist.h"

#include "crm/model/json_read.h"

namespace agentdesk::crm {

namespace {

QList<AssistCheckItem> checklistFrom(const QJsonArray& items) {
    QList<AssistCheckItem> out;
    for (const auto& v : items) {
        const QJsonObject c = v.toObject();
        out.append({json::str(c, "id"), json::str(c, "label"), json::boolean(c, "done"),
                    json::integer(c, "index", -1)});
    }
    return out;
}

QList<AssistLine> linesFrom(const QJsonArray& items) {
    QList<AssistLine> out;
    for (const auto& v : items)
        out.append(AssistLine::fromJson(v.toObject()));
    return out;
}

}  // namespace

AssistLine AssistLine::fromJson(const QJsonObject& o) {
    AssistLine l;
    l.index = json::integer(o, "index", -1);
    l.speaker = json::str(o, "speaker");
    l.text = json::str(o, "text");
    l.atSec = json::integer(o, "atSec");
    l.score = json::number(o, "score");
    l.sentiment = json::str(o, "sentiment");
    l.abusive = json::str(o, "abusive");
    return l;
}

AssistMood AssistMood::fromJson(const QJsonObject& o) {
    return {json::str(o, "overall"), json::number(o, "score"), json::str(o, "trend"),
            json::integer(o, "negativeRun")};
}

AssistUpdate AssistUpdate::fromJson(const QJsonObject& o) {
    AssistUpdate u;
    u.callId = json::str(o, "callId");
    u.lang = json::str(o, "lang");
    const QJsonValue line = o.value(QLatin1String("line"));
    u.hasLine = line.isObject();
    if (u.hasLine)
        u.line = AssistLine::fromJson(line.toObject());
    u.mood = AssistMood::fromJson(json::object(o, "sentiment"));
    u.abusiveLines = json::array(o, "abusive").size();
    for (const auto& v : json::array(o, "suggestions")) {
        const QJsonObject s = v.toObject();
        u.suggestions.append(
            {json::str(s, "articleId"), json::str(s, "title"), json::number(s, "score")});
    }
    u.checklist = checklistFrom(json::array(o, "checklist"));
    return u;
}

AssistDraft AssistDraft::fromJson(const QJsonObject& o) {
    AssistDraft d;
    d.callId = json::str(o, "callId");
    d.lang = json::str(o, "lang");
    for (const auto& v : json::array(o, "wrapup")) {
        const QJsonObject c = v.toObject();
        d.wrapup.append({json::str(c, "code"), json::number(c, "score")});
    }
    const QJsonObject draft = json::object(o, "draft");
    d.wrapupCode = json::str(draft, "wrapupCode");
    d.text = json::str(draft, "text");
    return d;
}

AssistSentiment AssistSentiment::fromJson(const QJsonObject& o) {
    return {json::str(o, "callId"), json::str(o, "agentId"), AssistMood::fromJson(o)};
}

CallTranscript CallTranscript::fromJson(const QJsonObject& o) {
    CallTranscript t;
    t.callId = json::str(o, "callId");
    t.agentId = json::str(o, "agentId");
    t.lang = json::str(o, "lang");
    t.live = json::boolean(o, "live");
    t.lines = linesFrom(json::array(o, "lines"));
    t.checklist = checklistFrom(json::array(o, "checklist"));
    t.mood = AssistMood::fromJson(json::object(o, "sentiment"));
    return t;
}

}  // namespace agentdesk::crm
