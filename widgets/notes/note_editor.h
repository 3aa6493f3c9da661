#pragma once
// After-call notes: wrap-up code (required), templates per code, the text; every keystroke is
// in a local draft within a second (DraftAutosaver) and comes back after a crash; submit goes
// through the outbox (works offline, shows pending / sent); finishing wrap-up returns the agent
// to ready or not ready per setting. Also edits an earlier note, with a version-conflict dialog
// that shows both versions. Follows ClientSession's CallSession: a call that ends opens its note.
#include <QAction>
#include <QDateTime>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QWidget>

#include "crm/session/client_session.h"
#include "crm/store/draft_autosaver.h"

namespace agentdesk::crm {
class NoteController;
}

namespace agentdesk::widgets {

class AssistDraftBar;
class OutboxStatusView;
class RestoredDraftsBar;
class WrapupCodePicker;

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

    // The logic behind the view (for the app's wiring and tests).
    crm::NoteController& controller() { return *controller_; }

signals:
    void wrapUpFinished(const QString& callId);

protected:
    void changeEvent(QEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;

private:
    void retranslate();
    void reloadContent();
    void refresh();
    void showConflict(const QString& myText, const QString& myCode, const crm::Note& theirs);
    QString codeLabel(const QString& code) const;
    QString headerText() const;
    QString blockText() const;
    QString statusText() const;
    QString currentStateText() const;
    bool submitWrapsUp() const;

    crm::ClientSession& session_;
    crm::NoteController* controller_;
    bool loading_ = false;
    QString header_;
    QLabel* headerLabel_;
    QLabel* draftLabel_;
    QWidget* editBar_;
    QLabel* editLabel_;
    QPushButton* leaveEdit_;
    RestoredDraftsBar* restoredBar_;
    AssistDraftBar* assistBar_;
    WrapupCodePicker* picker_;
    QPushButton* insertTemplate_;
    QPlainTextEdit* text_;
    QLabel* message_;
    QLabel* status_;
    OutboxStatusView* outboxView_;
    QPushButton* submit_;
    QAction* submitAction_;
    QAction* focusAction_;
    QDateTime draftSavedAt_;
    crm::CallPhase lastPhase_ = crm::CallPhase::Idle;
};

}  // namespace agentdesk::widgets
