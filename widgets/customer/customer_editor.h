#pragma once
// The view-model behind the new-customer and edit forms: sends POST /customers or PATCH
// /customers/{id} and reports the saved customer, or the error with its per-field messages
// (the 400/422 body's "fields", docs/api.md 1.6) keyed by field name ("email", "phones[1].number").
#include <QMap>
#include <QObject>
#include <QString>

#include "crm/api/api_client.h"

namespace agentdesk::widgets {

// Field name → message, as crm::ApiError::fieldErrors() gives them.
using FieldErrors = QMap<QString, QString>;

class CustomerEditor : public QObject {
    Q_OBJECT
public:
    explicit CustomerEditor(crm::ApiClient& api, QObject* parent = nullptr);
    ~CustomerEditor() override;

    void create(const crm::CustomerDraft& customer);
    void update(const QString& customerId, const crm::CustomerDraft& changes);
    void cancel();
    bool busy() const { return inFlight_ != 0; }

signals:
    void saved(const agentdesk::crm::Customer360& customer, bool created);
    void failed(const agentdesk::crm::ApiError& error,
                const agentdesk::widgets::FieldErrors& fields);

private:
    void finish(const crm::Customer360& customer, const crm::ApiError& error, bool created);

    crm::ApiClient& api_;
    crm::ApiClient::RequestId inFlight_ = 0;
};

}  // namespace agentdesk::widgets
