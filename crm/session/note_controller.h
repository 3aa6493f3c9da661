#pragma once
// The logic behind the note editor, without widgets (docs/architecture.md): which note is being
// written (a call's note, a memo for the customer on screen, or an earlier note being edited),
// the draft autosave, submitting through the outbox, finishing the wrap-up (later, when the
// connection returns, if need be), and saving edits of earlier notes with version conflicts.
//
// Threads: the GUI thread, like the ClientSession it follows.
#include <optional>

#include <QDateTime>
#include <QHash>
#include <QList>
#include <QObject>
#include <QString>
#include <QStringList>
#include <QTimer>

#include "crm/session/client_session.h"
#include "crm/store/draft_autosaver.h"

namespace agentdesk::crm {

class NoteController : public QObject {
    Q_OBJECT
public:
    enum class Mode { New, Edit };
    // Why the note cannot be submitted right now.
    enum class Block { None, NoTarget, NoCustomer, NoCode, Offline, Busy };
    enum class WrapupStatus {
        None,
        WaitingForNote,
        WaitingForConnection,
        Sending,
        Done,
        Failed,
        AcwOver
    };
    enum class EditStatus { None, Saving, Saved, Conflict, Failed, TookTheirs, Merging };

    // What a new note is for: the draft key (a call id, or "customer:<id>"), call and customer.
    struct Target {
        QString key, callId, customerId;
    };

    NoteController(ClientSession& session, DraftAutosaver& autosaver, QObject* parent = nullptr);
    ~NoteController() override;

    Mode mode() const { return mode_; }
    const Target& target() const { return target_; }
    const Note& editedNote() const { return edited_; }
    QString text() const { return text_; }
    QString wrapupCode() const { return code_; }
    QString draftKey() const;
    bool online() const { return online_; }
    QString afterWrapupState() const { return afterWrapupState_; }
    Block submitBlock() const;
    WrapupStatus wrapupStatus() const { return wrapupStatus_; }
    const ApiError& wrapupError() const { return wrapupError_; }
    QString wrapupNextState() const { return wrapupNextState_; }
    EditStatus editStatus() const { return editStatus_; }
    const ApiError& editError() const { return editError_; }
    QDateTime editSavedAt() const { return editSavedAt_; }
    // The customer's name when the session knows it (the call's match or the 360 view), else
    // empty.
    QString customerName(const QString& customerId) const;
    // The template of a code in the UI language (empty when it has none).
    QString templateFor(const QString& code) const;
    // A code with a template was chosen while text was already there.
    bool canInsertTemplate() const;

    // Edits by the counselor (each goes to the draft autosaver).
    void setText(const QString& text);
    // Choosing a code; with no text yet (or only the previous code's template) the code's
    // template becomes the text, and contentReplaced() is emitted.
    void chooseWrapupCode(const QString& code);

    void setOnline(bool online);
    void setAfterWrapupState(const QString& state);
    void setCustomer(const QString& customerId);
    // New note: to the outbox, then the wrap-up when in after-call work for its call. Edit:
    // PUT /notes/{id} with the version it is based on.
    void submit();
    void editExisting(const Note& note);
    void leaveEdit();
    // Answers to a version conflict (see NoteConflictDialog).
    void keepMine(const Note& theirs);
    void takeTheirs(const Note& theirs);
    void editMerge(const Note& theirs, const QString& merged);
    void restoreDrafts();
    void openDraft(const NoteDraft& draft);

    // Agent assist's draft of a call's note (assist.draft, note_controller_assist.cpp). When the
    // call's note has nothing the counselor wrote (at most a code's template), the draft becomes
    // the text and its predicted code is chosen, marked as a draft until the counselor edits or
    // accepts it; otherwise it is only offered, and insertAssistDraft() appends it.
    void applyAssistDraft(const AssistDraft& draft);
    void insertAssistDraft();
    void acceptAssistDraft();
    // The text is assist's draft, not yet edited or accepted.
    bool showingAssistDraft() const { return assistShown_; }
    // A draft for this note that is not in the text.
    bool assistDraftOffered() const;
    // The codes assist predicted for this note's call, best first (≤ 3).
    QStringList suggestedCodes() const;

signals:
    // Text, code, target or mode were replaced by the controller: the view reloads them.
    void contentReplaced();
    // Anything the view shows besides the content changed (block, statuses).
    void stateChanged();
    void draftSaved(const QDateTime& at);
    void submitted(const QString& idempotencyKey);
    void conflict(const QString& myText, const QString& myCode, const Note& theirs);
    // Drafts of an earlier run (newest first) and the key of the one now in the editor.
    void draftsRestored(const QList<NoteDraft>& drafts, const QString& shownKey,
                        qint64 shownUpdatedAtMs);
    void wrapUpFinished(const QString& callId);

private:
    // Drafts of edits to saved notes are kept under "note:<id>".
    static const QString kEditKeyPrefix;
    static QString editDraftKey(const QString& noteId);

    struct PendingWrapup {
        QString callId, code, nextState, noteKey, noteId, requestId;
        bool noteWaitOver = false;
    };

    void onPhase(CallPhase phase);
    void onCallUpdated(const Call& call);
    void openCallNote(const Call& call);
    void preselectCode(const Call& call);
    void switchTarget(const Target& target, bool force = false);
    void saveDraft();
    void onQueued(const QString& key);
    void onDelivered(const QString& key, const Note& note);
    void onRejected(const QString& key);
    void tryWrapup();
    void finishWrapup(WrapupStatus status);
    void saveEdit();
    void onEditAnswer(const Note& saved, const ApiError& error, const QString& sentText,
                      const QString& sentCode);
    void setWrapupStatus(WrapupStatus status);
    void useAssistDraftIfUntouched();

    ClientSession& session_;
    DraftAutosaver& autosaver_;
    Mode mode_ = Mode::New;
    Target target_;
    Note edited_;
    QString text_, code_;
    QString screenCustomer_;
    bool online_ = true;
    QString afterWrapupState_ = QStringLiteral("ready");
    quint64 loadGeneration_ = 0;
    quint64 editGeneration_ = 0;
    // Idempotency key → the draft key it was written under (dropped once queued).
    QHash<QString, QString> submittedDrafts_;
    std::optional<PendingWrapup> wrapup_;
    WrapupStatus wrapupStatus_ = WrapupStatus::None;
    ApiError wrapupError_;
    QString wrapupNextState_;
    QTimer noteWait_;
    QTimer wrapupRetry_;
    EditStatus editStatus_ = EditStatus::None;
    ApiError editError_;
    QDateTime editSavedAt_;
    std::optional<AssistDraft> assist_;  // the latest call's draft
    bool assistShown_ = false;
    bool assistUsed_ = false;  // put in the text once (or inserted): never again for that call
    bool intentCode_ = false;  // code_ came from the IVR intent, not from the counselor or assist
};

}  // namespace agentdesk::crm
