#include "widgets/common/hover_selectable.h"

#include <QApplication>
#include <QEvent>
#include <QLabel>

namespace agentdesk::widgets {

namespace {

class HoverSelectable : public QObject {
public:
    explicit HoverSelectable(QLabel* label) : QObject(label), label_(label) {
        label->installEventFilter(this);
    }

    bool eventFilter(QObject* watched, QEvent* event) override {
        if (watched != label_)
            return false;
        switch (event->type()) {
            case QEvent::Enter:
                if (label_->textInteractionFlags() == Qt::NoTextInteraction)
                    label_->setTextInteractionFlags(Qt::TextSelectableByMouse);
                break;
            case QEvent::Leave:
                // A selection stays until the mouse comes back and leaves without one; an open
                // context menu (Copy) still needs the label's text control.
                if (!label_->hasSelectedText() && !QApplication::activePopupWidget())
                    label_->setTextInteractionFlags(Qt::NoTextInteraction);
                break;
            default:
                break;
        }
        return false;
    }

private:
    QLabel* label_;
};

}  // namespace

void selectableOnHover(QLabel* label) {
    label->setTextInteractionFlags(Qt::NoTextInteraction);
    new HoverSelectable(label);
}

}  // namespace agentdesk::widgets
