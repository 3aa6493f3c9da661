#include "crm/session/customer360_model.h"

#include <algorithm>

#include <QJsonDocument>

#include "crm/store/local_store.h"

namespace agentdesk::crm {

namespace {
const QString kCustomer360CacheKind = QStringLiteral("customer360");
}

Customer360Model::Customer360Model(ApiClient& api, LocalStore* store, QObject* parent)
    : QObject(parent), api_(api), store_(store) {}

Customer360Model::~Customer360Model() {
    cancelRequests();
}

void Customer360Model::cancelRequests() {
    if (inFlight_)
        api_.cancel(inFlight_);
    if (moreInFlight_)
        api_.cancel(moreInFlight_);
    inFlight_ = 0;
    moreInFlight_ = 0;
}

void Customer360Model::clear() {
    cancelRequests();
    ++generation_;
    customerId_.clear();
    customer_ = Customer360{};
    status_ = Status::Empty;
    fromCache_ = false;
}

void Customer360Model::load(const QString& customerId) {
    if (customerId.isEmpty()) {
        clear();
        return;
    }
    cancelRequests();
    const quint64 generation = ++generation_;
    customerId_ = customerId;
    status_ = Status::Loading;
    emit loading(customerId);
    inFlight_ = api_.customer360(
        this, customerId,
        [this, customerId, generation](const Customer360& customer, const QByteArray& raw,
                                       const ApiError& error) {
            if (generation != generation_)
                return;
            inFlight_ = 0;
            if (error) {
                fallBackToCache(customerId, error);
                return;
            }
            customer_ = customer;
            status_ = Status::Ready;
            fromCache_ = false;
            cachedAt_ = {};
            error_ = {};
            if (store_ && !owner_.isEmpty())
                store_->putCache(owner_, kCustomer360CacheKind, customerId, raw);
            emit loaded(customer_, false);
        });
}

void Customer360Model::loadMoreInteractions(int limit) {
    if (status_ != Status::Ready || fromCache_ || !customer_.hasMoreInteractions || moreInFlight_ ||
        customer_.interactions.isEmpty()) {
        return;
    }
    const quint64 generation = generation_;
    const QDateTime before = customer_.interactions.last().startedAt;
    moreInFlight_ = api_.interactions(
        this, customerId_, before, limit,
        [this, generation](const QList<Interaction>& items, bool hasMore, const ApiError& error) {
            if (generation != generation_)
                return;
            moreInFlight_ = 0;
            if (error) {
                emit moreInteractionsFailed(error);
                return;
            }
            const int first = customer_.interactions.size();
            for (const Interaction& item : items) {
                // Never list an entry twice, whatever the server does at a page boundary.
                const bool known =
                    std::any_of(customer_.interactions.cbegin(), customer_.interactions.cend(),
                                [&item](const Interaction& held) { return held.id == item.id; });
                if (!known)
                    customer_.interactions.append(item);
            }
            customer_.hasMoreInteractions = hasMore;
            emit interactionsAppended(first, customer_.interactions.size() - first);
        });
}

void Customer360Model::fallBackToCache(const QString& customerId, const ApiError& error) {
    error_ = error;
    // Only "cannot reach the server" falls back; a 404 or 403 is the server's answer.
    if (!store_ || owner_.isEmpty() || !error.retryable()) {
        status_ = Status::Failed;
        emit failed(customerId, error);
        return;
    }
    const quint64 generation = generation_;
    store_->getCache(
        owner_, kCustomer360CacheKind, customerId, this,
        [this, customerId, generation, error](std::optional<QByteArray> json, qint64 storedAtMs) {
            if (generation != generation_)
                return;
            const QJsonDocument doc = json ? QJsonDocument::fromJson(*json) : QJsonDocument();
            if (!doc.isObject()) {
                status_ = Status::Failed;
                emit failed(customerId, error);
                return;
            }
            customer_ = Customer360::fromJson(doc.object());
            status_ = Status::Ready;
            fromCache_ = true;
            cachedAt_ = QDateTime::fromMSecsSinceEpoch(storedAtMs, Qt::UTC);
            emit loaded(customer_, true);
        });
}

}  // namespace agentdesk::crm
