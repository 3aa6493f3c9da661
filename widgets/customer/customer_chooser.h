#pragma once
// The screen pop when the caller's number belongs to several customers: the candidates with
// their match score and flags; a click or Enter on one shows that customer, or the counselor
// registers a new customer instead.
#include <QList>
#include <QWidget>

#include "crm/model/call.h"

class QLabel;
class QListWidget;
class QListWidgetItem;
class QPushButton;

namespace agentdesk::widgets {

class CustomerChooser : public QWidget {
    Q_OBJECT
public:
    explicit CustomerChooser(QWidget* parent = nullptr);

    void setMatches(const QString& callerNumber, const QList<crm::CustomerMatch>& matches);
    void setCreateEnabled(bool enabled);
    int count() const;
    QListWidget* list() const { return list_; }

signals:
    void chosen(const QString& customerId);
    void newCustomerRequested();

protected:
    void changeEvent(QEvent* event) override;

private:
    void retranslate();
    void render();
    void choose(QListWidgetItem* item);

    QString number_;
    QList<crm::CustomerMatch> matches_;
    QLabel* title_;
    QLabel* hint_;
    QListWidget* list_;
    QPushButton* create_;
};

}  // namespace agentdesk::widgets
