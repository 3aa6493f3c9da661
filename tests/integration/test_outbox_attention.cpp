// A note the server keeps failing on (5xx) is shown as needing attention and does not hold up
// the notes written after it; once the server can store it, it is delivered exactly once.
// The fault is real: a trigger in the server's own database makes the insert of that one note
// fail, so the server answers 500 through its normal error path.
#include <catch2/catch.hpp>

#include <chrono>
#include <optional>
#include <string>
#include <vector>

#include <QTemporaryDir>

#include "crm/net/http_transport.h"
#include "crm/session/client_session.h"
#include "crm/session/outbox.h"
#include "crm/store/local_store.h"
#include "tests/support/qt_wait.h"
#include "tests/support/test_server.h"

using namespace agentdesk::crm;
using agentdesk::test::waitUntilMs;
namespace tst = agentdesk::test;

TEST_CASE(
    "outbox: a note the server keeps failing on needs attention and does not block the "
    "next notes",
    "[crm][resilience][outbox]") {
    tst::TestServerOptions options;
    options.demoKnowledge = false;
    tst::TestServer server(options);
    const std::string marker = "POISON-7f3a";
    server.failNotesContaining(marker);

    QTemporaryDir dir;
    REQUIRE(dir.isValid());
    LocalStore store(dir.filePath(QStringLiteral("client.db")));
    HttpTransport transport;
    ClientSession session(transport, QString::fromStdString(server.url()) + "/api/v1", &store);
    std::optional<ApiError> loggedIn;
    session.login(QStringLiteral("counselor1"), QStringLiteral("demo"),
                  [&](const ApiError& e) { loggedIn = e; });
    REQUIRE(waitUntilMs([&] { return loggedIn.has_value(); }));
    REQUIRE(loggedIn->ok());
    Outbox* outbox = session.outbox();
    REQUIRE(outbox != nullptr);
    REQUIRE_FALSE(session.wrapupCodes().isEmpty());

    std::vector<QString> deliveredKeys;
    QObject::connect(outbox, &Outbox::delivered, &session,
                     [&](const QString& key, const Note&) { deliveredKeys.push_back(key); });
    std::vector<std::pair<QString, ApiError>> attention;
    QObject::connect(
        outbox, &Outbox::needsAttention, &session,
        [&](const QString& key, const ApiError& e) { attention.emplace_back(key, e); });
    int rejected = 0;
    QObject::connect(outbox, &Outbox::rejected, &session, [&] { ++rejected; });

    auto submit = [&](const std::string& text) {
        NoteSubmission note;
        note.customerId = QStringLiteral("C00001");
        note.wrapupCode = session.wrapupCodes().front().code;
        note.text = QString::fromStdString(text);
        return outbox->submitNote(note);
    };
    const std::string stuckText = "첫 메모 " + marker + " 서버가 저장하지 못함";
    const QString stuck = submit(stuckText);
    const QString second = submit("두 번째 메모: 주소 변경 안내");
    const QString third = submit("세 번째 메모: 환불 접수");

    // The two notes behind the failing one are delivered while it keeps failing.
    REQUIRE(waitUntilMs([&] { return deliveredKeys.size() == 2; }));
    CHECK(deliveredKeys == std::vector<QString>{second, third});
    REQUIRE(waitUntilMs([&] { return !attention.empty(); }));
    REQUIRE(attention.size() == 1);
    CHECK(attention.front().first == stuck);
    CHECK(attention.front().second.httpStatus == 500);
    const std::optional<OutboxEntry> entry = outbox->entry(stuck);
    REQUIRE(entry);
    CHECK(entry->state == OutboxItem::State::Pending);
    CHECK(entry->needsAttention);
    CHECK(entry->serverFailures >= Outbox::kAttentionAfter);
    CHECK(outbox->pendingCount() == 1);
    CHECK(rejected == 0);
    CHECK(server.noteCountWithText(stuckText) == 0);

    // Written after it was flagged: not held up either.
    const QString fourth = submit("네 번째 메모: 재통화 예약");
    REQUIRE(waitUntilMs([&] { return deliveredKeys.size() == 3; }));
    CHECK(deliveredKeys.back() == fourth);

    // Kept in the local store for a later run, never dropped.
    {
        QObject context;
        std::optional<QList<OutboxItem>> pending;
        store.pending(session.owner(), &context,
                      [&](QList<OutboxItem> items) { pending = std::move(items); });
        REQUIRE(waitUntilMs([&] { return pending.has_value(); }));
        REQUIRE(pending->size() == 1);
        CHECK(pending->front().idempotencyKey == stuck);
        CHECK(pending->front().attempts >= Outbox::kAttentionAfter);
    }

    // The server is fixed: the next attempt stores it, once, and the flag is gone.
    server.stopFailingNotes();
    outbox->resume();
    REQUIRE(waitUntilMs([&] { return deliveredKeys.size() == 4; }));
    CHECK(deliveredKeys.back() == stuck);
    CHECK(outbox->pendingCount() == 0);
    CHECK_FALSE(outbox->entry(stuck)->needsAttention);
    tst::processEventsFor(std::chrono::milliseconds(300));
    CHECK(deliveredKeys.size() == 4);
    CHECK(server.noteCountWithText(stuckText) == 1);
    CHECK(rejected == 0);
}

TEST_CASE("outbox: queuing a note removes the draft it was typed in, in the same transaction",
          "[crm][outbox][store]") {
    QTemporaryDir dir;
    REQUIRE(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("client.db"));
    LocalStore store(path);
    QObject context;
    NoteDraft draft;
    draft.owner = QStringLiteral("counselor1@test");
    draft.key = QStringLiteral("call:CALL-1");
    draft.text = QStringLiteral("주소 변경 요청 메모");
    store.saveDraft(draft);

    OutboxItem item;
    item.owner = draft.owner;
    item.kind = QStringLiteral("note");
    item.method = QStringLiteral("POST");
    item.path = QStringLiteral("/notes");
    item.body = R"({"text":"주소 변경 요청 메모"})";
    item.idempotencyKey = QStringLiteral("key-1");
    item.draftKey = draft.key;
    qint64 seq = -1;
    store.enqueue(item, &context, [&](qint64 s, const QString&) { seq = s; });
    REQUIRE(waitUntilMs([&] { return seq != -1; }));
    REQUIRE(seq > 0);
    std::optional<std::optional<NoteDraft>> loaded;
    store.loadDraft(draft.owner, draft.key, &context,
                    [&](std::optional<NoteDraft> d) { loaded = std::move(d); });
    REQUIRE(waitUntilMs([&] { return loaded.has_value(); }));
    CHECK_FALSE(loaded->has_value());

    // A submission that cannot be stored leaves its draft where it was.
    draft.key = QStringLiteral("call:CALL-2");
    store.saveDraft(draft);
    item.idempotencyKey.clear();  // invalid: refused
    item.draftKey = draft.key;
    std::optional<QString> error;
    store.enqueue(item, &context, [&](qint64, const QString& e) { error = e; });
    REQUIRE(waitUntilMs([&] { return error.has_value(); }));
    CHECK_FALSE(error->isEmpty());
    loaded.reset();
    store.loadDraft(draft.owner, draft.key, &context,
                    [&](std::optional<NoteDraft> d) { loaded = std::move(d); });
    REQUIRE(waitUntilMs([&] { return loaded.has_value(); }));
    REQUIRE(loaded->has_value());
    CHECK((*loaded)->text == draft.text);
}
