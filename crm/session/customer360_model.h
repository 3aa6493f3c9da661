#pragma once
// The customer shown in the 360 view: fetched in one request (a screen pop while the phone
// rings), kept in the local cache, and read from that cache when the server cannot be reached
// (then `fromCache()` is true and the view says how old it is). A newer load supersedes an
// older one still in flight.
//
// Threads: one thread (the GUI thread in the app).
#include <QDateTime>
#include <QObject>
#include <QString>

#include "crm/api/api_client.h"
#include "crm/model/customer.h"

namespace agentdesk::crm {

class LocalStore;

class Customer360Model : public QObject {
    Q_OBJECT
public:
    enum class Status { Empty, Loading, Ready, Failed };

    // `store` may be null (no offline cache).
    Customer360Model(ApiClient& api, LocalStore* store, QObject* parent = nullptr);
    ~Customer360Model() override;

    void setOwner(const QString& owner) { owner_ = owner; }
    void load(const QString& customerId);
    void reload() { load(customerId_); }
    void clear();

    Status status() const { return status_; }
    QString customerId() const { return customerId_; }
    const Customer360& customer() const { return customer_; }
    bool fromCache() const { return fromCache_; }
    QDateTime cachedAt() const { return cachedAt_; }
    const ApiError& lastError() const { return error_; }

    // "More on scroll": fetches the interactions older than the oldest one held and appends
    // them to customer().interactions. Does nothing unless a customer from the server (not the
    // offline copy) is shown, it has more, and no such page is already on its way.
    void loadMoreInteractions(int limit = 20);
    bool loadingMoreInteractions() const { return moreInFlight_ != 0; }

signals:
    void loading(const QString& customerId);
    void loaded(const agentdesk::crm::Customer360& customer, bool fromCache);
    void failed(const QString& customerId, const agentdesk::crm::ApiError& error);
    // Older interactions were appended: customer().interactions[first, first + count).
    void interactionsAppended(int first, int count);
    void moreInteractionsFailed(const agentdesk::crm::ApiError& error);

private:
    void cancelRequests();
    void fallBackToCache(const QString& customerId, const ApiError& error);

    ApiClient& api_;
    LocalStore* store_;
    QString owner_;
    QString customerId_;
    Customer360 customer_;
    Status status_ = Status::Empty;
    bool fromCache_ = false;
    QDateTime cachedAt_;
    ApiError error_;
    HttpTransport::RequestId inFlight_ = 0;
    HttpTransport::RequestId moreInFlight_ = 0;
    quint64 generation_ = 0;
};

}  // namespace agentdesk::crm
