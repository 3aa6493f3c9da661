#include "widgets/customer/customer_editor.h"

#include "common/logging.h"

namespace agentdesk::widgets {

CustomerEditor::CustomerEditor(crm::ApiClient& api, QObject* parent) : QObject(parent), api_(api) {}

CustomerEditor::~CustomerEditor() {
    cancel();
}

void CustomerEditor::cancel() {
    if (inFlight_)
        api_.cancel(inFlight_);
    inFlight_ = 0;
}

void CustomerEditor::create(const crm::CustomerDraft& customer) {
    cancel();
    inFlight_ = api_.createCustomer(
        this, customer, [this](const crm::Customer360& customer, const crm::ApiError& error) {
            finish(customer, error, true);
        });
}

void CustomerEditor::update(const QString& customerId, const crm::CustomerDraft& changes) {
    cancel();
    inFlight_ =
        api_.patchCustomer(this, customerId, changes,
                           [this](const crm::Customer360& customer, const crm::ApiError& error) {
                               finish(customer, error, false);
                           });
}

void CustomerEditor::finish(const crm::Customer360& customer, const crm::ApiError& error,
                            bool created) {
    inFlight_ = 0;
    if (error) {
        // Only the error's shape: field values may hold personal data.
        logging::get("ui")->info("customer {} refused: {}", created ? "create" : "update",
                                 error.code.toStdString());
        emit failed(error, error.fieldErrors());
        return;
    }
    emit saved(customer, created);
}

}  // namespace agentdesk::widgets
