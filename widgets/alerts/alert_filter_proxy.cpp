#include "widgets/alerts/alert_filter_proxy.h"

#include "crm/session/alerts_model.h"

namespace agentdesk::widgets {

AlertFilterProxy::AlertFilterProxy(QObject* parent) : QSortFilterProxyModel(parent) {
    // Acknowledging changes whether a row passes the Unacknowledged filter.
    setDynamicSortFilter(true);
}

void AlertFilterProxy::setFilter(Filter filter) {
    if (filter == filter_)
        return;
    filter_ = filter;
    invalidateFilter();
}

bool AlertFilterProxy::filterAcceptsRow(int sourceRow, const QModelIndex& sourceParent) const {
    const QModelIndex i = sourceModel()->index(sourceRow, 0, sourceParent);
    switch (filter_) {
        case Filter::All:
            return true;
        case Filter::Unacknowledged:
            return !i.data(crm::AlertsModel::AcknowledgedRole).toBool();
        case Filter::WarningsAndCritical:
            return crm::AlertsModel::severityRank(
                       i.data(crm::AlertsModel::SeverityRole).toString()) >= 1;
    }
    return true;
}

}  // namespace agentdesk::widgets
