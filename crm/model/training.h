#pragma once
// Demo scenarios and call evaluations (docs/api.md 9, 10; docs/scenarios.md).
#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QMap>
#include <QString>

namespace agentdesk::crm {

struct DemoScenario {
    QString id;
    QString titleKo, titleEn, descriptionKo, descriptionEn;
    int calls = 0;
    int durationSec = 0;
    bool running = false;
    QString title(const QString& lang) const {
        return lang == QLatin1String("en") && !titleEn.isEmpty() ? titleEn : titleKo;
    }
    QString description(const QString& lang) const {
        return lang == QLatin1String("en") && !descriptionEn.isEmpty() ? descriptionEn
                                                                       : descriptionKo;
    }
    // Accepts {"title":{"ko","en"}} or {"titleKo","titleEn"} (and the same for description).
    static DemoScenario fromJson(const QJsonObject& o);
};

// One scripted line of an injected call.
struct DemoTranscriptLine {
    QString speaker;  // "customer" or "agent"
    QString text;
    int atSec = -1;  // seconds after the answer; -1: not sent (the server spaces the lines)
};

// The body of POST /demo/calls (docs/api.md 9): the caller is a known customer or a number.
struct InjectCallRequest {
    QString customerId;  // either this
    QString phone;       // or this (E.164); an empty one is not sent
    QString queue;
    QString intent;                        // empty: not sent
    QList<DemoTranscriptLine> transcript;  // empty: not sent

    // For ApiClient only.
    QJsonObject toJson() const;
};

struct DemoStatus {
    double callsPerMin = 0;
    bool generatorRunning = false;
    QString runningScenario;  // empty when none
    static DemoStatus fromJson(const QJsonObject& o);
};

// KSQI dimensions (docs/api.md 9), 0-100 each.
inline const char* const kEvaluationDimensions[] = {"greeting", "attitude", "handling", "closing",
                                                    "empathy"};

struct Evaluation {
    QString id, callId, agentId, evaluatorId, comment;
    QMap<QString, int> scores;  // by dimension
    QDateTime createdAt;
    double average() const;
    static Evaluation fromJson(const QJsonObject& o);
};

}  // namespace agentdesk::crm
