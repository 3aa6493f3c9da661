#include "widgets/softphone/keypad_dialog.h"

#include <QEvent>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

#include "widgets/common/relative_font.h"

namespace agentdesk::widgets {

using crm::CallPhase;

namespace {
QString keyName(QChar key) {
    if (key == QLatin1Char('*'))
        return QStringLiteral("star");
    if (key == QLatin1Char('#'))
        return QStringLiteral("hash");
    return QString(key);
}
}  // namespace

KeypadDialog::KeypadDialog(crm::ClientSession& session, QWidget* parent)
    : QDialog(parent), session_(session) {
    setObjectName(QStringLiteral("keypadDialog"));
    setModal(false);

    auto* grid = new QGridLayout;
    const QString layout = QStringLiteral("123456789*0#");
    for (int i = 0; i < layout.size(); ++i) {
        const QChar key = layout.at(i);
        auto* button = new QPushButton(QString(key), this);
        button->setObjectName(QStringLiteral("dtmf_") + keyName(key));
        button->setFocusPolicy(Qt::NoFocus);  // keys typed go to the dialog, not a button
        button->setMinimumSize(48, 40);
        setRelativeFont(button, 1.3);
        connect(button, &QPushButton::clicked, this, [this, key] { press(key); });
        grid->addWidget(button, i / 3, i % 3);
        keys_.insert(key, button);
    }

    sentTitle_ = new QLabel(this);
    sent_ = new QLabel(this);
    sent_->setObjectName(QStringLiteral("dtmfSent"));
    sent_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    QFont mono = sent_->font();
    mono.setFamily(QStringLiteral("monospace"));
    mono.setBold(true);
    sent_->setFont(mono);
    close_ = new QPushButton(this);
    close_->setObjectName(QStringLiteral("keypadClose"));
    close_->setFocusPolicy(Qt::NoFocus);
    connect(close_, &QPushButton::clicked, this, &QDialog::close);

    auto* sentRow = new QHBoxLayout;
    sentRow->addWidget(sentTitle_);
    sentRow->addWidget(sent_, 1);
    auto* v = new QVBoxLayout(this);
    v->addLayout(grid);
    v->addLayout(sentRow);
    v->addWidget(close_, 0, Qt::AlignRight);

    crm::CallSession& call = session_.call();
    connect(&call, &crm::CallSession::callUpdated, this, [this] { refresh(); });
    connect(&call, &crm::CallSession::phaseChanged, this, [this](CallPhase phase) {
        if (phase == CallPhase::Idle || phase == CallPhase::Ended ||
            phase == CallPhase::AfterCallWork)
            close();
        refresh();
    });
    retranslate();
}

void KeypadDialog::setOnline(bool online) {
    online_ = online;
    refresh();
}

bool KeypadDialog::press(QChar key) {
    if (!keys_.contains(key) || !online_ || session_.call().phase() != CallPhase::Connected)
        return false;
    return !session_.call().sendDtmf(QString(key)).isEmpty();
}

void KeypadDialog::keyPressEvent(QKeyEvent* event) {
    const QString text = event->text();
    if (text.size() == 1 && keys_.contains(text.at(0))) {
        if (QPushButton* button = keys_.value(text.at(0)); button->isEnabled())
            button->animateClick();  // the pressed key lights up, then sends
        return;
    }
    QDialog::keyPressEvent(event);
}

void KeypadDialog::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QDialog::changeEvent(event);
}

void KeypadDialog::retranslate() {
    setWindowTitle(tr("Keypad (DTMF)"));
    sentTitle_->setText(tr("Sent:", "DTMF digits sent on this call"));
    close_->setText(tr("Close"));
    refresh();
}

void KeypadDialog::refresh() {
    const bool canSend = online_ && session_.call().phase() == CallPhase::Connected;
    for (QPushButton* button : std::as_const(keys_))
        button->setEnabled(canSend);
    const QString digits = session_.call().call().dtmf;
    sent_->setText(digits.isEmpty() ? tr("none") : digits);
}

}  // namespace agentdesk::widgets
