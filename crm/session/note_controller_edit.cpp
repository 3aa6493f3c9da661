// NoteController: editing a note already saved on the server, and its version conflicts (another
// counselor or lead saved it meanwhile: keep mine, take theirs, or merge).
#include <QPointer>

#include "crm/session/note_controller.h"

namespace agentdesk::crm {

void NoteController::editExisting(const Note& note) {
    autosaver_.flushNow();
    ++loadGeneration_;
    mode_ = Mode::Edit;
    edited_ = note;
    text_ = note.text;
    code_ = note.wrapupCode;
    editStatus_ = EditStatus::None;
    editError_ = {};
    emit contentReplaced();
    emit stateChanged();
}

void NoteController::leaveEdit() {
    if (mode_ != Mode::Edit)
        return;
    ++editGeneration_;  // an answer still on its way no longer concerns the editor
    switchTarget(target_, true);
}

void NoteController::saveEdit() {
    editStatus_ = EditStatus::Saving;
    editError_ = {};
    emit stateChanged();
    const quint64 generation = ++editGeneration_;
    const QString sentText = text_;
    const QString sentCode = code_;
    const QString noteId = edited_.id;
    QPointer<NoteController> self(this);
    session_.api().updateNote(
        this, noteId, sentText, sentCode, edited_.version,
        [self, generation, sentText, sentCode, noteId](const Note& saved, const ApiError& error) {
            if (!self || generation != self->editGeneration_)
                return;
            self->onEditAnswer(saved, error, sentText, sentCode);
        });
}

void NoteController::onEditAnswer(const Note& saved, const ApiError& error, const QString& sentText,
                                  const QString& sentCode) {
    if (!error) {
        edited_ = saved;
        editStatus_ = EditStatus::Saved;
        editSavedAt_ = QDateTime::currentDateTime();
        autosaver_.discard(session_.owner(), editDraftKey(saved.id));
        if (text_ != sentText || code_ != sentCode)  // typed while it was saving
            saveDraft();
        emit stateChanged();
        return;
    }
    if (error.httpStatus == 409 && error.code == QLatin1String("version_conflict")) {
        const Note theirs = Note::fromJson(error.body.value(QLatin1String("current")).toObject());
        editStatus_ = EditStatus::Conflict;
        editError_ = error;
        emit stateChanged();
        emit conflict(text_, code_, theirs);
        return;
    }
    editStatus_ = EditStatus::Failed;
    editError_ = error;
    emit stateChanged();
}

void NoteController::keepMine(const Note& theirs) {
    if (mode_ != Mode::Edit || theirs.id != edited_.id)
        return;
    edited_.version = theirs.version;
    saveEdit();
}

void NoteController::takeTheirs(const Note& theirs) {
    if (mode_ != Mode::Edit || theirs.id != edited_.id)
        return;
    edited_ = theirs;
    text_ = theirs.text;
    code_ = theirs.wrapupCode;
    editStatus_ = EditStatus::TookTheirs;
    autosaver_.discard(session_.owner(), editDraftKey(theirs.id));
    emit contentReplaced();
    emit stateChanged();
}

void NoteController::editMerge(const Note& theirs, const QString& merged) {
    if (mode_ != Mode::Edit || theirs.id != edited_.id)
        return;
    edited_.version = theirs.version;
    edited_.updatedAt = theirs.updatedAt;
    text_ = merged;
    editStatus_ = EditStatus::Merging;
    saveDraft();
    emit contentReplaced();
    emit stateChanged();
}

}  // namespace agentdesk::crm
