#include "crm/session/demo_controller.h"

#include <QPointer>

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
    QPointer<DemoController> self(this);
    emit busyChanged(Action::LoadScenarios, true);
    session_.api().demoScenarios([self, generation = generation_](
                                     const QList<DemoScenario>& scenarios, const ApiError& error) {
        if (!self)
            return;
        if (generation != self->generation_) {
            // Asked before a command changed the demo: its own reload follows.
            emit self->busyChanged(Action::LoadScenarios, false);
            return;
        }
        emit self->busyChanged(Action::LoadScenarios, false);
        if (error) {
            self->scenariosAvailable_ = false;
            emit self->failed(Action::LoadScenarios, error);
            return;
        }
        self->scenarios_ = scenarios;
        self->scenariosAvailable_ = true;
        emit self->scenariosChanged();
    });
}

void DemoController::loadStatus() {
    QPointer<DemoController> self(this);
    session_.api().demoStatus(
        [self, generation = generation_](const DemoStatus& status, const ApiError& error) {
            if (!self || generation != self->generation_)
                return;  // gone, or asked before a command changed the demo (its reload follows)
            if (error) {
                emit self->failed(Action::LoadStatus, error);
                return;
            }
            self->status_ = status;
            self->statusKnown_ = true;
            emit self->statusChanged();
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
    QPointer<DemoController> self(this);
    emit busyChanged(Action::Start, true);
    session_.api().startScenario(id, [self](const ApiError& error) {
        if (self)
            self->finish(Action::Start, error, true);
    });
}

void DemoController::stop() {
    ++generation_;
    QPointer<DemoController> self(this);
    emit busyChanged(Action::Stop, true);
    session_.api().stopDemo([self](const ApiError& error) {
        if (self)
            self->finish(Action::Stop, error, true);
    });
}

void DemoController::injectCall(const InjectCallRequest& call) {
    QPointer<DemoController> self(this);
    emit busyChanged(Action::Inject, true);
    session_.api().injectDemoCall(call, [self](const ApiError& error) {
        if (self)
            self->finish(Action::Inject, error, false);
    });
}

void DemoController::setRate(double callsPerMin) {
    ++generation_;
    QPointer<DemoController> self(this);
    emit busyChanged(Action::SetRate, true);
    session_.api().setDemoRate(callsPerMin, [self](const ApiError& error) {
        if (!self)
            return;
        self->finish(Action::SetRate, error, false);
        self->loadStatus();
    });
}

void DemoController::reset() {
    ++generation_;
    QPointer<DemoController> self(this);
    emit busyChanged(Action::Reset, true);
    logging::get("ui")->info("demo console: the trainer resets the demo data");
    session_.api().resetDemo([self](const ApiError& error) {
        if (self)
            self->finish(Action::Reset, error, true);
    });
}

void DemoController::searchCustomers(const QString& query) {
    lastQuery_ = query;
    if (query.trimmed().isEmpty()) {
        emit customersFound(query, {});
        return;
    }
    QPointer<DemoController> self(this);
    session_.api().searchCustomers(
        query.trimmed(), kDemoCustomerResults,
        [self, query](const QList<CustomerListItem>& customers, const ApiError& error) {
            // An answer to an older query is dropped: the list follows what is typed now.
            if (!self || query != self->lastQuery_)
                return;
            if (error) {
                emit self->failed(Action::Search, error);
                return;
            }
            emit self->customersFound(query, customers);
        });
}

}  // namespace agentdesk::crm
