// GUI tests of the after-call note editor (issue 5) against the test server: the note opens when
// a call ends, a wrap-up code is required, templates, the draft in the local store within a
// second, submit and wrap-up (ready / not ready), offline submit delivered once on reconnect,
// the version-conflict dialog, and drafts restored from an earlier run. Screenshots go to
// /tmp/notes-*.png.
#include <optional>

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QElapsedTimer>
#include <QInputMethodEvent>
#include <QLabel>
#include <QListWidget>
#include <QLocale>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTest>
#include <catch2/catch.hpp>

#include "crm/session/note_controller.h"
#include "tests/gui/gui_fixture.h"
#include "widgets/notes/note_conflict_dialog.h"
#include "widgets/notes/note_editor.h"
#include "widgets/notes/outbox_status_view.h"
#include "widgets/notes/wrapup_code_picker.h"

using agentdesk::crm::AgentState;
using agentdesk::crm::CallPhase;
using agentdesk::crm::Customer360Model;
using agentdesk::crm::NoteController;
using agentdesk::crm::NoteDraft;
using agentdesk::crm::noteLanguage;
using agentdesk::test::GuiSession;
using agentdesk::test::HttpClient;
using agentdesk::test::waitUntil;
using agentdesk::widgets::NoteConflictDialog;
using agentdesk::widgets::NoteEditor;
using agentdesk::widgets::WrapupCodePicker;

using agentdesk::test::LocaleGuard;

namespace {

using agentdesk::test::child;

// Sets the default locale for one test and puts the old one back.
struct EditorFixture {
    GuiSession gui;
    std::unique_ptr<NoteEditor> editor;
    QPlainTextEdit* text = nullptr;
    WrapupCodePicker* picker = nullptr;
    QPushButton* submit = nullptr;
    QLabel* message = nullptr;
    QLabel* status = nullptr;
    QLabel* outboxStatus = nullptr;
    QStringList finished;

    explicit EditorFixture(QSize size = {600, 330}) {
        gui.login();
        editor = std::make_unique<NoteEditor>(gui.session(), gui.autosaver());
        editor->resize(size);
        editor->show();
        text = child<QPlainTextEdit>(*editor, "noteText");
        picker = child<WrapupCodePicker>(*editor, "wrapupCodePicker");
        submit = child<QPushButton>(*editor, "submitButton");
        message = child<QLabel>(*editor, "noteMessage");
        status = child<QLabel>(*editor, "noteStatus");
        outboxStatus = child<QLabel>(*editor, "outboxStatus");
        QObject::connect(editor.get(), &NoteEditor::wrapUpFinished,
                         [this](const QString& callId) { finished.append(callId); });
    }
    ~EditorFixture() { editor.reset(); }

    NoteController& controller() { return editor->controller(); }

    // Ring C00001, answer, hang up: the agent is in after-call work for the returned call.
    // Agent assist fills the ended call's note with its draft and predicted code; unless the
    // test is about that, the note is then cleared (text and code), as a counselor starting
    // over would, so each test starts from an empty note whatever the draft's timing.
    QString callAndHangUp(bool keepAssistDraft = false) {
        gui.goReady();
        const QString callId = gui.ringCall(
            {{"customerId", "C00001"}, {"queue", "general"}, {"intent", "billing_inquiry"}});
        REQUIRE_FALSE(gui.session().call().answer().isEmpty());
        REQUIRE(waitUntil([&] { return gui.session().call().phase() == CallPhase::Connected; }));
        REQUIRE_FALSE(gui.session().call().hangup().isEmpty());
        REQUIRE(
            waitUntil([&] { return gui.session().call().phase() == CallPhase::AfterCallWork; }));
        REQUIRE(waitUntil([&] { return controller().showingAssistDraft(); }));
        if (!keepAssistDraft) {
            text->clear();
            controller().chooseWrapupCode(QString());
            REQUIRE(controller().text().isEmpty());
        }
        return callId;
    }

    // A user's choice in the picker (activated, as a click in the popup gives).
    void choose(const QString& code) {
        const int index = picker->indexOf(code);
        REQUIRE(index >= 0);
        picker->setCurrentIndex(index);
        emit picker->activated(index);
    }

    // Hangul arrives from the input method as commits; QTest::keyClicks only does Latin-1.
    void type(const QString& typed) {
        text->setFocus();
        for (const QChar c : typed) {
            if (c.unicode() < 0x80) {
                QTest::keyClick(text, c.toLatin1());
            } else {
                QInputMethodEvent commit;
                commit.setCommitString(QString(c));
                QApplication::sendEvent(text, &commit);
            }
        }
    }

    std::optional<NoteDraft> storedDraft(const QString& key) {
        bool done = false;
        std::optional<NoteDraft> draft;
        QObject context;
        gui.store().loadDraft(gui.session().owner(), key, &context,
                              [&](std::optional<NoteDraft> d) {
                                  draft = std::move(d);
                                  done = true;
                              });
        REQUIRE(waitUntil([&] { return done; }));
        return draft;
    }

    QString templateOf(const QString& code) {
        for (const auto& c : gui.session().wrapupCodes()) {
            if (c.code == code)
                return c.noteTemplate(noteLanguage());
        }
        return {};
    }
};

// Notes of a customer on the server containing `needle` (seen by the team lead).
int notesOnServer(GuiSession& gui, const std::string& customerId, const QString& needle,
                  QString* wrapupCode = nullptr) {
    HttpClient lead = gui.server().loggedIn("lead1");
    const auto page = lead.get("/api/v1/customers/" + customerId + "/interactions?limit=50").json();
    int found = 0;
    for (const auto& item : page["items"]) {
        for (const auto& note : item["notes"]) {
            const QString text = QString::fromStdString(note.value("text", ""));
            if (text.contains(needle)) {
                ++found;
                if (wrapupCode)
                    *wrapupCode = QString::fromStdString(note.value("wrapupCode", ""));
            }
        }
    }
    return found;
}

}  // namespace

TEST_CASE("Note editor: a call that ends opens its note and submit needs a wrap-up code",
          "[gui][notes]") {
    EditorFixture f;
    const QString callId = f.callAndHangUp();

    REQUIRE(waitUntil([&] { return f.controller().target().callId == callId; }));
    CHECK(f.controller().draftKey() == callId);
    CHECK(f.controller().target().customerId == QLatin1String("C00001"));
    CHECK(child<QLabel>(*f.editor, "noteHeader")->toolTip().contains(QStringLiteral("김민준")));

    // No code: the button is off and the reason is on screen.
    CHECK_FALSE(f.submit->isEnabled());
    CHECK(f.message->isVisible());
    CHECK(f.message->text().contains(QStringLiteral("wrap-up code")));
    auto* submitAction = child<QAction>(*f.editor, "submitNote");
    CHECK_FALSE(submitAction->isEnabled());
    QTest::mouseClick(f.submit, Qt::LeftButton);
    submitAction->trigger();
    CHECK(f.gui.session().outbox()->pendingCount() == 0);
    CHECK(f.gui.session().outbox()->recent().isEmpty());
    CHECK(f.editor->findChild<QAction*>(QStringLiteral("focusNote")));

    // A code with a template fills the empty text.
    f.choose(QStringLiteral("BILLING_INQUIRY"));
    const QString tmpl = f.templateOf(QStringLiteral("BILLING_INQUIRY"));
    REQUIRE_FALSE(tmpl.isEmpty());
    CHECK(f.text->toPlainText() == tmpl);
    CHECK(f.submit->isEnabled());
    CHECK(submitAction->isEnabled());
    CHECK_FALSE(f.message->isVisible());
    // Text that was only the template follows another code's template.
    f.choose(QStringLiteral("REFUND"));
    CHECK(f.text->toPlainText() == f.templateOf(QStringLiteral("REFUND")));
    f.choose(QStringLiteral("BILLING_INQUIRY"));
    CHECK(f.text->toPlainText() == tmpl);
}

TEST_CASE("Note editor: typing is in the local draft within a second, and submit wraps up",
          "[gui][notes]") {
    const bool notReady = GENERATE(false, true);
    EditorFixture f;
    if (notReady)
        f.editor->setAfterWrapupState(QStringLiteral("not_ready"));
    const QString callId = f.callAndHangUp();
    f.choose(QStringLiteral("BILLING_INQUIRY"));

    f.text->moveCursor(QTextCursor::End);
    const QString typed = notReady ? QStringLiteral("11월 요금 부가서비스 안내 NR")
                                   : QStringLiteral("11월 요금 부가서비스 안내 R");
    f.type(typed);
    QElapsedTimer sinceTyping;
    sinceTyping.start();
    REQUIRE(waitUntil(
        [&] {
            const auto draft = f.storedDraft(callId);
            return draft && draft->text.endsWith(typed) &&
                   draft->wrapupCode == QLatin1String("BILLING_INQUIRY");
        },
        std::chrono::milliseconds(1000)));
    INFO("draft stored after " << sinceTyping.elapsed() << " ms");
    const auto draft = f.storedDraft(callId);
    CHECK(draft->callId == callId);
    CHECK(draft->customerId == QLatin1String("C00001"));
    REQUIRE(waitUntil([&] {
        return child<QLabel>(*f.editor, "draftStatus")
            ->text()
            .startsWith(QStringLiteral("Draft saved"));
    }));

    // An article excerpt lands at the cursor and is autosaved like typing.
    f.editor->insertText(QStringLiteral("환불은 3영업일 안에 처리됩니다."));
    CHECK(f.text->toPlainText().endsWith(QStringLiteral("\n환불은 3영업일 안에 처리됩니다.")));
    REQUIRE(waitUntil([&] {
        const auto d = f.storedDraft(callId);
        return d && d->text.endsWith(QStringLiteral("3영업일 안에 처리됩니다."));
    }));

    QTest::mouseClick(f.submit, Qt::LeftButton);
    const AgentState expected = notReady ? AgentState::NotReady : AgentState::Ready;
    REQUIRE(waitUntil([&] { return f.gui.session().agent().state() == expected; }));
    REQUIRE(waitUntil([&] { return f.finished.contains(callId); }));
    CHECK(f.status->text().contains(notReady ? QStringLiteral("Not ready")
                                             : QStringLiteral("Ready")));
    if (!notReady) {
        // The line names the state the agent is in now, not the one the wrap-up asked for.
        REQUIRE_FALSE(f.gui.session().agent().goNotReady(QStringLiteral("break")).isEmpty());
        REQUIRE(waitUntil([&] { return f.gui.session().agent().state() == AgentState::NotReady; }));
        REQUIRE(waitUntil([&] { return f.status->text().contains(QStringLiteral("Not ready")); }));
    }
    REQUIRE(waitUntil([&] { return f.outboxStatus->text().startsWith(QStringLiteral("Sent")); }));
    QString code;
    CHECK(notesOnServer(f.gui, "C00001", typed, &code) == 1);
    CHECK(code == QLatin1String("BILLING_INQUIRY"));
    // Accepted by the outbox: the draft is gone, the editor is empty for the next note.
    REQUIRE(waitUntil([&] { return !f.storedDraft(callId).has_value(); }));
    CHECK(f.text->toPlainText().isEmpty());
    CHECK(f.picker->currentCode().isEmpty());
}

TEST_CASE("Note editor: offline submit is pending, then delivered once and wrap-up finishes",
          "[gui][notes]") {
    EditorFixture f;
    const QString callId = f.callAndHangUp();
    f.choose(QStringLiteral("GENERAL_INQUIRY"));
    const QString typed = QStringLiteral("오프라인 상태에서 작성한 메모");
    f.type(typed);
    // The caller's 360 is on screen, as in the app.
    auto& customer = f.gui.session().customer();
    customer.load(QStringLiteral("C00001"));
    REQUIRE(waitUntil([&] { return customer.status() == Customer360Model::Status::Ready; }));
    auto historyHasNote = [&] {
        for (const auto& interaction : customer.customer().interactions) {
            for (const auto& note : interaction.notes) {
                if (note.text.contains(typed))
                    return true;
            }
        }
        return false;
    };
    CHECK_FALSE(historyHasNote());

    f.gui.server().stopListening();
    REQUIRE(waitUntil([&] { return !f.controller().online(); }));
    QTest::mouseClick(f.submit, Qt::LeftButton);
    REQUIRE(waitUntil([&] {
        return f.outboxStatus->isVisible() &&
               f.outboxStatus->text() ==
                   QStringLiteral("Pending (1) — will be sent when the connection returns");
    }));
    CHECK(f.status->text().contains(QStringLiteral("when the connection returns")));
    CHECK(f.gui.session().agent().state() == AgentState::AfterCallWork);

    f.gui.server().startListening();
    REQUIRE(waitUntil([&] { return f.outboxStatus->text().startsWith(QStringLiteral("Sent")); },
                      std::chrono::seconds(20)));
    REQUIRE(waitUntil([&] { return f.gui.session().agent().state() == AgentState::Ready; }));
    CHECK(f.finished == QStringList{callId});
    CHECK(notesOnServer(f.gui, "C00001", typed) == 1);
    // The 360's history shows the delivered note without anyone refreshing it.
    REQUIRE(waitUntil(historyHasNote));
}

TEST_CASE("Note editor: a version conflict shows both versions, keep mine saves on top",
          "[gui][notes]") {
    EditorFixture f;
    // An earlier note of counselor1, made through the session's API.
    agentdesk::crm::NoteSubmission submission;
    submission.idempotencyKey = QStringLiteral("conflict-test-1");
    submission.customerId = QStringLiteral("C00001");
    submission.wrapupCode = QStringLiteral("BILLING_INQUIRY");
    submission.text = QStringLiteral("처음 메모");
    std::optional<agentdesk::crm::Note> created;
    QObject scope;
    f.gui.session().api().createNote(
        &scope, submission,
        [&](const agentdesk::crm::Note& note, const agentdesk::crm::ApiError& error) {
            REQUIRE(error.ok());
            created = note;
        });
    REQUIRE(waitUntil([&] { return created.has_value(); }));

    f.editor->editExistingNote(*created);
    CHECK(f.text->toPlainText() == QStringLiteral("처음 메모"));
    CHECK(f.picker->currentCode() == QLatin1String("BILLING_INQUIRY"));
    CHECK(f.submit->text() == QStringLiteral("Save changes"));

    // Behind the editor's back, the team lead edits it.
    HttpClient lead = f.gui.server().loggedIn("lead1");
    const auto put =
        lead.put("/api/v1/notes/" + created->id.toStdString(), {{"text", "팀장이 수정한 메모"},
                                                                {"wrapupCode", "COMPLAINT"},
                                                                {"version", created->version}});
    REQUIRE(put.status == 200);

    f.text->moveCursor(QTextCursor::End);
    f.type(QStringLiteral(" + 내 추가 내용"));
    QTest::mouseClick(f.submit, Qt::LeftButton);
    NoteConflictDialog* dialog = nullptr;
    REQUIRE(waitUntil([&] {
        dialog = f.editor->findChild<NoteConflictDialog*>();
        return dialog && dialog->isVisible();
    }));
    CHECK_FALSE(dialog->isModal());
    CHECK(dialog->mineText() == QStringLiteral("처음 메모 + 내 추가 내용"));
    CHECK(dialog->theirsText() == QStringLiteral("팀장이 수정한 메모"));
    CHECK(child<QPlainTextEdit>(*dialog, "theirsText")->isVisible());
    CHECK(child<QPlainTextEdit>(*dialog, "mineText")->isVisible());
    CHECK(f.controller().editStatus() == NoteController::EditStatus::Conflict);
    dialog->grab().save(agentdesk::test::screenshotPath(QStringLiteral("notes-conflict.png")));

    QTest::mouseClick(child<QPushButton>(*dialog, "keepMineButton"), Qt::LeftButton);
    REQUIRE(waitUntil(
        [&] { return f.controller().editStatus() == NoteController::EditStatus::Saved; }));
    CHECK(child<QLabel>(*f.editor, "editStatus")->text().startsWith(QStringLiteral("Saved")));
    const auto now = lead.get("/api/v1/notes/" + created->id.toStdString()).json();
    CHECK(now["text"] == "처음 메모 + 내 추가 내용");
    CHECK(now["wrapupCode"] == "BILLING_INQUIRY");
    CHECK(now["version"] == 3);
}

TEST_CASE("Note editor: edit a merge puts the server's text and mine in the editor",
          "[gui][notes]") {
    CHECK(NoteConflictDialog::mergeStart(QStringLiteral("a\nb\nmine"), QStringLiteral("a\nb\nc")) ==
          QStringLiteral("a\nb\nc\nmine"));
    CHECK(NoteConflictDialog::mergeStart(QStringLiteral("a"), QStringLiteral("a\nc")) ==
          QStringLiteral("a\nc"));
}

TEST_CASE("Note editor: drafts of an earlier run come back with a notice", "[gui][notes]") {
    EditorFixture f;
    const QString owner = f.gui.session().owner();
    NoteDraft older;
    older.owner = owner;
    older.key = QStringLiteral("customer:C00002");
    older.customerId = QStringLiteral("C00002");
    older.wrapupCode = QStringLiteral("GENERAL_INQUIRY");
    older.text = QStringLiteral("오래된 메모");
    older.updatedAtMs = QDateTime::currentMSecsSinceEpoch() - 3600 * 1000;
    NoteDraft newest;
    newest.owner = owner;
    newest.key = QStringLiteral("call-previous-run-1");
    newest.callId = newest.key;
    newest.customerId = QStringLiteral("C00001");
    newest.wrapupCode = QStringLiteral("REFUND");
    newest.text = QStringLiteral("지난번 실행에서 쓰던 메모\n환불 금액: 35,000원");
    newest.updatedAtMs = QDateTime::currentMSecsSinceEpoch() - 60 * 1000;
    int saved = 0;
    QObject context;
    for (const NoteDraft& d : {older, newest})
        f.gui.store().saveDraft(d, &context, [&](bool ok) { saved += ok ? 1 : 0; });
    REQUIRE(waitUntil([&] { return saved == 2; }));

    f.editor->restoreDrafts();
    REQUIRE(waitUntil([&] { return f.text->toPlainText() == newest.text; }));
    CHECK(f.picker->currentCode() == QLatin1String("REFUND"));
    auto* notice = child<QLabel>(*f.editor, "restoredNotice");
    CHECK(notice->isVisible());
    CHECK(notice->text().startsWith(QStringLiteral("Restored draft from")));
    auto* list = child<QListWidget>(*f.editor, "restoredDraftList");
    CHECK(list->isVisible());
    CHECK(list->count() == 2);

    f.editor->grab().save(agentdesk::test::screenshotPath(QStringLiteral("notes-restored.png")));

    // Picking the other one opens it.
    QTest::mouseClick(list->viewport(), Qt::LeftButton, {},
                      list->visualItemRect(list->item(1)).center());
    REQUIRE(waitUntil([&] { return f.text->toPlainText() == older.text; }));
    CHECK(f.picker->currentCode() == QLatin1String("GENERAL_INQUIRY"));
    CHECK(f.controller().target().customerId == QLatin1String("C00002"));

    // Back to the call's note: its call is long over, so it is submitted without a wrap-up.
    QTest::mouseClick(list->viewport(), Qt::LeftButton, {},
                      list->visualItemRect(list->item(0)).center());
    REQUIRE(waitUntil([&] { return f.text->toPlainText() == newest.text; }));
    CHECK(f.submit->isEnabled());
    CHECK(f.submit->text() == QStringLiteral("Save note"));
    QTest::mouseClick(f.submit, Qt::LeftButton);
    REQUIRE(waitUntil([&] { return f.outboxStatus->text().startsWith(QStringLiteral("Sent")); }));
    CHECK(f.finished.isEmpty());
    CHECK(f.gui.session().agent().state() != AgentState::AfterCallWork);
    REQUIRE(waitUntil([&] { return !f.storedDraft(newest.key).has_value(); }));
}

TEST_CASE("Note editor: a memo for the customer on screen outside a call, with Insert template",
          "[gui][notes]") {
    EditorFixture f;
    f.editor->setCustomer(QStringLiteral("C00001"));
    CHECK(f.controller().draftKey() == QLatin1String("customer:C00001"));
    CHECK(child<QLabel>(*f.editor, "noteHeader")->toolTip().startsWith(QStringLiteral("Memo")));
    const QString typed = QStringLiteral("영업시간 문의 memo");
    f.type(typed);
    f.choose(QStringLiteral("BILLING_INQUIRY"));
    CHECK(f.text->toPlainText() == typed);  // text present: the template is only offered
    auto* insert = child<QPushButton>(*f.editor, "insertTemplateButton");
    REQUIRE(insert->isVisible());
    QTest::mouseClick(insert, Qt::LeftButton);
    CHECK(f.text->toPlainText() == typed + f.templateOf(QStringLiteral("BILLING_INQUIRY")));
    CHECK_FALSE(insert->isVisible());
    REQUIRE(waitUntil([&] {
        const auto d = f.storedDraft(QStringLiteral("customer:C00001"));
        return d && d->text.startsWith(typed) && d->text.size() > typed.size();
    }));

    CHECK(f.submit->text() == QStringLiteral("Save note"));
    QTest::mouseClick(f.submit, Qt::LeftButton);
    REQUIRE(waitUntil([&] { return f.outboxStatus->text().startsWith(QStringLiteral("Sent")); }));
    CHECK(notesOnServer(f.gui, "C00001", typed) == 1);
    CHECK(f.finished.isEmpty());
}

TEST_CASE("Note editor: a memo the server keeps failing on needs attention, the next is sent",
          "[gui][notes]") {
    EditorFixture f(QSize(860, 460));
    f.gui.server().failNotesContaining("FAULT-91c2");
    f.editor->setCustomer(QStringLiteral("C00001"));
    const QString stuck = QStringLiteral("first memo FAULT-91c2 the server cannot store");
    f.type(stuck);
    f.choose(QStringLiteral("GENERAL_INQUIRY"));
    QTest::mouseClick(f.submit, Qt::LeftButton);
    auto* problem = child<QLabel>(*f.editor, "outboxRejected");
    REQUIRE(waitUntil(
        [&] {
            return problem->isVisible() &&
                   problem->text().startsWith(QStringLiteral(
                       "Needs attention: the server could not save a note after 3 tries"));
        },
        std::chrono::seconds(20)));
    CHECK(problem->text().contains(QStringLiteral(
        "The note is kept and retried automatically; your other notes are still sent.")));
    CHECK(problem->toolTip() == stuck);
    auto* copy = child<QPushButton>(*f.editor, "copyRejectedButton");
    QTest::mouseClick(copy, Qt::LeftButton);
    CHECK(QApplication::clipboard()->text() == stuck);
    f.editor->grab().save(
        agentdesk::test::screenshotPath(QStringLiteral("notes-needs-attention.png")));

    // The next memo is not held up behind it.
    f.editor->setCustomer(QStringLiteral("C00001"));
    const QString next = QStringLiteral("second memo goes through");
    f.type(next);
    f.choose(QStringLiteral("GENERAL_INQUIRY"));
    QTest::mouseClick(f.submit, Qt::LeftButton);
    REQUIRE(waitUntil([&] { return notesOnServer(f.gui, "C00001", next) == 1; },
                      std::chrono::seconds(20)));
    // (The server stores it a moment before the client reads its answer.)
    CHECK(waitUntil([&] { return f.gui.session().outbox()->pendingCount() == 1; }));
    CHECK(problem->isVisible());

    // Fixed on the server: delivered once, and the line goes away.
    f.gui.server().stopFailingNotes();
    f.gui.session().outbox()->resume();
    REQUIRE(waitUntil([&] { return f.gui.session().outbox()->pendingCount() == 0; },
                      std::chrono::seconds(20)));
    CHECK_FALSE(problem->isVisible());
    CHECK(notesOnServer(f.gui, "C00001", stuck) == 1);
}

TEST_CASE("Note editor: screenshots at both window sizes with Korean text", "[gui][notes]") {
    LocaleGuard korean{QLocale(QLocale::Korean, QLocale::SouthKorea)};
    for (const QSize size : {QSize(600, 330), QSize(860, 460)}) {
        EditorFixture f(size);
        f.callAndHangUp();
        f.choose(QStringLiteral("CARD_LOST"));
        CHECK(f.text->toPlainText() == f.templateOf(QStringLiteral("CARD_LOST")));
        CHECK(f.picker->currentText() == QStringLiteral("카드 분실 신고"));
        f.text->moveCursor(QTextCursor::End);
        f.type(QStringLiteral("고객님 본인 확인 후 재발급 신청 완료"));
        f.gui.server().stopListening();
        REQUIRE(waitUntil([&] { return !f.controller().online(); }));
        QTest::mouseClick(f.submit, Qt::LeftButton);
        REQUIRE(waitUntil(
            [&] { return f.outboxStatus->text().startsWith(QStringLiteral("Pending")); }));
        f.choose(QStringLiteral("COMPLAINT"));
        f.type(QStringLiteral("추가 메모: 다음 통화 때 확인"));
        f.editor->grab().save(agentdesk::test::screenshotPath(QStringLiteral("notes-%1x%2.png"))
                                  .arg(size.width())
                                  .arg(size.height()));
        f.gui.server().startListening();
    }
}
