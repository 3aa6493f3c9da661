#pragma once
// The customer 360 view: profile card (masked by the server per role), flags, consents,
// products, open cases and a timeline of interactions with their notes (more on scroll); edit
// with validation; manual search by name or phone; click-to-dial. During a ringing call it is
// the screen pop: one match → that customer, several → a chooser, none → a new-customer form
// prefilled with the caller's number. Bound to ClientSession's Customer360Model.
#include <QWidget>

#include "crm/session/client_session.h"

namespace agentdesk::widgets {

class Customer360View : public QWidget {
    Q_OBJECT
public:
    explicit Customer360View(crm::ClientSession& session, QWidget* parent = nullptr);
    ~Customer360View() override;

    // The screen pop for an offered call (called while the phone rings).
    void popFor(const crm::Call& call);
    void focusSearch();
    void setOnline(bool online);
    QString currentCustomerId() const;

signals:
    // The customer on screen changed (empty: none); the note editor files notes under it.
    void customerShown(const QString& customerId);
    // "Edit" on a note in the timeline.
    void editNoteRequested(const agentdesk::crm::Note& note);
};

}  // namespace agentdesk::widgets
