#pragma once
// After-call notes: wrap-up code (required), templates per code, the text; every keystroke is
// in a local draft within a second (DraftAutosaver) and comes back after a crash; submit goes
// through the outbox (works offline, shows pending / sent); finishing wrap-up returns the agent
// to ready or not ready per setting. Also edits an earlier note, with a version-conflict dialog
// that shows both versions. Follows ClientSession's CallSession: a call that ends opens its note.
#include <QWidget>

#include "crm/session/client_session.h"
#include "crm/store/draft_autosaver.h"

namespace agentdesk::widgets {

class NoteEditor : public QWidget {
    Q_OBJECT
public:
    NoteEditor(crm::ClientSession& session, crm::DraftAutosaver& autosaver,
               QWidget* parent = nullptr);
    ~NoteEditor() override;

    // "ready" or "not_ready": the state after a finished wrap-up.
    void setAfterWrapupState(const QString& state);
    // The customer on screen, for a note outside a call.
    void setCustomer(const QString& customerId);
    // Appends text at the cursor (e.g. from a knowledge article).
    void insertText(const QString& text);
    // Opens an earlier note for editing (PUT /notes/{id} with its version).
    void editExistingNote(const crm::Note& note);
    // After login: brings back drafts left by an earlier run (crash, kill -9).
    void restoreDrafts();
    void setOnline(bool online);
    void focusEditor();

signals:
    void wrapUpFinished(const QString& callId);
};

}  // namespace agentdesk::widgets
