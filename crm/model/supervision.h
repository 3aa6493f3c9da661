#pragma once
// A team lead on a counselor's call (docs/api.md "Supervision"): who, and how — listen, whisper
// or barge. The same object on the call (call.state), on the agent (GET /agents) and in
// call.supervision events; empty mode when nobody supervises.
#include <QDateTime>
#include <QJsonObject>
#include <QString>

namespace agentdesk::crm {

struct Supervision {
    QString supervisorId, supervisorName, supervisorNameEn, mode;
    QDateTime since;
    bool active() const { return !mode.isEmpty(); }
    bool operator==(const Supervision&) const = default;
    // null or absent → an inactive Supervision
    static Supervision fromJson(const QJsonObject& o);
};

}  // namespace agentdesk::crm
