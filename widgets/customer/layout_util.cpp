#include "widgets/customer/layout_util.h"

#include <QLayout>
#include <QWidget>

namespace agentdesk::widgets {

void retireWidget(QWidget* widget) {
    widget->hide();
    widget->setParent(nullptr);
    widget->deleteLater();
}

void clearLayout(QLayout* layout) {
    while (QLayoutItem* item = layout->takeAt(0)) {
        if (QWidget* w = item->widget())
            retireWidget(w);
        if (QLayout* l = item->layout())
            clearLayout(l);
        delete item;
    }
}

}  // namespace agentdesk::widgets
