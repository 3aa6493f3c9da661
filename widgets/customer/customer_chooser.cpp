#include "widgets/customer/customer_chooser.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QVBoxLayout>

#include "widgets/common/format.h"
#include "widgets/common/relative_font.h"
#include "widgets/common/tone.h"

namespace agentdesk::widgets {

CustomerChooser::CustomerChooser(QWidget* parent) : QWidget(parent) {
    setObjectName(QStringLiteral("customerChooser"));
    auto* root = new QVBoxLayout(this);
    title_ = new QLabel(this);
    title_->setObjectName(QStringLiteral("chooserTitle"));
    title_->setWordWrap(true);
    setRelativeFont(title_, 1.15, true);
    root->addWidget(title_);
    hint_ = new QLabel(this);
    hint_->setWordWrap(true);
    hint_->setStyleSheet(toneStyle(Tone::Hint));
    root->addWidget(hint_);
    list_ = new QListWidget(this);
    list_->setObjectName(QStringLiteral("customerChooserList"));
    list_->setWordWrap(true);
    list_->setUniformItemSizes(false);
    list_->setSpacing(2);
    connect(list_, &QListWidget::itemClicked, this, &CustomerChooser::choose);
    // itemActivated covers Enter (and double-click, which the click above already handled).
    connect(list_, &QListWidget::itemActivated, this, &CustomerChooser::choose);
    root->addWidget(list_, 1);
    auto* buttons = new QHBoxLayout;
    buttons->addStretch(1);
    create_ = new QPushButton(this);
    create_->setObjectName(QStringLiteral("chooserNewCustomerButton"));
    connect(create_, &QPushButton::clicked, this, &CustomerChooser::newCustomerRequested);
    buttons->addWidget(create_);
    root->addLayout(buttons);
    retranslate();
}

void CustomerChooser::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

void CustomerChooser::retranslate() {
    title_->setText(tr("%1 belongs to several customers").arg(formatPhone(number_)));
    hint_->setText(tr("Confirm who is calling, then choose the customer (click or Enter)."));
    create_->setText(tr("None of these: new customer"));
    render();
}

int CustomerChooser::count() const {
    return list_->count();
}

void CustomerChooser::setCreateEnabled(bool enabled) {
    create_->setEnabled(enabled);
}

void CustomerChooser::setMatches(const QString& callerNumber,
                                 const QList<crm::CustomerMatch>& matches) {
    number_ = callerNumber;
    matches_ = matches;
    retranslate();
    if (list_->count() > 0)
        list_->setCurrentRow(0);
}

void CustomerChooser::render() {
    list_->clear();
    for (const crm::CustomerMatch& m : matches_) {
        QStringList parts;
        parts << customerDisplayName(m.name);
        parts << tr("match %1%", "how well the number matches this customer")
                     .arg(qRound(m.score * 100));
        if (m.vip)
            parts << tr("VIP");
        if (m.abusiveHistory)
            parts << tr("⚠ Abusive history", "폭언 이력");
        auto* item = new QListWidgetItem(parts.join(QStringLiteral("  ·  ")), list_);
        item->setData(Qt::UserRole, m.id);
        item->setToolTip(m.id);
        if (m.abusiveHistory)
            item->setForeground(QColor(0x9b, 0x1c, 0x1c));
        item->setSizeHint(QSize(0, list_->fontMetrics().height() + 16));
    }
}

void CustomerChooser::choose(QListWidgetItem* item) {
    if (item)
        emit chosen(item->data(Qt::UserRole).toString());
}

}  // namespace agentdesk::widgets
