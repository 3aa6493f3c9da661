#pragma once
// The view-model of the manual customer search: a query that reads as a Korean phone number
// searches by number, anything else by name, customer number or e-mail. A newer search
// supersedes one still in flight.
#include <QList>
#include <QObject>
#include <QString>

#include "crm/api/api_client.h"

namespace agentdesk::widgets {

class CustomerSearch : public QObject {
    Q_OBJECT
public:
    explicit CustomerSearch(crm::ApiClient& api, QObject* parent = nullptr);
    ~CustomerSearch() override;

    static bool looksLikePhone(const QString& query);
    // Returns false (and does nothing) for an empty query.
    bool search(const QString& query);
    void cancel();
    bool busy() const { return inFlight_ != 0; }
    QString query() const { return query_; }

signals:
    void finished(const QString& query, const QList<agentdesk::crm::CustomerListItem>& results);
    void failed(const QString& query, const agentdesk::crm::ApiError& error);

private:
    crm::ApiClient& api_;
    crm::ApiClient::RequestId inFlight_ = 0;
    QString query_;
};

}  // namespace agentdesk::widgets
