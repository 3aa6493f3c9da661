#include "widgets/customer/search_results_page.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QVBoxLayout>

#include "widgets/common/format.h"
#include "widgets/common/tone.h"

namespace agentdesk::widgets {

SearchResultsPage::SearchResultsPage(QWidget* parent) : QWidget(parent) {
    setObjectName(QStringLiteral("searchResultsPage"));
    auto* root = new QVBoxLayout(this);
    auto* top = new QHBoxLayout;
    title_ = new QLabel(this);
    title_->setObjectName(QStringLiteral("searchResultsTitle"));
    title_->setWordWrap(true);
    QFont bold = title_->font();
    bold.setBold(true);
    title_->setFont(bold);
    top->addWidget(title_, 1);
    back_ = new QPushButton(this);
    back_->setObjectName(QStringLiteral("searchBackButton"));
    connect(back_, &QPushButton::clicked, this, &SearchResultsPage::backRequested);
    top->addWidget(back_);
    root->addLayout(top);
    status_ = new QLabel(this);
    status_->setObjectName(QStringLiteral("searchStatusLabel"));
    status_->setWordWrap(true);
    status_->setStyleSheet(toneStyle(Tone::Hint));
    root->addWidget(status_);
    list_ = new QListWidget(this);
    list_->setObjectName(QStringLiteral("searchResultsList"));
    list_->setWordWrap(true);
    list_->setSpacing(2);
    connect(list_, &QListWidget::itemClicked, this, &SearchResultsPage::choose);
    connect(list_, &QListWidget::itemActivated, this, &SearchResultsPage::choose);
    root->addWidget(list_, 1);
    retranslate();
}

void SearchResultsPage::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

void SearchResultsPage::retranslate() {
    back_->setText(tr("Back"));
    back_->setToolTip(tr("Back to the customer on screen"));
    render();
}

int SearchResultsPage::count() const {
    return list_->count();
}

void SearchResultsPage::setBackVisible(bool visible) {
    back_->setVisible(visible);
}

void SearchResultsPage::setSearching(const QString& query) {
    state_ = State::Searching;
    query_ = query;
    results_.clear();
    render();
}

void SearchResultsPage::setResults(const QString& query,
                                   const QList<crm::CustomerListItem>& results) {
    state_ = State::Done;
    query_ = query;
    results_ = results;
    render();
    if (list_->count() > 0)
        list_->setCurrentRow(0);
}

void SearchResultsPage::setError(const QString& query, const QString& message) {
    state_ = State::Failed;
    query_ = query;
    error_ = message;
    results_.clear();
    render();
}

void SearchResultsPage::render() {
    title_->setText(tr("Customers matching “%1”").arg(query_));
    switch (state_) {
        case State::Idle:
            status_->clear();
            break;
        case State::Searching:
            status_->setText(tr("Searching…"));
            break;
        case State::Done:
            status_->setText(results_.isEmpty()
                                 ? tr("No customer found. Try the full name, a phone number or "
                                      "the customer number.")
                                 : tr("%n customer(s) found.", nullptr, results_.size()));
            break;
        case State::Failed:
            status_->setText(error_);
            break;
    }
    list_->clear();
    for (const crm::CustomerListItem& c : results_) {
        QStringList first;
        first << customerDisplayName(c.name);
        if (!c.customerNo.isEmpty())
            first << tr("no. %1", "customer number").arg(c.customerNo);
        if (c.vip)
            first << tr("VIP");
        if (c.abusiveHistory)
            first << tr("⚠ Abusive history", "폭언 이력");
        QStringList second;
        for (const crm::CustomerPhone& p : c.phones)
            second << maskPhone(p.number);
        if (!c.lastContactReason.isEmpty())
            second << tr("last contact: %1").arg(c.lastContactReason);
        QString text = first.join(QStringLiteral("  ·  "));
        if (!second.isEmpty())
            text += QLatin1Char('\n') + second.join(QStringLiteral("  ·  "));
        auto* item = new QListWidgetItem(text, list_);
        item->setData(Qt::UserRole, c.id);
        if (c.abusiveHistory)
            item->setForeground(QColor(0x9b, 0x1c, 0x1c));
    }
    list_->setVisible(!results_.isEmpty());
}

void SearchResultsPage::choose(QListWidgetItem* item) {
    if (item)
        emit chosen(item->data(Qt::UserRole).toString());
}

}  // namespace agentdesk::widgets
