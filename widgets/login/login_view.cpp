#include "widgets/login/login_view.h"

#include "crm/net/server_url.h"
#include "widgets/common/relative_font.h"
#include "widgets/common/tone.h"

#include <QComboBox>
#include <QEvent>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QUrl>
#include <QVBoxLayout>

namespace agentdesk::widgets {

LoginView::LoginView(QWidget* parent)
    : QWidget(parent),
      title_(new QLabel(this)),
      subtitle_(new QLabel(this)),
      embedded_(new QRadioButton(this)),
      remote_(new QRadioButton(this)),
      embeddedStatus_(new QLabel(this)),
      serverUrl_(new QLineEdit(this)),
      userLabel_(new QLabel(this)),
      username_(new QLineEdit(this)),
      passwordLabel_(new QLabel(this)),
      password_(new QLineEdit(this)),
      demoHint_(new QLabel(this)),
      error_(new QLabel(this)),
      plainHttpWarning_(new QLabel(this)),
      login_(new QPushButton(this)),
      language_(new QComboBox(this)) {
    setObjectName(QStringLiteral("loginView"));
    embedded_->setObjectName(QStringLiteral("embeddedOption"));
    remote_->setObjectName(QStringLiteral("remoteOption"));
    serverUrl_->setObjectName(QStringLiteral("serverUrl"));
    plainHttpWarning_->setObjectName(QStringLiteral("plainHttpWarning"));
    plainHttpWarning_->setWordWrap(true);
    plainHttpWarning_->setStyleSheet(toneStyle(Tone::Warning, true));
    plainHttpWarning_->setVisible(false);
    username_->setObjectName(QStringLiteral("username"));
    password_->setObjectName(QStringLiteral("password"));
    error_->setObjectName(QStringLiteral("loginError"));
    login_->setObjectName(QStringLiteral("loginButton"));
    language_->setObjectName(QStringLiteral("loginLanguage"));
    embeddedStatus_->setObjectName(QStringLiteral("embeddedStatus"));

    setRelativeFont(title_, 1.6, true);
    subtitle_->setWordWrap(true);
    embeddedStatus_->setStyleSheet(toneStyle(Tone::Hint));
    embeddedStatus_->setIndent(24);
    demoHint_->setWordWrap(true);
    demoHint_->setStyleSheet(toneStyle(Tone::Hint));
    error_->setWordWrap(true);
    error_->setStyleSheet(toneStyle(Tone::Error, true));
    error_->setVisible(false);
    password_->setEchoMode(QLineEdit::Password);
    serverUrl_->setPlaceholderText(QStringLiteral("https://crm.example.com"));
    login_->setDefault(true);
    language_->addItem(QStringLiteral("한국어"), QStringLiteral("ko"));
    language_->addItem(QStringLiteral("English"), QStringLiteral("en"));
    embedded_->setChecked(true);

    auto* top = new QHBoxLayout;
    top->addWidget(title_, 1);
    top->addWidget(language_);

    auto* form = new QFormLayout;
    form->addRow(userLabel_, username_);
    form->addRow(passwordLabel_, password_);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(32, 28, 32, 28);
    layout->setSpacing(10);
    layout->addLayout(top);
    layout->addWidget(subtitle_);
    layout->addSpacing(8);
    layout->addWidget(embedded_);
    layout->addWidget(embeddedStatus_);
    layout->addWidget(remote_);
    layout->addWidget(serverUrl_);
    layout->addWidget(plainHttpWarning_);
    layout->addSpacing(8);
    layout->addLayout(form);
    layout->addWidget(demoHint_);
    layout->addWidget(error_);
    layout->addStretch(1);
    layout->addWidget(login_);

    connect(embedded_, &QRadioButton::toggled, this, &LoginView::updateEnabled);
    connect(serverUrl_, &QLineEdit::textChanged, this, &LoginView::updateEnabled);
    connect(login_, &QPushButton::clicked, this, &LoginView::submit);
    connect(password_, &QLineEdit::returnPressed, this, &LoginView::submit);
    connect(username_, &QLineEdit::returnPressed, this, [this] { password_->setFocus(); });
    connect(language_, &QComboBox::activated, this,
            [this](int index) { emit languageRequested(language_->itemData(index).toString()); });
    retranslate();
    updateEnabled();
    setMinimumWidth(420);
}

void LoginView::setForm(bool embedded, const QString& serverUrl, const QString& username) {
    (embedded ? embedded_ : remote_)->setChecked(true);
    serverUrl_->setText(crm::serverListForDisplay(serverUrl));
    username_->setText(username);
    (username.isEmpty() ? username_ : password_)->setFocus();
    updateEnabled();
}

void LoginView::setLanguage(const QString& code) {
    const int index = language_->findData(code);
    if (index >= 0)
        language_->setCurrentIndex(index);
}

void LoginView::setEmbeddedStatus(const QString& text) {
    embeddedStatus_->setText(text);
}

void LoginView::setBusy(bool busy) {
    busy_ = busy;
    if (busy)
        error_->setVisible(false);
    retranslate();
    updateEnabled();
}

void LoginView::showError(const QString& message) {
    error_->setText(message);
    error_->setVisible(!message.isEmpty());
}

void LoginView::clearPassword() {
    password_->clear();
}

LoginForm LoginView::form() const {
    LoginForm f;
    f.embedded = embedded_->isChecked();
    f.serverUrl = f.embedded ? QString() : normaliseServerUrl(serverUrl_->text());
    f.username = username_->text().trimmed();
    f.password = password_->text();
    return f;
}

QString LoginView::normaliseServerUrl(const QString& text) {
    return crm::parseServerList(text).join(QLatin1Char(','));
}

void LoginView::submit() {
    if (busy_)
        return;
    const LoginForm f = form();
    if (!f.embedded && f.serverUrl.isEmpty()) {
        showError(tr("Enter the server address, e.g. https://crm.example.com"));
        serverUrl_->setFocus();
        return;
    }
    if (f.username.isEmpty()) {
        showError(tr("Enter your username."));
        username_->setFocus();
        return;
    }
    if (f.password.isEmpty()) {
        showError(tr("Enter your password."));
        password_->setFocus();
        return;
    }
    showError({});
    emit submitted(f);
}

void LoginView::updateEnabled() {
    serverUrl_->setEnabled(!busy_ && remote_->isChecked());
    embedded_->setEnabled(!busy_);
    remote_->setEnabled(!busy_);
    username_->setEnabled(!busy_);
    password_->setEnabled(!busy_);
    login_->setEnabled(!busy_);
    demoHint_->setVisible(embedded_->isChecked());
    plainHttpWarning_->setVisible(remote_->isChecked() &&
                                  crm::isPlainHttpToRemote(normaliseServerUrl(serverUrl_->text())));
}

void LoginView::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

void LoginView::retranslate() {
    setWindowTitle(tr("AgentDesk — Log in"));
    title_->setText(QStringLiteral("AgentDesk"));
    subtitle_->setText(tr("Agent desktop and customer 360 for your contact center."));
    embedded_->setText(tr("Demo contact center on this computer"));
    remote_->setText(tr("Server"));
    plainHttpWarning_->setText(
        tr("Not encrypted: your password and customer data would cross the network readable. "
           "Use an https:// address. Plain http:// to another computer works only when allowed "
           "in Settings."));
    userLabel_->setText(tr("Username"));
    passwordLabel_->setText(tr("Password"));
    // Screen readers name each field by its label, as a sighted user reads it.
    username_->setAccessibleName(userLabel_->text());
    password_->setAccessibleName(passwordLabel_->text());
    serverUrl_->setAccessibleName(tr("Server address"));
    demoHint_->setText(
        tr("Demo users: counselor1, counselor2, counselor3 (counselors), lead1 (team "
           "lead), trainer1 (trainer). Password: demo"));
    login_->setText(busy_ ? tr("Logging in…") : tr("Log in"));
}

}  // namespace agentdesk::widgets
