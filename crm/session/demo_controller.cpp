#include "crm/session/demo_controller.h"

#include "common/logging.h"
#include "crm/session/client_session.h"

namespace agentdesk::crm {

namespace {
constexpr int kDemoCustomerResults = 20;
}

DemoController::DemoController(ClientSession& session, QObject* parent)
    : QObject(parent), session_(session) {}

const DemoScenario* DemoController::scenario(const QString& id) const {
    for (const DemoScenario& s : scenarios_) {
        if (s.id == id)
            return &s;
    }
    return nullptr;
}

QString DemoController::runningScenario() const {
    if (!status_.runningScenario.isEmpty())
        return status_.runningScenario;
    for (const DemoScenario& s : scenarios_) {
        if (s.running)
            return s.id;
    }
    return {};
}

void DemoController::refresh() {
    loadScenarios();
    loadStatus();
}

void DemoController::loadScenarios() {
    emit busyChanged(Action::LoadScenarios, true);
    session_.api().demoScenarios(
        this, [this, generation = generation_](const QList<DemoScenario>& scenarios,
                                               const ApiError& error) {
            if (generation != generation_) {
                // Asked before a command changed the demo: its own reload follows.
                emit busyChanged(Action::LoadScenarios, false);
                return;
            }
            emit busyChanged(Action::LoadScenarios, false);
            if (error) {
                scenariosAvailable_ = false;
                emit failed(Action::LoadScenarios, error);
                return;
            }
            scenarios_ = scenarios;
            scenariosAvailable_ = true;
            emit scenariosChanged();
        });
}

void DemoController::loadStatus() {
    session_.api().demoStatus(
        this, [this, generation = generation_](const DemoStatus& status, const ApiError& error) {
            if (generation != generation_)
                return;  // asked before a command changed the demo (its reload follows)
            if (error) {
                emit failed(Action::LoadStatus, error);
                return;
            }
            status_ = status;
            statusKnown_ = true;
            emit statusChanged();
        });
}

void DemoController::finish(Action action, const ApiError& error, bool reload) {
    emit busyChanged(action, false);
    if (error) {
        logging::get("ui")->warn("demo console: {}", error.describe().toStdString());
        emit failed(action, error);
    } else {
        emit succeeded(action);
    }
    if (reload)
        refresh();
}

void DemoController::startScenario(const QString& id) {
    ++generation_;
    emit busyChanged(Action::Start, true);
    session_.api().startScenario(
        this, id, [this](const ApiError& error) { finish(Action::Start, error, true); });
}

void DemoController::stop() {
    ++generation_;
    emit busyChanged(Action::Stop, true);
    session_.api().stopDemo(this,
                            [this](const ApiError& error) { finish(Action::Stop, error, true); });
}

void DemoController::injectCall(const InjectCallRequest& call) {
    emit busyChanged(Action::Inject, true);
    session_.api().injectDemoCall(
        this, call, [this](const ApiError& error) { finish(Action::Inject, error, false); });
}

void DemoController::setRate(double callsPerMin) {
    ++generation_;
    emit busyChanged(Action::SetRate, true);
    session_.api().setDemoRate(this, callsPerMin, [this](const ApiError& error) {
        finish(Action::SetRate, error, false);
        loadStatus();
    });
}

void DemoController::reset() {
    ++generation_;
    emit busyChanged(Action::Reset, true);
    logging::get("ui")->info("demo console: the trainer resets the demo data");
    session_.api().resetDemo(this,
                             [this](const ApiError& error) { finish(Action::Reset, error, true); });
}

void DemoController::searchCustomers(const QString& query) {
    lastQuery_ = query;
    if (query.trimmed().isEmpty()) {
        emit customersFound(query, {});
        return;
    }
    session_.api().searchCustomers(
        this, query.trimmed(), kDemoCustomerResults,
        [this, query](const QList<CustomerListItem>& customers, const ApiError& error) {
            // An answer to an older query is dropped: the list follows what is typed now.
            if (query != lastQuery_)
                return;
            if (error) {
                emit failed(Action::Search, error);
                return;
            }
            emit customersFound(query, customers);
        });
}

}  // namespace agentdesk::crm
