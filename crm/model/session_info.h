#pragma once
// What a login returns, the backend's capabilities, the snapshot and alerts (docs/api.md 2, 3, 11).
#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>
#include <optional>

#include "crm/model/agent.h"
#include "crm/model/call.h"
#include "crm/model/queue_stats.h"

namespace agentdesk::crm {

struct LoginResult {
    QString token;
    QDateTime expiresAt;
    Agent agent;
    static LoginResult fromJson(const QJsonObject& o);
};

struct LabeledCode {
    QString code, labelKo, labelEn;
    QString label(const QString& lang) const {
        return lang == QLatin1String("en") && !labelEn.isEmpty() ? labelEn : labelKo;
    }
};

struct QueueConfig {
    QString id, name, nameEn, skill;
    int slThresholdSec = 20;
    int recommendedTalkSec = 0;
    QList<LabeledCode> intents;
};

struct Capabilities {
    QStringList features;
    bool demo = false;
    QString acwMode;  // mandatory | optional
    int acwTimeoutSec = 0;
    int ringTimeoutSec = 0;
    int slThresholdSec = 20;
    int abuseWarningsBeforeHangup = 2;
    int utcOffsetMinutes = 540;
    QList<LabeledCode> notReadyReasons;
    QList<QueueConfig> queues;
    QString version;
    bool has(const QString& feature) const { return features.contains(feature); }
    static Capabilities fromJson(const QJsonObject& o);
};

struct Snapshot {
    Agent agent;
    std::optional<Call> call;
    QList<QueueStats> queues;
    QList<Agent> agents;  // supervisors only
    QDateTime serverTime;
    qint64 lastEventId = 0;
    static Snapshot fromJson(const QJsonObject& o);
};

struct Alert {
    QString kind, severity, message, queue, agentId, callId, customerId;
    int count = 0;  // warnings given, negative turns, rest minutes… (per kind)
    QDateTime at;
    static Alert fromJson(const QJsonObject& o);
};

}  // namespace agentdesk::crm
