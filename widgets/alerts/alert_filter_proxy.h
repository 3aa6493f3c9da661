#pragma once
// Which alerts the panel lists: all, only the ones not acknowledged yet, or only warnings and
// critical ones. Keeps the model's order (rows that must not be missed first, then newest
// first: crm/session/alerts_model.h).
#include <QSortFilterProxyModel>

namespace agentdesk::widgets {

class AlertFilterProxy : public QSortFilterProxyModel {
    Q_OBJECT
public:
    enum class Filter { All, Unacknowledged, WarningsAndCritical };

    explicit AlertFilterProxy(QObject* parent = nullptr);

    Filter filter() const { return filter_; }
    void setFilter(Filter filter);

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex& sourceParent) const override;

private:
    Filter filter_ = Filter::All;
};

}  // namespace agentdesk::widgets
