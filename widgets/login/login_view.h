#pragma once
// The login window: the embedded demo contact center or a server address, username and
// password, with clear errors (wrong password, server unreachable, TLS failure). It only
// collects and shows; AppController performs the login.
#include <QWidget>

class QButtonGroup;
class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QRadioButton;

namespace agentdesk::widgets {

struct LoginForm {
    bool embedded = true;
    QString serverUrl;  // normalised: ends in /api/v1 (empty when embedded)
    QString username;
    QString password;
};

class LoginView : public QWidget {
    Q_OBJECT
public:
    explicit LoginView(QWidget* parent = nullptr);

    void setForm(bool embedded, const QString& serverUrl, const QString& username);
    void setLanguage(const QString& code);
    // A line under the embedded option ("starting…", "ready", or why it failed).
    void setEmbeddedStatus(const QString& text);
    void setBusy(bool busy);
    void showError(const QString& message);
    // After a successful login: the password does not stay in memory or on screen for the
    // shift, nor come back at the next login.
    void clearPassword();
    LoginForm form() const;

    // "https://crm.example.com" → "https://crm.example.com/api/v1"; several addresses (the nodes
    // of one center) separated by commas stay a comma-separated list. Empty when any of them is
    // not an http(s) URL with a host.
    static QString normaliseServerUrl(const QString& text);

signals:
    void submitted(const agentdesk::widgets::LoginForm& form);
    void languageRequested(const QString& code);

protected:
    void changeEvent(QEvent* event) override;

private:
    void retranslate();
    void submit();
    void updateEnabled();

    QLabel* title_;
    QLabel* subtitle_;
    QRadioButton* embedded_;
    QRadioButton* remote_;
    QLabel* embeddedStatus_;
    QLineEdit* serverUrl_;
    QLabel* userLabel_;
    QLineEdit* username_;
    QLabel* passwordLabel_;
    QLineEdit* password_;
    QLabel* demoHint_;
    QLabel* error_;
    QLabel* plainHttpWarning_;  // shown while the address is plain http:// to another computer
    QPushButton* login_;
    QComboBox* language_;
    bool busy_ = false;
};

}  // namespace agentdesk::widgets
