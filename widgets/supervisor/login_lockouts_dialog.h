#pragma once
// The team lead's login lockouts (docs/api.md "GET /login-lockouts"): usernames and addresses
// locked after failed logins, with the failures and until when (local time), a Refresh and a
// "Clear lockout" for the selected row. Errors show in the dialog's message line. Opened from
// the team lead's menu only (the server refuses everyone else with 403).
#include <QDialog>
#include <QList>
#include <QString>

#include "crm/api/api_client.h"
#include "crm/model/login_lockout.h"

class QDialogButtonBox;
class QLabel;
class QPushButton;
class QTableWidget;

namespace agentdesk::widgets {

class LoginLockoutsDialog : public QDialog {
    Q_OBJECT
public:
    explicit LoginLockoutsDialog(crm::ApiClient& api, QWidget* parent = nullptr);
    ~LoginLockoutsDialog() override;

    // GET /login-lockouts again (also each time the dialog is shown).
    void refresh();
    const QList<crm::LoginLockout>& lockouts() const { return lockouts_; }
    bool busy() const { return request_ != 0; }
    QString message() const { return message_; }
    bool messageIsError() const { return messageIsError_; }

signals:
    // After every answer to a refresh (success or not) and every clear.
    void loaded();
    void cleared(const QString& kind, const QString& key);

protected:
    void changeEvent(QEvent* event) override;
    void showEvent(QShowEvent* event) override;

private:
    void retranslate();
    void fillTable();
    void clearSelected();
    void updateButtons();
    void showMessage(const QString& text, bool error);
    QString kindText(const QString& kind) const;
    int selectedRow() const;

    crm::ApiClient& api_;
    QList<crm::LoginLockout> lockouts_;
    crm::ApiClient::RequestId request_ = 0;
    QString message_;
    bool messageIsError_ = false;

    QLabel* intro_;
    QTableWidget* table_;
    QLabel* status_;
    QPushButton* refresh_;
    QPushButton* clear_;
    QDialogButtonBox* buttons_;
};

}  // namespace agentdesk::widgets
