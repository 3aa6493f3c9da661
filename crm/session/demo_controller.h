#pragma once
// What the trainer's demo console does on the server, for its views to bind to
// (docs/architecture.md): scenarios and their running flags, the call generator's rate,
// injected calls, reset. Keeps the last answers so the views only draw; every failure comes
// back through failed().
#include <QJsonObject>
#include <QList>
#include <QObject>

#include "crm/model/customer.h"
#include "crm/model/training.h"
#include "crm/net/api_error.h"

namespace agentdesk::crm {

class ClientSession;

class DemoController : public QObject {
    Q_OBJECT
public:
    enum class Action { LoadScenarios, LoadStatus, Start, Stop, Inject, SetRate, Reset, Search };
    Q_ENUM(Action)

    explicit DemoController(ClientSession& session, QObject* parent = nullptr);

    ClientSession& session() { return session_; }
    const QList<DemoScenario>& scenarios() const { return scenarios_; }
    // False until the server answered GET /demo/scenarios (or when it has none to offer).
    bool scenariosAvailable() const { return scenariosAvailable_; }
    const DemoStatus& status() const { return status_; }
    bool statusKnown() const { return statusKnown_; }
    const DemoScenario* scenario(const QString& id) const;
    // The running scenario's id: the status's, or the first scenario flagged running.
    QString runningScenario() const;

    void refresh();
    void loadScenarios();
    void loadStatus();
    void startScenario(const QString& id);
    void stop();
    void injectCall(const InjectCallRequest& call);
    void setRate(double callsPerMin);
    // No confirmation here: the view asks before it calls this.
    void reset();
    void searchCustomers(const QString& query);

signals:
    void scenariosChanged();
    void statusChanged();
    void busyChanged(agentdesk::crm::DemoController::Action action, bool busy);
    void succeeded(agentdesk::crm::DemoController::Action action);
    void failed(agentdesk::crm::DemoController::Action action,
                const agentdesk::crm::ApiError& error);
    void customersFound(const QString& query,
                        const QList<agentdesk::crm::CustomerListItem>& customers);

private:
    // Runs after a command: reports, then reloads what it may have changed.
    void finish(Action action, const ApiError& error, bool reload);

    ClientSession& session_;
    QList<DemoScenario> scenarios_;
    DemoStatus status_;
    bool scenariosAvailable_ = false;
    bool statusKnown_ = false;
    QString lastQuery_;
    // Bumped by every command that changes the demo; status and scenario answers requested
    // before the latest command are stale and dropped (a newer reload is on its way).
    quint64 generation_ = 0;
};

}  // namespace agentdesk::crm
