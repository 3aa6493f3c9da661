#pragma once
// Draws a scenario in the list as its title (bold) over the first two lines of its
// description, so a trainer can choose without selecting each one.
#include <QStyledItemDelegate>

namespace agentdesk::widgets {

class ScenarioDelegate : public QStyledItemDelegate {
    Q_OBJECT
public:
    // The description travels in this role of the title column.
    static constexpr int kDescriptionRole = Qt::UserRole + 2;

    using QStyledItemDelegate::QStyledItemDelegate;

    void paint(QPainter* painter, const QStyleOptionViewItem& option,
               const QModelIndex& index) const override;
    QSize sizeHint(const QStyleOptionViewItem& option, const QModelIndex& index) const override;
};

}  // namespace agentdesk::widgets
