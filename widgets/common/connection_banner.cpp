#include "widgets/common/connection_banner.h"

#include <QCoreApplication>
#include <QEvent>
#include <QHBoxLayout>

#include "widgets/common/format.h"

namespace agentdesk::widgets {

using crm::ConnectionStatus;

QString connectionStatusText(ConnectionStatus status) {
    const char* text = "Disconnected";
    switch (status) {
        case ConnectionStatus::Disconnected:
            text = QT_TRANSLATE_NOOP("Connection", "Disconnected");
            break;
        case ConnectionStatus::Connecting:
            text = QT_TRANSLATE_NOOP("Connection", "Connecting…");
            break;
        case ConnectionStatus::Connected:
            text = QT_TRANSLATE_NOOP("Connection", "Connected");
            break;
        case ConnectionStatus::Reconnecting:
            text = QT_TRANSLATE_NOOP("Connection", "Reconnecting…");
            break;
        case ConnectionStatus::Offline:
            text = QT_TRANSLATE_NOOP("Connection", "Offline");
            break;
        case ConnectionStatus::AuthExpired:
            text = QT_TRANSLATE_NOOP("Connection", "Session expired");
            break;
    }
    return QCoreApplication::translate("Connection", text);
}

ConnectionIndicator::ConnectionIndicator(QWidget* parent) : QLabel(parent) {
    setObjectName(QStringLiteral("connectionIndicator"));
    retranslate();
}

void ConnectionIndicator::setStatus(ConnectionStatus status) {
    status_ = status;
    retranslate();
}

void ConnectionIndicator::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QLabel::changeEvent(event);
}

void ConnectionIndicator::retranslate() {
    const char* colour = "#b00020";
    if (status_ == ConnectionStatus::Connected)
        colour = "#1b7f3b";
    else if (status_ == ConnectionStatus::Connecting || status_ == ConnectionStatus::Reconnecting)
        colour = "#b26a00";
    setText(QStringLiteral("<span style='color:%1'>●</span> %2")
                .arg(QLatin1String(colour), connectionStatusText(status_).toHtmlEscaped()));
    setToolTip(tr("Connection to the AgentDesk server"));
}

ConnectionBanner::ConnectionBanner(QWidget* parent)
    : QWidget(parent), label_(new QLabel(this)), loginAgain_(new QPushButton(this)) {
    setObjectName(QStringLiteral("connectionBanner"));
    setAttribute(Qt::WA_StyledBackground, true);
    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(12, 6, 12, 6);
    label_->setWordWrap(true);
    layout->addWidget(label_, 1);
    layout->addWidget(loginAgain_);
    connect(loginAgain_, &QPushButton::clicked, this, &ConnectionBanner::loginAgainRequested);
    setVisible(false);
    retranslate();
}

void ConnectionBanner::setStatus(ConnectionStatus status) {
    const bool down = status == ConnectionStatus::Reconnecting ||
                      status == ConnectionStatus::Offline ||
                      status == ConnectionStatus::AuthExpired;
    if (down && !downSince_.isValid())
        downSince_ = QDateTime::currentDateTime();
    if (!down)
        downSince_ = {};
    status_ = status;
    setVisible(down);
    retranslate();
}

QString ConnectionBanner::text() const {
    return label_->text();
}

void ConnectionBanner::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

void ConnectionBanner::retranslate() {
    const bool expired = status_ == ConnectionStatus::AuthExpired;
    // A light box keeps dark text in every look.
    setStyleSheet(expired ? QStringLiteral("#connectionBanner { background: #fdecea; } "
                                           "#connectionBanner QLabel { color: #5c0f0a; }")
                          : QStringLiteral("#connectionBanner { background: #fff4e5; } "
                                           "#connectionBanner QLabel { color: #3d2e00; }"));
    loginAgain_->setText(tr("Log in again"));
    loginAgain_->setVisible(expired);
    const QString since = downSince_.isValid() ? formatDateTime(downSince_) : QString();
    if (expired)
        label_->setText(
            tr("Your session has expired. Your notes and drafts are kept; log in again "
               "to continue."));
    else if (status_ == ConnectionStatus::Offline)
        label_->setText(tr("No connection to the server since %1. Showing saved data; notes are "
                           "kept and sent when the connection returns. Still trying…")
                            .arg(since));
    else
        label_->setText(tr("Connection lost at %1. Reconnecting… Showing saved data; call "
                           "commands are paused until it is back.")
                            .arg(since));
}

}  // namespace agentdesk::widgets
