#include "crm/model/training.h"

#include "crm/model/json_read.h"

namespace agentdesk::crm {

namespace {
// "title": {"ko": .., "en": ..} or "titleKo"/"titleEn".
void readPair(const QJsonObject& o, const char* key, QString& ko, QString& en) {
    const QJsonValue v = o.value(QLatin1String(key));
    if (v.isObject()) {
        ko = v.toObject().value(QLatin1String("ko")).toString();
        en = v.toObject().value(QLatin1String("en")).toString();
        return;
    }
    ko = o.value(QLatin1String(key) + QLatin1String("Ko")).toString();
    en = o.value(QLatin1String(key) + QLatin1String("En")).toString();
    if (ko.isEmpty() && v.isString())
        ko = v.toString();
}
}  // namespace

DemoScenario DemoScenario::fromJson(const QJsonObject& o) {
    DemoScenario s;
    s.id = json::str(o, "id");
    readPair(o, "title", s.titleKo, s.titleEn);
    readPair(o, "description", s.descriptionKo, s.descriptionEn);
    const QJsonValue calls = o.value(QLatin1String("calls"));
    s.calls = calls.isArray() ? static_cast<int>(calls.toArray().size())
                              : json::integer(o, "calls", json::integer(o, "callCount"));
    s.durationSec = json::integer(o, "durationSec");
    s.running = json::boolean(o, "running");
    return s;
}

DemoStatus DemoStatus::fromJson(const QJsonObject& o) {
    DemoStatus s;
    s.callsPerMin = json::number(o, "callsPerMin");
    s.generatorRunning = json::boolean(o, "generatorRunning");
    const QJsonValue scenario = o.value(QLatin1String("scenario"));
    s.runningScenario = scenario.isObject()
                            ? scenario.toObject().value(QLatin1String("id")).toString()
                            : scenario.toString();
    if (s.runningScenario.isEmpty())
        s.runningScenario = json::str(o, "runningScenario");
    return s;
}

double Evaluation::average() const {
    if (scores.isEmpty())
        return 0;
    double sum = 0;
    for (int v : scores)
        sum += v;
    return sum / scores.size();
}

Evaluation Evaluation::fromJson(const QJsonObject& o) {
    Evaluation e;
    e.id = json::str(o, "id");
    e.callId = json::str(o, "callId");
    e.agentId = json::str(o, "agentId");
    e.evaluatorId = json::str(o, "evaluatorId");
    e.comment = json::str(o, "comment");
    e.createdAt = json::time(o, "createdAt");
    const QJsonObject scores = json::object(o, "scores");
    for (auto it = scores.begin(); it != scores.end(); ++it)
        e.scores.insert(it.key(), it.value().toInt());
    return e;
}

QJsonObject InjectCallRequest::toJson() const {
    QJsonObject body;
    if (!customerId.isEmpty())
        body.insert(QStringLiteral("customerId"), customerId);
    if (!phone.isEmpty())
        body.insert(QStringLiteral("phone"), phone);
    body.insert(QStringLiteral("queue"), queue);
    if (!intent.isEmpty())
        body.insert(QStringLiteral("intent"), intent);
    if (!transcript.isEmpty()) {
        QJsonArray lines;
        for (const DemoTranscriptLine& l : transcript) {
            QJsonObject line{{QStringLiteral("speaker"), l.speaker},
                             {QStringLiteral("text"), l.text}};
            if (l.atSec >= 0)
                line.insert(QStringLiteral("atSec"), l.atSec);
            lines.append(line);
        }
        body.insert(QStringLiteral("transcript"), lines);
    }
    return body;
}

}  // namespace agentdesk::crm
