#pragma once
// "Missed (n)" in the softphone bar: the calls that rang here and were not answered in time
// (RONA), newest first, each as time, number and customer; hidden while there are none.
#include <QDateTime>
#include <QList>
#include <QToolButton>

#include "crm/model/call.h"

class QMenu;

namespace agentdesk::widgets {

class MissedCallsButton : public QToolButton {
    Q_OBJECT
public:
    explicit MissedCallsButton(QWidget* parent = nullptr);

    // `customer` is the display text for the caller ("김민준 (customer)", "Unknown caller").
    void add(const crm::Call& call, const QDateTime& at, const QString& customer);
    void clear();
    int count() const { return static_cast<int>(entries_.size()); }
    // The menu's lines, newest first (for tests and the tooltip).
    QStringList lines() const;

protected:
    void changeEvent(QEvent* event) override;

private:
    struct Entry {
        QDateTime at;
        QString number, customer;
    };
    void retranslate();
    void rebuild();

    QList<Entry> entries_;
    QMenu* menu_;
};

}  // namespace agentdesk::widgets
