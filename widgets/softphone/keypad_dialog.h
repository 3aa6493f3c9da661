#pragma once
// The non-modal DTMF keypad of the softphone bar: 0-9 * # as buttons and from the keyboard;
// each key is sent at once (CallSession::sendDtmf), and the digits the server has taken for
// this call (call.dtmf) are shown.
#include <QDialog>
#include <QHash>

#include "crm/session/client_session.h"

class QLabel;
class QPushButton;

namespace agentdesk::widgets {

class KeypadDialog : public QDialog {
    Q_OBJECT
public:
    explicit KeypadDialog(crm::ClientSession& session, QWidget* parent = nullptr);

    void setOnline(bool online);
    // Sends one key (0-9 * #); false when it was not sent.
    bool press(QChar key);

protected:
    void keyPressEvent(QKeyEvent* event) override;
    void changeEvent(QEvent* event) override;

private:
    void retranslate();
    void refresh();

    crm::ClientSession& session_;
    bool online_ = true;
    QHash<QChar, QPushButton*> keys_;
    QLabel* sentTitle_;
    QLabel* sent_;
    QPushButton* close_;
};

}  // namespace agentdesk::widgets
