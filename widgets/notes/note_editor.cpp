#include "widgets/notes/note_editor.h"

#include <QApplication>
#include <QEvent>
#include <QHBoxLayout>
#include <QTextCursor>
#include <QVBoxLayout>

#include "crm/session/note_controller.h"
#include "widgets/common/error_text.h"
#include "widgets/common/format.h"
#include "widgets/common/tone.h"
#include "widgets/notes/assist_draft_bar.h"
#include "widgets/notes/note_conflict_dialog.h"
#include "widgets/notes/outbox_status_view.h"
#include "widgets/notes/restored_drafts_bar.h"
#include "widgets/notes/wrapup_code_picker.h"
#include "widgets/softphone/softphone_texts.h"

namespace agentdesk::widgets {

using crm::NoteController;
using Block = NoteController::Block;
using EditStatus = NoteController::EditStatus;
using WrapupStatus = NoteController::WrapupStatus;

NoteEditor::NoteEditor(crm::ClientSession& session, crm::DraftAutosaver& autosaver, QWidget* parent)
    : QWidget(parent),
      session_(session),
      controller_(new NoteController(session, autosaver, this)) {
    setObjectName(QStringLiteral("noteEditor"));

    headerLabel_ = new QLabel(this);
    headerLabel_->setObjectName(QStringLiteral("noteHeader"));
    headerLabel_->setTextFormat(Qt::PlainText);
    headerLabel_->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    QFont bold = headerLabel_->font();
    bold.setBold(true);
    headerLabel_->setFont(bold);
    draftLabel_ = new QLabel(this);
    draftLabel_->setObjectName(QStringLiteral("draftStatus"));
    draftLabel_->setStyleSheet(toneStyle(Tone::Hint));

    editBar_ = new QWidget(this);
    editLabel_ = new QLabel(editBar_);
    editLabel_->setObjectName(QStringLiteral("editStatus"));
    editLabel_->setTextFormat(Qt::PlainText);
    editLabel_->setWordWrap(true);
    leaveEdit_ = new QPushButton(editBar_);
    leaveEdit_->setObjectName(QStringLiteral("leaveEditButton"));
    auto* editRow = new QHBoxLayout(editBar_);
    editRow->setContentsMargins(0, 0, 0, 0);
    editRow->addWidget(editLabel_, 1);
    editRow->addWidget(leaveEdit_);

    restoredBar_ = new RestoredDraftsBar(this);
    assistBar_ = new AssistDraftBar(this);

    picker_ = new WrapupCodePicker(this);
    picker_->setCodes(session_.wrapupCodes());
    insertTemplate_ = new QPushButton(this);
    insertTemplate_->setObjectName(QStringLiteral("insertTemplateButton"));

    text_ = new QPlainTextEdit(this);
    text_->setObjectName(QStringLiteral("noteText"));
    text_->setTabChangesFocus(true);
    text_->setMinimumHeight(80);

    message_ = new QLabel(this);
    message_->setObjectName(QStringLiteral("noteMessage"));
    message_->setTextFormat(Qt::PlainText);
    message_->setWordWrap(true);
    message_->setStyleSheet(toneStyle(Tone::Error));
    status_ = new QLabel(this);
    status_->setObjectName(QStringLiteral("noteStatus"));
    status_->setTextFormat(Qt::PlainText);
    status_->setWordWrap(true);

    outboxView_ = new OutboxStatusView(session_.outbox(), this);
    submit_ = new QPushButton(this);
    submit_->setObjectName(QStringLiteral("submitButton"));
    submit_->setDefault(true);

    submitAction_ = new QAction(this);
    submitAction_->setObjectName(QStringLiteral("submitNote"));
    addAction(submitAction_);
    focusAction_ = new QAction(this);
    focusAction_->setObjectName(QStringLiteral("focusNote"));
    addAction(focusAction_);

    auto* top = new QHBoxLayout;
    top->addWidget(headerLabel_, 1);
    top->addWidget(draftLabel_);
    auto* codeRow = new QHBoxLayout;
    codeRow->addWidget(picker_, 1);
    codeRow->addWidget(insertTemplate_);
    auto* bottom = new QHBoxLayout;
    bottom->addWidget(outboxView_, 1);
    bottom->addWidget(submit_, 0, Qt::AlignBottom);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 6, 6, 6);
    layout->setSpacing(4);
    layout->addLayout(top);
    layout->addWidget(editBar_);
    layout->addWidget(restoredBar_);
    layout->addWidget(assistBar_);
    layout->addLayout(codeRow);
    layout->addWidget(text_, 1);
    layout->addWidget(message_);
    layout->addWidget(status_);
    layout->addLayout(bottom);

    connect(text_, &QPlainTextEdit::textChanged, this, [this] {
        if (!loading_)
            controller_->setText(text_->toPlainText());
    });
    connect(picker_, &WrapupCodePicker::codeChosen, controller_, &NoteController::chooseWrapupCode);
    connect(insertTemplate_, &QPushButton::clicked, this, [this] {
        text_->textCursor().insertText(controller_->templateFor(controller_->wrapupCode()));
        text_->setFocus();
    });
    connect(submit_, &QPushButton::clicked, controller_, &NoteController::submit);
    connect(submitAction_, &QAction::triggered, controller_, &NoteController::submit);
    connect(focusAction_, &QAction::triggered, this, &NoteEditor::focusEditor);
    connect(leaveEdit_, &QPushButton::clicked, controller_, &NoteController::leaveEdit);
    connect(restoredBar_, &RestoredDraftsBar::draftChosen, controller_, &NoteController::openDraft);
    connect(assistBar_, &AssistDraftBar::acceptRequested, controller_,
            &NoteController::acceptAssistDraft);
    connect(assistBar_, &AssistDraftBar::insertRequested, controller_,
            &NoteController::insertAssistDraft);
    connect(assistBar_, &AssistDraftBar::codeChosen, controller_,
            &NoteController::chooseWrapupCode);
    connect(&session_.assist(), &crm::AssistSession::draftReady, controller_,
            &NoteController::applyAssistDraft);

    connect(controller_, &NoteController::contentReplaced, this, &NoteEditor::reloadContent);
    connect(controller_, &NoteController::stateChanged, this, &NoteEditor::refresh);
    connect(controller_, &NoteController::draftSaved, this, [this](const QDateTime& at) {
        draftSavedAt_ = at;
        refresh();
    });
    connect(controller_, &NoteController::submitted, this, [this] {
        draftSavedAt_ = {};
        restoredBar_->hide();
        refresh();
    });
    connect(controller_, &NoteController::conflict, this, &NoteEditor::showConflict);
    connect(controller_, &NoteController::draftsRestored, this,
            [this](const QList<crm::NoteDraft>& drafts, const QString& shownKey, qint64) {
                restoredBar_->showDrafts(drafts, shownKey);
            });
    connect(controller_, &NoteController::wrapUpFinished, this, &NoteEditor::wrapUpFinished);
    // Hang-up: the counselor's next job is the note, so the keyboard goes there (typing must not
    // land in whatever search box had the focus during the call).
    lastPhase_ = session_.call().phase();
    connect(&session_.call(), &crm::CallSession::phaseChanged, this, [this](crm::CallPhase phase) {
        const bool talking =
            lastPhase_ == crm::CallPhase::Connected || lastPhase_ == crm::CallPhase::Held;
        lastPhase_ = phase;
        if (talking && (phase == crm::CallPhase::Ended || phase == crm::CallPhase::AfterCallWork))
            focusEditor();
    });
    // The status line names the agent's state as it is now (after a reconnect or a new login,
    // not the state the last wrap-up asked for).
    connect(&session_.agent(), &crm::AgentSession::stateChanged, this, &NoteEditor::refresh);
    // The codes come with the login; the editor may exist before.
    connect(&session_, &crm::ClientSession::loggedInChanged, this,
            [this] { picker_->setCodes(session_.wrapupCodes()); });

    retranslate();
    reloadContent();
}

NoteEditor::~NoteEditor() = default;

void NoteEditor::setAfterWrapupState(const QString& state) {
    controller_->setAfterWrapupState(state);
}

void NoteEditor::setCustomer(const QString& customerId) {
    controller_->setCustomer(customerId);
}

void NoteEditor::insertText(const QString& text) {
    if (text.isEmpty())
        return;
    QTextCursor cursor = text_->textCursor();
    // An article excerpt goes on a line of its own when the cursor sits after other text.
    if (cursor.positionInBlock() > 0)
        cursor.insertText(QStringLiteral("\n"));
    cursor.insertText(text);
    text_->setTextCursor(cursor);
    text_->ensureCursorVisible();
}

void NoteEditor::editExistingNote(const crm::Note& note) {
    controller_->editExisting(note);
    focusEditor();
}

void NoteEditor::restoreDrafts() {
    controller_->restoreDrafts();
}

void NoteEditor::setOnline(bool online) {
    controller_->setOnline(online);  // refresh() passes it on to the outbox view
}

void NoteEditor::focusEditor() {
    text_->setFocus(Qt::ShortcutFocusReason);
    text_->ensureCursorVisible();
}

void NoteEditor::reloadContent() {
    loading_ = true;
    if (picker_->codes().size() != session_.wrapupCodes().size())
        picker_->setCodes(session_.wrapupCodes());
    picker_->setCurrentCode(controller_->wrapupCode());
    if (text_->toPlainText() != controller_->text()) {
        // Through a cursor, so that a template or a restored text can be undone.
        QTextCursor cursor(text_->document());
        cursor.select(QTextCursor::Document);
        cursor.insertText(controller_->text());
        text_->moveCursor(QTextCursor::End);
    }
    loading_ = false;
    refresh();
}

QString NoteEditor::codeLabel(const QString& code) const {
    if (const crm::WrapupCode* c = picker_->find(code))
        return c->label(noteLanguage());
    return code.isEmpty() ? tr("no wrap-up code") : code;
}

bool NoteEditor::submitWrapsUp() const {
    const NoteController::Target& target = controller_->target();
    const crm::CallSession& call = session_.call();
    return controller_->mode() == NoteController::Mode::New && !target.callId.isEmpty() &&
           call.callId() == target.callId &&
           (call.phase() == crm::CallPhase::Ended || call.phase() == crm::CallPhase::AfterCallWork);
}

QString NoteEditor::headerText() const {
    if (controller_->mode() == NoteController::Mode::Edit) {
        const crm::Note& note = controller_->editedNote();
        return tr("Editing the note of %1 (version %2)")
            .arg(formatDateTime(note.createdAt.toLocalTime()))
            .arg(note.version);
    }
    const NoteController::Target& target = controller_->target();
    const QString known = controller_->customerName(target.customerId);
    const QString name =
        target.customerId.isEmpty() ? QString()
        : known.isEmpty()
            ? tr("customer %1", "a customer id, when the name is not known").arg(target.customerId)
            : customerDisplayName(known);
    if (!target.callId.isEmpty()) {
        const crm::CallSession& call = session_.call();
        const bool current = call.callId() == target.callId;
        QString text = name.isEmpty() ? tr("Call note (customer not chosen yet)")
                                      : tr("Call note: %1").arg(name);
        if (submitWrapsUp())
            text += QStringLiteral(" · ") +
                    tr("After-call work", "후처리: the time after a call for notes");
        else if (!current || !call.hasCall())
            text += QStringLiteral(" · ") + tr("call ended, no wrap-up needed");
        return text;
    }
    if (!target.customerId.isEmpty())
        return tr("Memo: %1").arg(name);
    return tr("New note (no call or customer yet)");
}

QString NoteEditor::blockText() const {
    switch (controller_->submitBlock()) {
        case Block::None:
            return {};
        case Block::NoTarget:
            return tr("Take a call or open a customer to write a note.");
        case Block::NoCustomer:
            return tr("Choose the customer this note is for (in the customer view) to submit it.");
        case Block::NoCode:
            return tr("Choose a wrap-up code to submit the note.",
                      "처리 코드: required before submitting");
        case Block::Offline:
            return tr("Saving a change to an earlier note needs the connection.");
        case Block::Busy:
            return {};
    }
    return {};
}

QString NoteEditor::statusText() const {
    if (controller_->mode() == NoteController::Mode::Edit) {
        switch (controller_->editStatus()) {
            case EditStatus::None:
                return {};
            case EditStatus::Saving:
                return tr("Saving…");
            case EditStatus::Saved:
                return tr("Saved %1")
                    .arg(controller_->editSavedAt().toString(QStringLiteral("HH:mm:ss")));
            case EditStatus::Conflict:
                return tr(
                    "Someone else changed this note meanwhile: compare both versions in "
                    "the window that opened.");
            case EditStatus::Failed:
                return tr("Not saved: %1").arg(errorText(controller_->editError()));
            case EditStatus::TookTheirs:
                return tr("Showing the current version from the server.");
            case EditStatus::Merging:
                return tr("Merged with the current version: check the text and save again.");
        }
        return {};
    }
    switch (controller_->wrapupStatus()) {
        case WrapupStatus::None:
            return {};
        case WrapupStatus::WaitingForNote:
            return tr("Sending the note, then finishing wrap-up…");
        case WrapupStatus::WaitingForConnection:
            return tr("Wrap-up will finish automatically when the connection returns.");
        case WrapupStatus::Sending:
            return tr("Finishing wrap-up…");
        case WrapupStatus::Done:
            return tr("Wrap-up finished. You are now: %1").arg(currentStateText());
        case WrapupStatus::Failed:
            return tr("Wrap-up failed: %1").arg(errorText(controller_->wrapupError()));
        case WrapupStatus::AcwOver:
            return tr("After-call work had already ended: the note is saved without wrap-up.");
    }
    return {};
}

QString NoteEditor::currentStateText() const {
    const crm::AgentSession& agent = session_.agent();
    return SoftphoneTexts::stateWithReason(session_.capabilities(), agent.state(), agent.reason());
}

void NoteEditor::refresh() {
    outboxView_->setOnline(controller_->online());
    const bool editing = controller_->mode() == NoteController::Mode::Edit;
    header_ = headerText();
    headerLabel_->setToolTip(header_);
    headerLabel_->setText(headerLabel_->fontMetrics().elidedText(
        header_, Qt::ElideRight, std::max(40, headerLabel_->width())));

    draftLabel_->setText(
        draftSavedAt_.isValid()
            ? tr("Draft saved %1").arg(draftSavedAt_.toString(QStringLiteral("HH:mm:ss")))
            : QString());

    editBar_->setVisible(editing);
    leaveEdit_->setText(controller_->editStatus() == EditStatus::Saved ||
                                controller_->editStatus() == EditStatus::TookTheirs
                            ? tr("Done")
                            : tr("Cancel edit"));
    editLabel_->setText(editing ? statusText() : QString());
    editLabel_->setVisible(!editLabel_->text().isEmpty());

    const Block block = controller_->submitBlock();
    submit_->setEnabled(block == Block::None);
    submitAction_->setEnabled(block == Block::None);
    message_->setText(blockText());
    message_->setVisible(!message_->text().isEmpty());

    status_->setText(editing ? QString() : statusText());
    status_->setVisible(!status_->text().isEmpty());

    insertTemplate_->setVisible(controller_->canInsertTemplate());
    assistBar_->show(controller_->showingAssistDraft(), controller_->assistDraftOffered(),
                     controller_->suggestedCodes(), controller_->wrapupCode(),
                     [this](const QString& code) { return codeLabel(code); });
    // A draft not yet checked by the counselor looks different from their own words.
    // (A dashed edge in the warning tone reads in every look; the tint only on a light one.)
    const QPalette& palette = QApplication::palette();
    text_->setStyleSheet(
        controller_->showingAssistDraft()
            ? QStringLiteral("QPlainTextEdit { border: 2px dashed %1; %2}")
                  .arg(toneColor(Tone::Warning, palette),
                       isDarkPalette(palette) ? QString() : QStringLiteral("background: #fffdf3; "))
            : QString());

    if (editing)
        submit_->setText(tr("Save changes"));
    else if (submitWrapsUp())
        submit_->setText(tr("Save and wrap up", "save the note and end after-call work"));
    else
        submit_->setText(tr("Save note"));
}

void NoteEditor::showConflict(const QString& myText, const QString& myCode,
                              const crm::Note& theirs) {
    auto* dialog = new NoteConflictDialog(myText, codeLabel(myCode), theirs,
                                          codeLabel(theirs.wrapupCode), this);
    dialog->setWindowFlag(Qt::Window);
    connect(dialog, &NoteConflictDialog::keepMine, controller_, &NoteController::keepMine);
    connect(dialog, &NoteConflictDialog::takeTheirs, controller_, &NoteController::takeTheirs);
    connect(dialog, &NoteConflictDialog::editMerge, controller_, &NoteController::editMerge);
    dialog->show();
}

void NoteEditor::retranslate() {
    insertTemplate_->setText(tr("Insert template"));
    insertTemplate_->setToolTip(tr("Insert this wrap-up code's template at the cursor"));
    text_->setPlaceholderText(tr("What was the call about, what was done, what was promised…"));
    text_->setAccessibleName(tr("Note"));
    text_->setAccessibleDescription(text_->placeholderText());
    picker_->setToolTip(tr("Wrap-up code (required)", "처리 코드"));
    picker_->setAccessibleName(picker_->toolTip());
    submitAction_->setText(tr("Save the note and wrap up"));
    focusAction_->setText(tr("Go to the note"));
    refresh();
}

void NoteEditor::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

void NoteEditor::resizeEvent(QResizeEvent* event) {
    QWidget::resizeEvent(event);
    headerLabel_->setText(headerLabel_->fontMetrics().elidedText(
        header_, Qt::ElideRight, std::max(40, headerLabel_->width())));
}

}  // namespace agentdesk::widgets
