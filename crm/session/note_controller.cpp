#include "crm/session/note_controller.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QPointer>
#include <QUuid>

#include "common/logging.h"
#include "crm/events/event_stream.h"
#include "crm/model/note.h"
#include "crm/store/local_store.h"

namespace agentdesk::crm {

const QString NoteController::kEditKeyPrefix = QStringLiteral("note:");

namespace {
std::shared_ptr<spdlog::logger> noteLog() {
    static auto logger = logging::get("ui");
    return logger;
}
// How long a wrap-up waits for its note to be delivered, so that it can name the note; after
// that it goes without (the server links the note to the call by its callId anyway).
constexpr int kNoteWaitMs = 3000;
constexpr int kWrapupRetryMs = 2000;
const QString kCustomerKeyPrefix = QStringLiteral("customer:");
// Text written with no call and no customer yet (e.g. inserted from an article): kept as a
// draft too, and carried into the first call or customer note that opens.
const QString kScratchKey = QStringLiteral("scratch");

bool inAfterCallWork(CallPhase phase) {
    return phase == CallPhase::Ended || phase == CallPhase::AfterCallWork;
}

// A draft whose note is already in the outbox (the app stopped between the two): submitting
// it again would make a second note.
bool alreadyQueued(const NoteDraft& draft, const QList<OutboxItem>& items) {
    for (const OutboxItem& item : items) {
        const QJsonObject body = QJsonDocument::fromJson(item.body).object();
        if (body.value(QLatin1String("callId")).toString() == draft.callId &&
            body.value(QLatin1String("customerId")).toString() == draft.customerId &&
            body.value(QLatin1String("text")).toString() == draft.text)
            return true;
    }
    return false;
}
}  // namespace

NoteController::NoteController(ClientSession& session, DraftAutosaver& autosaver, QObject* parent)
    : QObject(parent), session_(session), autosaver_(autosaver) {
    target_.key = kScratchKey;
    noteWait_.setSingleShot(true);
    noteWait_.setInterval(kNoteWaitMs);
    connect(&noteWait_, &QTimer::timeout, this, [this] {
        if (wrapup_) {
            wrapup_->noteWaitOver = true;
            tryWrapup();
        }
    });
    wrapupRetry_.setSingleShot(true);
    wrapupRetry_.setInterval(kWrapupRetryMs);
    connect(&wrapupRetry_, &QTimer::timeout, this, &NoteController::tryWrapup);

    CallSession& call = session_.call();
    connect(&call, &CallSession::phaseChanged, this, &NoteController::onPhase);
    connect(&call, &CallSession::callUpdated, this, &NoteController::onCallUpdated);
    connect(&call, &CallSession::offered, this, [this](const Call& offered) {
        // The customer on screen belongs to the previous call until the app says otherwise.
        screenCustomer_ = offered.customerId;
    });
    connect(&session_, &ClientSession::connectionStatusChanged, this,
            [this](ConnectionStatus status) { setOnline(isOnline(status)); });
    connect(&autosaver_, &DraftAutosaver::saved, this,
            [this](const QString& owner, const QString& key, qint64 updatedAtMs) {
                if (owner == session_.owner() && key == draftKey())
                    emit draftSaved(QDateTime::fromMSecsSinceEpoch(updatedAtMs));
            });
    if (Outbox* outbox = session_.outbox()) {
        connect(outbox, &Outbox::queued, this, &NoteController::onQueued);
        connect(outbox, &Outbox::delivered, this, &NoteController::onDelivered);
        connect(outbox, &Outbox::rejected, this,
                [this](const QString& key, const ApiError&) { onRejected(key); });
    }
    CommandTracker& commands = session_.commands();
    connect(&commands, &CommandTracker::confirmed, this, [this](const QString& requestId) {
        if (wrapup_ && !requestId.isEmpty() && wrapup_->requestId == requestId)
            finishWrapup(WrapupStatus::Done);
    });
    connect(&commands, &CommandTracker::failed, this,
            [this](const QString& requestId, const QString&, const ApiError& error) {
                if (!wrapup_ || requestId.isEmpty() || wrapup_->requestId != requestId)
                    return;
                wrapupError_ = error;
                if (error.retryable()) {
                    wrapup_->requestId.clear();
                    setWrapupStatus(WrapupStatus::WaitingForConnection);
                    wrapupRetry_.start();
                } else if (error.httpStatus == 404) {
                    finishWrapup(WrapupStatus::AcwOver);  // already wrapped up, or timed out
                } else {
                    finishWrapup(WrapupStatus::Failed);
                }
            });

    // The editor may be created while a call is already on (the app builds it after login).
    if (call.hasCall())
        onPhase(call.phase());
}

NoteController::~NoteController() = default;

QString NoteController::editDraftKey(const QString& noteId) {
    return kEditKeyPrefix + noteId;
}

QString NoteController::draftKey() const {
    return mode_ == Mode::Edit ? editDraftKey(edited_.id) : target_.key;
}

NoteController::Block NoteController::submitBlock() const {
    if (mode_ == Mode::Edit) {
        if (editStatus_ == EditStatus::Saving)
            return Block::Busy;
        if (code_.isEmpty())
            return Block::NoCode;
        if (!online_)
            return Block::Offline;
        return Block::None;
    }
    if (target_.key.isEmpty())
        return Block::NoTarget;
    if (target_.customerId.isEmpty())
        return Block::NoCustomer;
    if (code_.isEmpty())
        return Block::NoCode;
    return Block::None;
}

QString NoteController::customerName(const QString& customerId) const {
    if (customerId.isEmpty())
        return {};
    const Customer360& shown = session_.customer().customer();
    if (shown.customer.id == customerId && !shown.customer.name.isEmpty())
        return shown.customer.name;
    for (const CustomerMatch& match : session_.call().call().customerMatches) {
        if (match.id == customerId && !match.name.isEmpty())
            return match.name;
    }
    return {};
}

QString NoteController::templateFor(const QString& code) const {
    for (const WrapupCode& c : session_.wrapupCodes()) {
        if (c.code == code)
            return c.noteTemplate(noteLanguage());
    }
    return {};
}

bool NoteController::canInsertTemplate() const {
    const QString tmpl = templateFor(code_);
    return !tmpl.isEmpty() && !text_.trimmed().isEmpty() && !text_.contains(tmpl);
}

void NoteController::setText(const QString& text) {
    if (text == text_)
        return;
    text_ = text;
    assistShown_ = false;  // edited: the counselor's note now
    if (editStatus_ == EditStatus::Saved || editStatus_ == EditStatus::TookTheirs)
        editStatus_ = EditStatus::None;
    saveDraft();
    emit stateChanged();
}

void NoteController::chooseWrapupCode(const QString& code) {
    if (code == code_)
        return;
    intentCode_ = false;
    const QString previousTemplate = templateFor(code_);
    code_ = code;
    const QString tmpl = templateFor(code);
    const bool untouched =
        text_.trimmed().isEmpty() || (!previousTemplate.isEmpty() && text_ == previousTemplate);
    if (!tmpl.isEmpty() && untouched) {
        text_ = tmpl;
        emit contentReplaced();
    }
    saveDraft();
    emit stateChanged();
}

void NoteController::setOnline(bool online) {
    if (online_ == online)
        return;
    online_ = online;
    emit stateChanged();
    if (online_)
        tryWrapup();
    else if (wrapup_ && wrapup_->requestId.isEmpty())
        setWrapupStatus(WrapupStatus::WaitingForConnection);
}

void NoteController::setAfterWrapupState(const QString& state) {
    afterWrapupState_ =
        state == QLatin1String("not_ready") ? QStringLiteral("not_ready") : QStringLiteral("ready");
}

void NoteController::setCustomer(const QString& customerId) {
    screenCustomer_ = customerId;
    if (customerId.isEmpty())
        return;
    const CallSession& call = session_.call();
    if (call.hasCall() && !target_.callId.isEmpty() && target_.callId == call.callId()) {
        // The call matched no one (or several): the counselor's choice says whose call it was.
        if (call.call().customerId.isEmpty() && target_.customerId != customerId) {
            target_.customerId = customerId;
            saveDraft();
            emit stateChanged();
        }
        return;
    }
    if (mode_ == Mode::Edit || call.hasCall())
        return;
    // A call note still being written is finished first; it is never swapped out under the
    // counselor's hands (its draft would be safe, but out of sight).
    const bool writingCallNote =
        !target_.callId.isEmpty() && (!text_.trimmed().isEmpty() || !code_.isEmpty());
    if (writingCallNote) {
        if (target_.customerId.isEmpty()) {
            target_.customerId = customerId;
            saveDraft();
            emit stateChanged();
        }
        return;
    }
    switchTarget({kCustomerKeyPrefix + customerId, QString(), customerId});
}

void NoteController::onPhase(CallPhase phase) {
    const CallSession& call = session_.call();
    switch (phase) {
        case CallPhase::Connected:
        case CallPhase::Held:
        case CallPhase::Ended:
        case CallPhase::AfterCallWork:
            if (!call.callId().isEmpty())
                openCallNote(call.call());
            if (phase == CallPhase::Ended || phase == CallPhase::AfterCallWork)
                preselectCode(call.call());
            if (wrapup_ && inAfterCallWork(phase))
                tryWrapup();
            break;
        case CallPhase::Idle:
            if (wrapup_) {
                // The agent left after-call work: by our wrap-up, or the ACW timed out.
                finishWrapup(wrapup_->requestId.isEmpty() ? WrapupStatus::AcwOver
                                                          : WrapupStatus::Done);
            }
            break;
        case CallPhase::Ringing:
            break;
    }
}

void NoteController::onCallUpdated(const Call& call) {
    if (call.id == target_.callId && target_.customerId.isEmpty() && !call.customerId.isEmpty()) {
        target_.customerId = call.customerId;
        saveDraft();
        emit stateChanged();
    }
}

void NoteController::openCallNote(const Call& call) {
    const QString customerId = call.customerId.isEmpty() ? screenCustomer_ : call.customerId;
    const CallPhase phase = session_.call().phase();
    if (mode_ == Mode::Edit) {
        // The ended call's note comes first (ACW runs); the edit's draft is kept.
        if (!inAfterCallWork(phase)) {
            if (target_.callId != call.id)
                target_ = {call.id, call.id, customerId};
            return;
        }
        target_ = {call.id, call.id, customerId};
        leaveEdit();
        return;
    }
    if (target_.callId == call.id) {
        if (target_.customerId.isEmpty() && !customerId.isEmpty()) {
            target_.customerId = customerId;
            emit stateChanged();
        }
        return;
    }
    switchTarget({call.id, call.id, customerId});
    useAssistDraftIfUntouched();
}

void NoteController::switchTarget(const Target& target, bool force) {
    if (!force && mode_ == Mode::New && target.key == target_.key)
        return;
    const bool carry = mode_ == Mode::New && target_.key == kScratchKey &&
                       target.key != kScratchKey &&
                       (!text_.trimmed().isEmpty() || !code_.isEmpty());
    if (carry) {
        autosaver_.discard(session_.owner(), kScratchKey);
        ++loadGeneration_;
        target_ = target;
        saveDraft();
        emit contentReplaced();
        emit stateChanged();
        return;
    }
    autosaver_.flushNow();  // the store runs jobs in order: the load below sees this save
    if (!wrapup_)
        wrapupStatus_ = WrapupStatus::None;  // the last call's outcome is not this note's
    mode_ = Mode::New;
    edited_ = {};
    editStatus_ = EditStatus::None;
    target_ = target;
    text_.clear();
    code_.clear();
    assistShown_ = false;
    intentCode_ = false;
    const quint64 generation = ++loadGeneration_;
    emit contentReplaced();
    emit stateChanged();
    LocalStore* store = session_.store();
    if (!store || target_.key.isEmpty() || session_.owner().isEmpty())
        return;
    store->loadDraft(session_.owner(), target_.key, this,
                     [this, generation](std::optional<NoteDraft> draft) {
                         if (!draft || generation != loadGeneration_ || mode_ != Mode::New)
                             return;
                         if (!text_.isEmpty() || !code_.isEmpty())
                             return;  // typed meanwhile: that is newer
                         text_ = draft->text;
                         code_ = draft->wrapupCode;
                         if (target_.customerId.isEmpty())
                             target_.customerId = draft->customerId;
                         emit contentReplaced();
                         emit stateChanged();
                     });
}

void NoteController::saveDraft() {
    const QString key = draftKey();
    if (key.isEmpty() || session_.owner().isEmpty())
        return;
    NoteDraft draft;
    draft.owner = session_.owner();
    draft.key = key;
    draft.customerId = mode_ == Mode::Edit ? edited_.customerId : target_.customerId;
    draft.callId = mode_ == Mode::Edit ? edited_.callId : target_.callId;
    draft.wrapupCode = code_;
    draft.text = text_;
    autosaver_.edited(draft);
}

void NoteController::submit() {
    if (submitBlock() != Block::None)
        return;
    if (mode_ == Mode::Edit) {
        saveEdit();
        return;
    }
    NoteSubmission note;
    note.idempotencyKey = QUuid::createUuid().toString(QUuid::WithoutBraces);
    note.callId = target_.callId;
    note.customerId = target_.customerId;
    note.wrapupCode = code_;
    note.text = text_;
    Outbox* outbox = session_.outbox();
    if (!outbox) {
        // No local store (not the app's setup): nothing to queue in, so send directly.
        session_.api().createNote(this, note, [](const Note&, const ApiError& error) {
            if (error)
                noteLog()->warn("note not saved: {}", error.describe().toStdString());
        });
        autosaver_.discard(session_.owner(), target_.key);
    } else {
        // The draft is removed in the transaction that queues the note. Saves still waiting in
        // the autosaver go to the store first: if queuing fails, the draft has the latest text.
        submittedDrafts_.insert(note.idempotencyKey, target_.key);
        autosaver_.flushNow();
        outbox->submitNote(note, target_.key);
    }

    const CallSession& call = session_.call();
    if (!target_.callId.isEmpty() && call.callId() == target_.callId &&
        inAfterCallWork(call.phase())) {
        wrapupRetry_.stop();
        noteWait_.stop();
        wrapupError_ = {};
        wrapup_ = PendingWrapup{target_.callId, code_,     afterWrapupState_, note.idempotencyKey,
                                QString(),      QString(), outbox == nullptr};
        wrapupNextState_ = afterWrapupState_;
    }
    // The editor is ready for the next note; the submitted one is the outbox's now.
    text_.clear();
    code_.clear();
    emit contentReplaced();
    emit submitted(note.idempotencyKey);
    emit stateChanged();
    if (wrapup_)
        tryWrapup();
}

void NoteController::onQueued(const QString& key) {
    const auto it = submittedDrafts_.find(key);
    if (it == submittedDrafts_.end())
        return;
    const QString draft = it.value();
    submittedDrafts_.erase(it);
    autosaver_.discard(session_.owner(), draft);
    // A new note under the same key was started meanwhile: its draft must not go with it.
    if (draft == draftKey() && (!text_.isEmpty() || !code_.isEmpty()))
        saveDraft();
}

void NoteController::onDelivered(const QString& key, const Note& note) {
    if (wrapup_ && wrapup_->noteKey == key) {
        wrapup_->noteId = note.id;
        tryWrapup();
    }
}

void NoteController::onRejected(const QString& key) {
    // The note needs the counselor (the outbox view shows why); the wrap-up need not wait.
    if (wrapup_ && wrapup_->noteKey == key) {
        wrapup_->noteWaitOver = true;
        tryWrapup();
    }
    emit stateChanged();
}

void NoteController::tryWrapup() {
    if (!wrapup_ || !wrapup_->requestId.isEmpty())
        return;
    CallSession& call = session_.call();
    if (!online_) {
        setWrapupStatus(WrapupStatus::WaitingForConnection);
        return;
    }
    if (call.callId() != wrapup_->callId || !inAfterCallWork(call.phase())) {
        finishWrapup(WrapupStatus::AcwOver);
        return;
    }
    if (wrapup_->noteId.isEmpty() && !wrapup_->noteWaitOver) {
        const Outbox* outbox = session_.outbox();
        const auto entry = outbox ? outbox->entry(wrapup_->noteKey) : std::nullopt;
        const bool stillPending = !entry || entry->state == OutboxItem::State::Pending;
        if (stillPending) {
            if (!noteWait_.isActive())
                noteWait_.start();
            setWrapupStatus(WrapupStatus::WaitingForNote);
            return;
        }
    }
    noteWait_.stop();
    wrapupRetry_.stop();
    wrapup_->requestId = call.wrapup(wrapup_->code, wrapup_->noteId, wrapup_->nextState);
    if (wrapup_->requestId.isEmpty()) {
        finishWrapup(WrapupStatus::Failed);
        return;
    }
    setWrapupStatus(WrapupStatus::Sending);
}

void NoteController::finishWrapup(WrapupStatus status) {
    if (!wrapup_)
        return;
    const QString callId = wrapup_->callId;
    wrapup_.reset();
    noteWait_.stop();
    wrapupRetry_.stop();
    setWrapupStatus(status);
    if (status == WrapupStatus::Done)
        emit wrapUpFinished(callId);
}

void NoteController::setWrapupStatus(WrapupStatus status) {
    wrapupStatus_ = status;
    emit stateChanged();
}

void NoteController::restoreDrafts() {
    LocalStore* store = session_.store();
    const QString owner = session_.owner();
    if (!store || owner.isEmpty())
        return;
    autosaver_.flushNow();
    store->loadDrafts(owner, this, [this, store, owner](QList<NoteDraft> drafts) {
        if (drafts.isEmpty() || owner != session_.owner())
            return;
        store->pending(owner, this, [this, owner, drafts](QList<OutboxItem> items) {
            if (owner != session_.owner())
                return;
            QList<NoteDraft> kept;
            for (const NoteDraft& d : drafts) {
                const bool empty = d.text.trimmed().isEmpty() && d.wrapupCode.isEmpty();
                if (empty || alreadyQueued(d, items)) {
                    autosaver_.discard(owner, d.key);
                    continue;
                }
                kept.append(d);
            }
            if (kept.isEmpty())
                return;
            // The newest comes back, unless the counselor is already writing something else.
            const NoteDraft& newest = kept.front();
            const bool editorFree =
                (text_.trimmed().isEmpty() && code_.isEmpty()) || draftKey() == newest.key;
            if (editorFree)
                openDraft(newest);
            qint64 shownAt = 0;
            for (const NoteDraft& d : kept) {
                if (d.key == draftKey())
                    shownAt = d.updatedAtMs;
            }
            emit draftsRestored(kept, draftKey(), shownAt);
        });
    });
}

void NoteController::openDraft(const NoteDraft& draft) {
    autosaver_.flushNow();
    if (draft.key.startsWith(kEditKeyPrefix)) {
        // An edit of an earlier note: its version comes from the server.
        const QString noteId = draft.key.mid(kEditKeyPrefix.size());
        QPointer<NoteController> self(this);
        session_.api().note(this, noteId, [self, draft](const Note& note, const ApiError& error) {
            if (!self || error)
                return;
            self->editExisting(note);
            self->text_ = draft.text;
            self->code_ = draft.wrapupCode;
            emit self->contentReplaced();
            emit self->stateChanged();
        });
        return;
    }
    ++loadGeneration_;
    mode_ = Mode::New;
    edited_ = {};
    editStatus_ = EditStatus::None;
    target_ = {draft.key, draft.callId, draft.customerId};
    text_ = draft.text;
    code_ = draft.wrapupCode;
    emit contentReplaced();
    emit stateChanged();
}

}  // namespace agentdesk::crm
