// NoteController: agent assist's drafted note (docs/assist.md).
#include "crm/session/note_controller.h"

namespace agentdesk::crm {

void NoteController::applyAssistDraft(const AssistDraft& draft) {
    if (!assist_ || assist_->callId != draft.callId)
        assistUsed_ = false;
    assist_ = draft;
    useAssistDraftIfUntouched();
    emit stateChanged();
}

// Nothing the counselor wrote is replaced: only an empty note, or one holding just a code's
// template, takes the draft.
void NoteController::useAssistDraftIfUntouched() {
    if (!assist_ || assistUsed_ || mode_ != Mode::New || target_.callId != assist_->callId ||
        assist_->text.trimmed().isEmpty())
        return;
    const bool untouched = text_.trimmed().isEmpty() || text_ == templateFor(code_);
    if (!untouched) {
        // The counselor's words stay; the predicted code still saves them a pick.
        if ((code_.isEmpty() || intentCode_) && !assist_->wrapupCode.isEmpty() &&
            code_ != assist_->wrapupCode) {
            code_ = assist_->wrapupCode;
            intentCode_ = false;
            saveDraft();
            emit contentReplaced();
            emit stateChanged();
        }
        return;
    }
    assistUsed_ = true;
    text_ = assist_->text;
    if (!assist_->wrapupCode.isEmpty()) {
        code_ = assist_->wrapupCode;
        intentCode_ = false;
    }
    assistShown_ = true;
    saveDraft();
    emit contentReplaced();
    emit stateChanged();
}

// At hang-up, a note without a code gets the one the caller's IVR intent names (the same
// identifier in upper case: billing_inquiry → BILLING_INQUIRY), when the center has it. Assist's
// prediction, which also reads what was said, replaces it when it arrives (see above); a code the
// counselor chose is never replaced.
void NoteController::preselectCode(const Call& call) {
    if (mode_ != Mode::New || target_.callId != call.id || !code_.isEmpty() ||
        call.intent.isEmpty())
        return;
    for (const WrapupCode& code : session_.wrapupCodes()) {
        if (code.code.compare(call.intent, Qt::CaseInsensitive) != 0)
            continue;
        chooseWrapupCode(code.code);
        intentCode_ = true;
        return;
    }
}

void NoteController::insertAssistDraft() {
    if (!assistDraftOffered())
        return;
    assistUsed_ = true;
    text_ =
        text_.trimmed().isEmpty() ? assist_->text : text_ + QStringLiteral("\n\n") + assist_->text;
    if (code_.isEmpty())
        code_ = assist_->wrapupCode;
    saveDraft();
    emit contentReplaced();
    emit stateChanged();
}

void NoteController::acceptAssistDraft() {
    if (!assistShown_)
        return;
    assistShown_ = false;
    emit stateChanged();
}

bool NoteController::assistDraftOffered() const {
    return assist_ && !assistUsed_ && mode_ == Mode::New && target_.callId == assist_->callId &&
           !assist_->text.trimmed().isEmpty();
}

QStringList NoteController::suggestedCodes() const {
    QStringList out;
    if (!assist_ || mode_ != Mode::New || target_.callId != assist_->callId)
        return out;
    for (const AssistCodeScore& c : assist_->wrapup)
        out.append(c.code);
    return out;
}

}  // namespace agentdesk::crm
