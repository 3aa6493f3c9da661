#include "widgets/customer/customer_search.h"

#include "common/phone.h"

namespace agentdesk::widgets {

namespace {
constexpr int kResultLimit = 50;
}

CustomerSearch::CustomerSearch(crm::ApiClient& api, QObject* parent) : QObject(parent), api_(api) {}

CustomerSearch::~CustomerSearch() {
    cancel();
}

bool CustomerSearch::looksLikePhone(const QString& query) {
    return phone::toE164(query.trimmed().toStdString()).has_value();
}

void CustomerSearch::cancel() {
    if (inFlight_)
        api_.cancel(inFlight_);
    inFlight_ = 0;
}

bool CustomerSearch::search(const QString& raw) {
    const QString query = raw.trimmed();
    if (query.isEmpty())
        return false;
    cancel();
    query_ = query;
    auto handler = [this, query](const QList<crm::CustomerListItem>& items,
                                 const crm::ApiError& error) {
        inFlight_ = 0;
        if (error)
            emit failed(query, error);
        else
            emit finished(query, items);
    };
    inFlight_ = looksLikePhone(query) ? api_.customersByPhone(this, query, handler)
                                      : api_.searchCustomers(this, query, kResultLimit, handler);
    return true;
}

}  // namespace agentdesk::widgets
