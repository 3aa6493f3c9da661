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
