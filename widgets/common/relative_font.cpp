#include "widgets/common/relative_font.h"

#include <QApplication>
#include <QEvent>

namespace agentdesk::widgets {

namespace {

constexpr const char* kName = "agentdeskRelativeFont";

class RelativeFont : public QObject {
public:
    RelativeFont(QWidget* widget, double factor, bool bold)
        : QObject(widget), widget_(widget), factor_(factor), bold_(bold) {
        setObjectName(QString::fromLatin1(kName));
        widget->installEventFilter(this);
        apply();
    }
    void set(double factor, bool bold) {
        factor_ = factor;
        bold_ = bold;
        apply();
    }
    void set() { apply(); }

protected:
    bool eventFilter(QObject* watched, QEvent* event) override {
        if (watched == widget_ && event->type() == QEvent::ApplicationFontChange)
            apply();
        return false;
    }

private:
    void apply() {
        QFont font = QApplication::font(widget_);
        if (font.pointSizeF() > 0)
            font.setPointSizeF(font.pointSizeF() * factor_);
        else if (font.pixelSize() > 0)
            font.setPixelSize(qRound(font.pixelSize() * factor_));
        font.setBold(bold_);
        widget_->setFont(font);
    }

    QWidget* widget_;
    double factor_;
    bool bold_;
};

}  // namespace

void setRelativeFont(QWidget* widget, double factor, bool bold) {
    // Not findChild<RelativeFont*>: without Q_OBJECT its cast would accept any QObject.
    if (QObject* existing =
            widget->findChild<QObject*>(QString::fromLatin1(kName), Qt::FindDirectChildrenOnly)) {
        static_cast<RelativeFont*>(existing)->set(factor, bold);
        return;
    }
    new RelativeFont(widget, factor, bold);
}

void refreshAfterApplicationFontChange() {
    const QWidgetList widgets = QApplication::allWidgets();
    for (QWidget* w : widgets) {
        const QString sheet = w->styleSheet();
        if (sheet.isEmpty())
            continue;
        w->setStyleSheet(QString());  // the same text again would be ignored
        w->setStyleSheet(sheet);
    }
    for (QWidget* w : widgets) {
        if (QObject* relative =
                w->findChild<QObject*>(QString::fromLatin1(kName), Qt::FindDirectChildrenOnly))
            static_cast<RelativeFont*>(relative)->set();
    }
}

}  // namespace agentdesk::widgets
