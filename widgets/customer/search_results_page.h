#pragma once
// The results of a manual customer search as a list (phones masked, as in every list); a
// click or Enter shows that customer's 360 view.
#include <QList>
#include <QWidget>

#include "crm/model/customer.h"

class QLabel;
class QListWidget;
class QListWidgetItem;
class QPushButton;

namespace agentdesk::widgets {

class SearchResultsPage : public QWidget {
    Q_OBJECT
public:
    explicit SearchResultsPage(QWidget* parent = nullptr);

    void setSearching(const QString& query);
    void setResults(const QString& query, const QList<crm::CustomerListItem>& results);
    void setError(const QString& query, const QString& message);
    void setBackVisible(bool visible);
    int count() const;
    QListWidget* list() const { return list_; }

signals:
    void chosen(const QString& customerId);
    void backRequested();

protected:
    void changeEvent(QEvent* event) override;

private:
    enum class State { Idle, Searching, Done, Failed };
    void retranslate();
    void render();
    void choose(QListWidgetItem* item);

    State state_ = State::Idle;
    QString query_;
    QString error_;
    QList<crm::CustomerListItem> results_;
    QLabel* title_;
    QLabel* status_;
    QListWidget* list_;
    QPushButton* back_;
};

}  // namespace agentdesk::widgets
