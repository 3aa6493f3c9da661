#include "widgets/softphone/missed_calls_button.h"

#include <QEvent>
#include <QMenu>

#include "widgets/common/format.h"

namespace agentdesk::widgets {

namespace {
constexpr int kMaxEntries = 20;  // a shift's worth; older ones are in the call history
}

MissedCallsButton::MissedCallsButton(QWidget* parent) : QToolButton(parent) {
    setObjectName(QStringLiteral("missedCalls"));
    menu_ = new QMenu(this);
    menu_->setObjectName(QStringLiteral("missedCallsMenu"));
    setMenu(menu_);
    setPopupMode(QToolButton::InstantPopup);
    setToolButtonStyle(Qt::ToolButtonTextOnly);
    retranslate();
}

void MissedCallsButton::add(const crm::Call& call, const QDateTime& at, const QString& customer) {
    entries_.prepend({at, formatPhone(call.aniE164.isEmpty() ? call.ani : call.aniE164), customer});
    while (entries_.size() > kMaxEntries)
        entries_.removeLast();
    retranslate();
}

void MissedCallsButton::clear() {
    entries_.clear();
    retranslate();
}

QStringList MissedCallsButton::lines() const {
    QStringList out;
    for (const Entry& e : entries_)
        out << QStringLiteral("%1  %2  %3").arg(formatDateTime(e.at), e.number, e.customer);
    return out;
}

void MissedCallsButton::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QToolButton::changeEvent(event);
}

void MissedCallsButton::retranslate() {
    setText(tr("Missed (%n)", "missed calls (부재중) not answered in time", count()));
    setToolTip(tr("Calls that rang here and were not answered in time"));
    setVisible(count() > 0);
    rebuild();
}

void MissedCallsButton::rebuild() {
    menu_->clear();
    for (const QString& line : lines())
        menu_->addAction(line);
    if (!entries_.isEmpty()) {
        menu_->addSeparator();
        QAction* clearAll = menu_->addAction(tr("Clear the list"));
        clearAll->setObjectName(QStringLiteral("clearMissedCalls"));
        // Queued: clearing the menu deletes the action whose signal is running.
        connect(clearAll, &QAction::triggered, this, &MissedCallsButton::clear,
                Qt::QueuedConnection);
    }
}

}  // namespace agentdesk::widgets
