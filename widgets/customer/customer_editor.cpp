#include "widgets/customer/customer_editor.h"

#include <QJsonArray>

#include "common/logging.h"

namespace agentdesk::widgets {

FieldErrors fieldErrorsOf(const crm::ApiError& error) {
    FieldErrors out;
    const QJsonObject err = error.body.value(QLatin1String("error")).toObject();
    for (const QJsonValue& v : err.value(QLatin1String("fields")).toArray()) {
        const QJsonObject f = v.toObject();
        const QString field = f.value(QLatin1String("field")).toString();
        if (!field.isEmpty() && !out.contains(field))
            out.insert(field, f.value(QLatin1String("message")).toString());
    }
    return out;
}

CustomerEditor::CustomerEditor(crm::ApiClient& api, QObject* parent) : QObject(parent), api_(api) {}

CustomerEditor::~CustomerEditor() {
    cancel();
}

void CustomerEditor::cancel() {
    if (inFlight_)
        api_.cancel(inFlight_);
    inFlight_ = 0;
}

void CustomerEditor::create(const QJsonObject& fields) {
    cancel();
    inFlight_ = api_.createCustomer(
        fields, [this](const crm::Customer360& customer, const crm::ApiError& error) {
            finish(customer, error, true);
        });
}

void CustomerEditor::update(const QString& customerId, const QJsonObject& fields) {
    cancel();
    inFlight_ = api_.patchCustomer(
        customerId, fields, [this](const crm::Customer360& customer, const crm::ApiError& error) {
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
        emit failed(error, fieldErrorsOf(error));
        return;
    }
    emit saved(customer, created);
}

}  // namespace agentdesk::widgets
