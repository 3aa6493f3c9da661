// The client's local store (drafts, outbox, offline cache) on its worker thread, the draft
// autosaver's timing, and drafts surviving a SIGKILL of the process that was typing them.
#include <catch2/catch.hpp>

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <csignal>
#include <functional>
#include <mutex>
#include <optional>
#include <set>
#include <string>
#include <thread>
#include <utility>
#include <vector>

#include <fcntl.h>
#include <poll.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QStringList>
#include <QTemporaryDir>
#include <QThread>
#include <QTimer>

#include "common/logging.h"
#include "common/sqlite_db.h"
#include "crm/store/draft_autosaver.h"
#include "crm/store/local_store.h"
#include "tests/support/qt_wait.h"

using namespace agentdesk::crm;
using agentdesk::test::waitUntilMs;

namespace {

// Generous: the suite must pass on a loaded 2-core machine.
constexpr int kWaitMs = 20000;
constexpr qint64 kDayMs = 24LL * 60 * 60 * 1000;

// Runs the event loop for a while, to show that something does not happen.
void spinFor(int ms) {
    agentdesk::test::processEventsFor(std::chrono::milliseconds(ms));
}

// Keeps the log lines of failures a test provokes on purpose out of the output.
class QuietStoreLog {
public:
    QuietStoreLog() : previous_(agentdesk::logging::get("store")->level()) {
        agentdesk::logging::setLevels("store=off");
    }
    ~QuietStoreLog() {
        const auto name = spdlog::level::to_string_view(previous_);
        agentdesk::logging::setLevels("store=" + std::string(name.data(), name.size()));
    }
    QuietStoreLog(const QuietStoreLog&) = delete;
    QuietStoreLog& operator=(const QuietStoreLog&) = delete;

private:
    spdlog::level::level_enum previous_;
};

// Starts a store query with a context of its own and waits for the answer.
template <typename T>
T await(const std::function<void(QObject*, std::function<void(T)>)>& start) {
    QObject context;
    std::optional<T> result;
    start(&context, [&](T value) { result = std::move(value); });
    REQUIRE(waitUntilMs([&] { return result.has_value(); }));
    return std::move(*result);
}

QList<NoteDraft> drafts(LocalStore& store, const QString& owner) {
    return await<QList<NoteDraft>>(
        [&](QObject* context, auto done) { store.loadDrafts(owner, context, done); });
}

std::optional<NoteDraft> draft(LocalStore& store, const QString& owner, const QString& key) {
    return await<std::optional<NoteDraft>>(
        [&](QObject* context, auto done) { store.loadDraft(owner, key, context, done); });
}

QList<OutboxItem> pendingItems(LocalStore& store, const QString& owner) {
    return await<QList<OutboxItem>>(
        [&](QObject* context, auto done) { store.pending(owner, context, done); });
}

QList<OutboxItem> rejectedItems(LocalStore& store, const QString& owner) {
    return await<QList<OutboxItem>>(
        [&](QObject* context, auto done) { store.rejected(owner, context, done); });
}

std::pair<qint64, QString> tryEnqueue(LocalStore& store, OutboxItem item) {
    return await<std::pair<qint64, QString>>([&](QObject* context, auto done) {
        store.enqueue(item, context, [done](qint64 seq, QString error) { done({seq, error}); });
    });
}

qint64 enqueue(LocalStore& store, OutboxItem item) {
    auto [seq, error] = tryEnqueue(store, std::move(item));
    INFO(error.toStdString());
    REQUIRE(error.isEmpty());
    REQUIRE(seq > 0);
    return seq;
}

std::pair<std::optional<QByteArray>, qint64> cached(LocalStore& store, const QString& owner,
                                                    const QString& kind, const QString& id) {
    using Hit = std::pair<std::optional<QByteArray>, qint64>;
    return await<Hit>([&](QObject* context, auto done) {
        store.getCache(owner, kind, id, context,
                       [done](std::optional<QByteArray> json, qint64 storedAtMs) {
                           done({std::move(json), storedAtMs});
                       });
    });
}

QStringList recentIds(LocalStore& store, const QString& owner, const QString& kind,
                      int limit = 100) {
    const auto entries = await<QList<QPair<QString, QByteArray>>>(
        [&](QObject* context, auto done) { store.recentCache(owner, kind, limit, context, done); });
    QStringList ids;
    for (const auto& entry : entries)
        ids << entry.first;
    return ids;
}

NoteDraft makeDraft(const QString& owner, const QString& key, const QString& text,
                    qint64 updatedAtMs) {
    NoteDraft d;
    d.owner = owner;
    d.key = key;
    d.customerId = QStringLiteral("C00001");
    d.callId = key.startsWith(QStringLiteral("customer:")) ? QString() : key;
    d.wrapupCode = QStringLiteral("REFUND");
    d.text = text;
    d.updatedAtMs = updatedAtMs;
    return d;
}

OutboxItem makeItem(const QString& owner, const QString& idempotencyKey,
                    const QByteArray& body = R"({"text":"환불 요청 접수"})") {
    OutboxItem item;
    item.owner = owner;
    item.kind = QStringLiteral("note");
    item.method = QStringLiteral("POST");
    item.path = QStringLiteral("/api/v1/notes");
    item.body = body;
    item.idempotencyKey = idempotencyKey;
    return item;
}

QString dbPath(const QTemporaryDir& dir) {
    return dir.filePath(QStringLiteral("client.db"));
}

// A Korean note of exactly `length` code points (all in the BMP).
QString koreanNote(int length) {
    const QString sentence = QStringLiteral(
        "상담 내용: 고객이 지난달 요금 청구 내역에 대해 문의함. 환불 절차 안내 후 3영업일 내 "
        "재연락 약속. ");
    QString text;
    while (text.size() < length)
        text += sentence;
    return text.left(length);
}

qint64 steadyMs() {
    using namespace std::chrono;
    return duration_cast<milliseconds>(steady_clock::now().time_since_epoch()).count();
}

// agentdesk_draft_typist as a child process (fork/exec) whose stdout the test reads.
class TypistProcess {
public:
    TypistProcess(const QString& db, const QString& owner, const QString& key, const QString& text,
                  int intervalMs) {
        // Everything the child needs is built before fork(): after it only exec-safe calls.
        args_ = {AGENTDESK_DRAFT_TYPIST, QFile::encodeName(db).toStdString(),
                 owner.toStdString(),    key.toStdString(),
                 text.toStdString(),     std::to_string(intervalMs)};
        std::vector<char*> argv;
        for (auto& arg : args_)
            argv.push_back(arg.data());
        argv.push_back(nullptr);
        int fds[2];
        REQUIRE(pipe2(fds, O_CLOEXEC) == 0);
        pid_ = fork();
        REQUIRE(pid_ >= 0);
        if (pid_ == 0) {
            dup2(fds[1], STDOUT_FILENO);
            execv(argv[0], argv.data());
            _exit(127);
        }
        close(fds[1]);
        fd_ = fds[0];
    }
    ~TypistProcess() {
        if (pid_ > 0)
            killNow();
        if (fd_ >= 0)
            close(fd_);
    }
    TypistProcess(const TypistProcess&) = delete;
    TypistProcess& operator=(const TypistProcess&) = delete;

    // The next line of the child's stdout; nullopt at end of file or after timeoutMs.
    std::optional<std::string> readLine(int timeoutMs = kWaitMs) {
        const qint64 deadline = steadyMs() + timeoutMs;
        for (;;) {
            if (const auto end = buffer_.find('\n'); end != std::string::npos) {
                std::string line = buffer_.substr(0, end);
                buffer_.erase(0, end + 1);
                return line;
            }
            const qint64 left = deadline - steadyMs();
            if (left <= 0)
                return std::nullopt;
            pollfd p{fd_, POLLIN, 0};
            const int ready = poll(&p, 1, static_cast<int>(left));
            if (ready < 0 && errno == EINTR)
                continue;
            if (ready <= 0)
                return std::nullopt;
            char chunk[512];
            const ssize_t n = read(fd_, chunk, sizeof chunk);
            if (n < 0 && errno == EINTR)
                continue;
            if (n <= 0)
                return std::nullopt;
            buffer_.append(chunk, static_cast<std::size_t>(n));
        }
    }

    // SIGKILL, then reap; the wait status.
    int killNow() {
        kill(pid_, SIGKILL);
        int status = 0;
        while (waitpid(pid_, &status, 0) < 0 && errno == EINTR) {
        }
        pid_ = -1;
        return status;
    }

private:
    std::vector<std::string> args_;
    pid_t pid_ = -1;
    int fd_ = -1;
    std::string buffer_;
};

// "typed N" -> N; 0 for any other line.
int typedCount(const std::string& line) {
    const std::string prefix = "typed ";
    return line.rfind(prefix, 0) == 0 ? std::stoi(line.substr(prefix.size())) : 0;
}

}  // namespace

TEST_CASE("defaultLocalStorePath lives in XDG_DATA_HOME", "[store]") {
    const QString path = defaultLocalStorePath();
    CHECK(path == qEnvironmentVariable("XDG_DATA_HOME") + "/agentdesk/client.db");
    CHECK(QDir(qEnvironmentVariable("XDG_DATA_HOME") + "/agentdesk").exists());
}

TEST_CASE("Drafts round trip with Korean text", "[store]") {
    QTemporaryDir dir;
    REQUIRE(dir.isValid());
    LocalStore store(dbPath(dir));
    const QString refund = QStringLiteral("고객님께서 환불을 요청하셨습니다.");
    const QString address =
        QStringLiteral("주소 변경 안내 완료 🙂 (도로명 주소로 정정)");
    store.saveDraft(makeDraft("kim", "CALL-1", refund, 1000));
    store.saveDraft(makeDraft("kim", "customer:C00001", address, 2000));
    store.saveDraft(makeDraft("lee", "CALL-1", QStringLiteral("다른 상담사의 메모"), 3000));

    auto kims = drafts(store, "kim");
    REQUIRE(kims.size() == 2);
    CHECK(kims[0].key == "customer:C00001");  // newest first
    CHECK(kims[0].text == address);
    CHECK(kims[1].key == "CALL-1");
    CHECK(kims[1].text == refund);
    CHECK(kims[1].owner == "kim");
    CHECK(kims[1].customerId == "C00001");
    CHECK(kims[1].callId == "CALL-1");
    CHECK(kims[1].wrapupCode == "REFUND");
    CHECK(kims[1].updatedAtMs == 1000);

    // Upsert: the same (owner, key) is replaced, not added.
    const QString longer = refund + QStringLiteral(" 3영업일 내 카드 취소 처리 예정.");
    store.saveDraft(makeDraft("kim", "CALL-1", longer, 4000));
    kims = drafts(store, "kim");
    REQUIRE(kims.size() == 2);
    CHECK(kims[0].key == "CALL-1");
    CHECK(kims[0].text == longer);
    auto one = draft(store, "kim", "CALL-1");
    REQUIRE(one);
    CHECK(one->text == longer);
    CHECK(one->updatedAtMs == 4000);

    store.removeDraft("kim", "CALL-1");
    CHECK_FALSE(draft(store, "kim", "CALL-1"));
    CHECK(drafts(store, "kim").size() == 1);
    auto lees = draft(store, "lee", "CALL-1");
    REQUIRE(lees);
    CHECK(lees->text == QStringLiteral("다른 상담사의 메모"));
}

TEST_CASE("Outbox order and state survive closing and reopening the store", "[store]") {
    QTemporaryDir dir;
    REQUIRE(dir.isValid());
    qint64 seq[4] = {};
    {
        LocalStore store(dbPath(dir));
        for (int i = 0; i < 4; ++i) {
            seq[i] = enqueue(store,
                             makeItem("kim", QStringLiteral("key-%1").arg(i),
                                      QStringLiteral(R"({"n":%1,"text":"메모"})").arg(i).toUtf8()));
        }
        store.markAttempt(seq[0], "timeout");
        store.markDelivered(seq[1], R"({"id":"N100","version":1})");
        store.markRejected(seq[2], "422 validation: wrapupCode");
    }  // the destructor flushes and closes
    CHECK(seq[0] < seq[1]);
    CHECK(seq[1] < seq[2]);
    CHECK(seq[2] < seq[3]);

    LocalStore store(dbPath(dir));
    const auto pending = pendingItems(store, "kim");
    REQUIRE(pending.size() == 2);
    CHECK(pending[0].seq == seq[0]);
    CHECK(pending[1].seq == seq[3]);
    CHECK(pending[0].state == OutboxItem::State::Pending);
    CHECK(pending[0].attempts == 1);
    CHECK(pending[0].lastError == "timeout");
    CHECK(pending[0].owner == "kim");
    CHECK(pending[0].kind == "note");
    CHECK(pending[0].method == "POST");
    CHECK(pending[0].path == "/api/v1/notes");
    CHECK(pending[0].body == QStringLiteral(R"({"n":0,"text":"메모"})").toUtf8());
    CHECK(pending[0].idempotencyKey == "key-0");
    CHECK(pending[0].createdAtMs > 0);
    CHECK(pending[1].attempts == 0);

    const auto rejected = rejectedItems(store, "kim");
    REQUIRE(rejected.size() == 1);
    CHECK(rejected[0].seq == seq[2]);
    CHECK(rejected[0].state == OutboxItem::State::Rejected);
    CHECK(rejected[0].lastError == "422 validation: wrapupCode");

    CHECK(enqueue(store, makeItem("kim", "key-4")) > seq[3]);
    store.flush();

    agentdesk::SqliteDb raw(QFile::encodeName(dbPath(dir)).toStdString());
    auto version = raw.prepare("PRAGMA user_version");
    REQUIRE(version.step());
    CHECK(version.integer(0) == 1);
    version.reset();
}

TEST_CASE("Enqueueing the same idempotency key twice gives one row", "[store]") {
    QuietStoreLog quiet;
    QTemporaryDir dir;
    REQUIRE(dir.isValid());
    {
        LocalStore store(dbPath(dir));
        const qint64 first = enqueue(store, makeItem("kim", "same-key", R"({"text":"첫 번째"})"));
        const qint64 second = enqueue(store, makeItem("kim", "same-key", R"({"text":"두 번째"})"));
        CHECK(second == first);
        const auto pending = pendingItems(store, "kim");
        REQUIRE(pending.size() == 1);
        CHECK(pending[0].body == QStringLiteral(R"({"text":"첫 번째"})").toUtf8());

        auto [seq, error] = tryEnqueue(store, makeItem("kim", ""));
        CHECK(seq == 0);
        CHECK_FALSE(error.isEmpty());
    }
    agentdesk::SqliteDb raw(QFile::encodeName(dbPath(dir)).toStdString());
    auto count = raw.prepare("SELECT count(*) FROM outbox");
    REQUIRE(count.step());
    CHECK(count.integer(0) == 1);
    count.reset();
}

TEST_CASE("Delivered outbox items are no longer pending", "[store]") {
    QuietStoreLog quiet;
    QTemporaryDir dir;
    REQUIRE(dir.isValid());
    LocalStore store(dbPath(dir));
    const qint64 a = enqueue(store, makeItem("kim", "a"));
    const qint64 b = enqueue(store, makeItem("kim", "b"));
    store.markDelivered(a, R"({"id":"N1"})");
    store.markAttempt(a, "late retry");  // ignored: a is no longer pending
    const auto pending = pendingItems(store, "kim");
    REQUIRE(pending.size() == 1);
    CHECK(pending[0].seq == b);
    CHECK(rejectedItems(store, "kim").isEmpty());
    CHECK(pendingItems(store, "lee").isEmpty());
}

TEST_CASE("Rejected outbox items are kept with their error", "[store]") {
    QuietStoreLog quiet;
    QTemporaryDir dir;
    REQUIRE(dir.isValid());
    std::atomic<qint64> now{1'700'000'000'000};
    LocalStoreOptions options;
    options.clock = [&now] { return now.load(); };
    LocalStore store(dbPath(dir), options);
    const qint64 a = enqueue(store, makeItem("kim", "a", R"({"text":"상담 메모 원문"})"));
    store.markAttempt(a, "503 unavailable");
    store.markRejected(a, "409 the call is already closed");
    store.markDelivered(a, "{}");  // ignored: a rejection is final

    now += 30 * kDayMs;
    store.purgeExpired();
    CHECK(pendingItems(store, "kim").isEmpty());
    const auto rejected = rejectedItems(store, "kim");
    REQUIRE(rejected.size() == 1);
    CHECK(rejected[0].seq == a);
    CHECK(rejected[0].attempts == 2);
    CHECK(rejected[0].lastError == "409 the call is already closed");
    CHECK(rejected[0].body == QStringLiteral(R"({"text":"상담 메모 원문"})").toUtf8());
}

TEST_CASE("Cache evicts the least recently used entries per owner and kind", "[store]") {
    QTemporaryDir dir;
    REQUIRE(dir.isValid());
    LocalStoreOptions options;
    options.cacheCapacity = 3;
    LocalStore store(dbPath(dir), options);
    for (const char* id : {"C1", "C2", "C3"})
        store.putCache("kim", "customer", id, QByteArray(R"({"id":")") + id + R"("})");
    for (const char* id : {"K1", "K2", "K3"})
        store.putCache("kim", "article", id, "{}");
    CHECK(cached(store, "kim", "customer", "C1").first);  // a hit is a use
    store.putCache("kim", "customer", "C4", R"({"id":"C4"})");

    CHECK(recentIds(store, "kim", "customer") == QStringList{"C4", "C1", "C3"});
    CHECK_FALSE(cached(store, "kim", "customer", "C2").first);
    CHECK(recentIds(store, "kim", "customer", 2) == QStringList{"C4", "C1"});
    // Another kind has its own budget.
    CHECK(recentIds(store, "kim", "article") == QStringList{"K3", "K2", "K1"});

    const auto hit = cached(store, "kim", "customer", "C4");
    REQUIRE(hit.first);
    CHECK(*hit.first == R"({"id":"C4"})");
    CHECK(hit.second > 0);
}

TEST_CASE("Cache entries are isolated by owner", "[store]") {
    QTemporaryDir dir;
    REQUIRE(dir.isValid());
    LocalStoreOptions options;
    options.cacheCapacity = 2;
    LocalStore store(dbPath(dir), options);
    store.putCache("kim", "customer", "C1", R"({"name":"김민준"})");
    store.putCache("kim", "customer", "C2", R"({"name":"이서연"})");
    store.putCache("lee", "customer", "C3", R"({"name":"박지호"})");
    store.putCache("lee", "customer", "C4", R"({"name":"최수아"})");

    CHECK_FALSE(cached(store, "lee", "customer", "C1").first);
    CHECK(recentIds(store, "lee", "customer") == QStringList{"C4", "C3"});
    CHECK(recentIds(store, "kim", "customer") == QStringList{"C2", "C1"});  // lee's puts evict none
    const auto hit = cached(store, "kim", "customer", "C1");
    REQUIRE(hit.first);
    CHECK(QString::fromUtf8(*hit.first).contains(QStringLiteral("김민준")));
}

TEST_CASE("Cache entries and delivered outbox rows older than 7 days are purged on open",
          "[store]") {
    QTemporaryDir dir;
    REQUIRE(dir.isValid());
    std::atomic<qint64> now{1'700'000'000'000};
    LocalStoreOptions options;
    options.clock = [&now] { return now.load(); };
    qint64 delivered = 0;
    {
        LocalStore store(dbPath(dir), options);
        store.putCache("kim", "customer", "C1", "{}");
        delivered = enqueue(store, makeItem("kim", "delivered-key"));
        store.markDelivered(delivered, "{}");
        enqueue(store, makeItem("kim", "pending-key"));
        store.flush();
        now += 6 * kDayMs;
        CHECK(cached(store, "kim", "customer", "C1").first);  // still fresh
    }
    now += 2 * kDayMs;
    LocalStore store(dbPath(dir), options);
    CHECK_FALSE(cached(store, "kim", "customer", "C1").first);
    CHECK(recentIds(store, "kim", "customer").isEmpty());
    CHECK(pendingItems(store, "kim").size() == 1);  // only delivered rows go
    // The delivered row is gone: its key is free again.
    CHECK(enqueue(store, makeItem("kim", "delivered-key")) > delivered);
}

TEST_CASE("Store operations run on the worker thread and results on the context thread",
          "[store]") {
    QTemporaryDir dir;
    REQUIRE(dir.isValid());
    std::mutex mutex;
    std::condition_variable released;
    bool hold = false;
    std::set<std::thread::id> clockThreads;
    LocalStoreOptions options;
    options.clock = [&] {
        std::unique_lock lock(mutex);
        clockThreads.insert(std::this_thread::get_id());
        released.wait(lock, [&] { return !hold; });
        return QDateTime::currentMSecsSinceEpoch();
    };
    LocalStore store(dbPath(dir), options);
    store.flush();
    {
        std::lock_guard lock(mutex);
        hold = true;
    }
    // The worker stops in the clock; the calls below still return at once, so none of them
    // writes on this thread.
    store.putCache("kim", "customer", "C1", "{}");
    store.saveDraft(makeDraft("kim", "CALL-9", QStringLiteral("통화 중 메모"), 0));
    bool answered = false;
    QThread* answeredOn = nullptr;
    std::optional<NoteDraft> loaded;
    QObject context;
    store.loadDraft("kim", "CALL-9", &context, [&](std::optional<NoteDraft> d) {
        answered = true;
        answeredOn = QThread::currentThread();
        loaded = std::move(d);
    });
    spinFor(100);
    CHECK_FALSE(answered);
    {
        std::lock_guard lock(mutex);
        hold = false;
    }
    released.notify_all();
    REQUIRE(waitUntilMs([&] { return answered; }));
    CHECK(answeredOn == QThread::currentThread());
    REQUIRE(loaded);
    CHECK(loaded->updatedAtMs > 0);  // stamped by the store
    enqueue(store, makeItem("kim", "thread-key"));
    std::lock_guard lock(mutex);
    CHECK(clockThreads.size() == 1);
    CHECK(clockThreads.count(std::this_thread::get_id()) == 0);
}

TEST_CASE("A result whose context is gone is dropped", "[store]") {
    QTemporaryDir dir;
    REQUIRE(dir.isValid());
    LocalStore store(dbPath(dir));
    int called = 0;
    auto count = [&called](const QList<NoteDraft>&) { ++called; };

    auto* before = new QObject;
    store.loadDrafts("kim", before, count);
    delete before;  // before the worker answers
    auto* after = new QObject;
    store.loadDrafts("kim", after, count);
    store.flush();
    delete after;  // the answer is already posted
    store.loadDrafts("kim", nullptr, count);

    // An answer queued behind the others shows the event queue was drained.
    CHECK(drafts(store, "kim").isEmpty());
    spinFor(50);
    CHECK(called == 0);
}

TEST_CASE("A store that cannot open reports storeError and still answers", "[store]") {
    QuietStoreLog quiet;
    QTemporaryDir dir;
    REQUIRE(dir.isValid());
    QFile blocker(dir.filePath("blocker"));
    REQUIRE(blocker.open(QIODevice::WriteOnly));
    blocker.close();
    LocalStore store(dir.filePath("blocker/client.db"));  // a file where a directory should be
    QStringList errors;
    QObject::connect(&store, &LocalStore::storeError,
                     [&errors](const QString& what) { errors << what; });

    CHECK(drafts(store, "kim").isEmpty());
    auto [seq, error] = tryEnqueue(store, makeItem("kim", "k"));
    CHECK(seq == 0);
    CHECK_FALSE(error.isEmpty());
    CHECK_FALSE(cached(store, "kim", "customer", "C1").first);
    REQUIRE(waitUntilMs([&] { return errors.size() >= 4; }));
    CHECK(errors[0].startsWith("open"));
    CHECK(errors[1].startsWith("loadDrafts"));
}

TEST_CASE("DraftAutosaver writes a burst of edits once after the pause", "[store]") {
    QTemporaryDir dir;
    REQUIRE(dir.isValid());
    LocalStore store(dbPath(dir));
    DraftAutosaver autosaver(store);
    QElapsedTimer clock;
    clock.start();
    std::vector<qint64> savedAt;
    QObject::connect(
        &autosaver, &DraftAutosaver::saved,
        [&](const QString&, const QString&, qint64) { savedAt.push_back(clock.elapsed()); });

    const QString text = koreanNote(20);
    for (int i = 1; i <= text.size(); ++i)
        autosaver.edited(makeDraft("kim", "CALL-1", text.left(i), 0));
    const qint64 lastEdit = clock.elapsed();
    CHECK(autosaver.pendingCount() == 1);

    REQUIRE(waitUntilMs([&] { return !savedAt.empty(); }));
    spinFor(static_cast<int>(DraftAutosaver::kMaxDelayMs) + 300);
    CHECK(savedAt.size() == 1);
    CHECK(savedAt[0] - lastEdit >= DraftAutosaver::kPauseMs - 5);
    CHECK(autosaver.pendingCount() == 0);
    const auto stored = draft(store, "kim", "CALL-1");
    REQUIRE(stored);
    CHECK(stored->text == text);
}

TEST_CASE("DraftAutosaver keeps the store within 1 s of continuous typing", "[store]") {
    QTemporaryDir dir;
    REQUIRE(dir.isValid());
    LocalStore store(dbPath(dir));
    DraftAutosaver autosaver(store);
    const QString text = koreanNote(60);
    QElapsedTimer clock;
    clock.start();

    std::vector<qint64> editAt;  // editAt[i]: when the draft with i + 1 characters was edited
    bool typing = true;
    int savesWhileTyping = 0;
    QObject::connect(&autosaver, &DraftAutosaver::saved, [&] {
        if (typing)
            ++savesWhileTyping;
    });
    struct Sample {
        qint64 requestedAt = 0;
        int edits = 0;
        int stored = -1;  // characters in the store; -1 until answered
    };
    std::vector<Sample> samples;
    QObject context;

    QTimer typist;
    typist.setTimerType(Qt::PreciseTimer);
    QObject::connect(&typist, &QTimer::timeout, [&] {
        if (clock.elapsed() >= 2500 || static_cast<int>(editAt.size()) == text.size()) {
            typist.stop();
            typing = false;
            return;
        }
        editAt.push_back(clock.elapsed());
        autosaver.edited(makeDraft("kim", "CALL-1", text.left(static_cast<int>(editAt.size())), 0));
    });
    QTimer sampler;
    sampler.setTimerType(Qt::PreciseTimer);
    QObject::connect(&sampler, &QTimer::timeout, [&] {
        const std::size_t index = samples.size();
        samples.push_back({clock.elapsed(), static_cast<int>(editAt.size()), -1});
        store.loadDraft("kim", "CALL-1", &context, [&samples, index](std::optional<NoteDraft> d) {
            samples[index].stored = d ? static_cast<int>(d->text.size()) : 0;
        });
    });
    typist.start(100);
    sampler.start(50);
    REQUIRE(waitUntilMs([&] { return !typing; }, 60000));
    sampler.stop();
    REQUIRE(waitUntilMs([&] {
        for (const auto& s : samples) {
            if (s.stored < 0)
                return false;
        }
        return true;
    }));

    REQUIRE(editAt.size() >= 20);
    CHECK(savesWhileTyping >= 2);
    qint64 worst = 0;
    for (const auto& s : samples) {
        INFO("sample at " << s.requestedAt << " ms: " << s.edits << " edits, " << s.stored
                          << " stored");
        REQUIRE(s.stored <= s.edits);
        if (s.stored < s.edits) {
            // The oldest edit not in the store yet, and how long ago it was made.
            const qint64 behind = s.requestedAt - editAt[static_cast<std::size_t>(s.stored)];
            worst = std::max(worst, behind);
            CHECK(behind <= 1000);
        }
    }
    INFO("worst lag " << worst << " ms");
    CHECK(worst > 0);

    // And once typing stops, the last edit lands.
    REQUIRE(waitUntilMs([&] {
        const auto d = draft(store, "kim", "CALL-1");
        return d && d->text == text.left(static_cast<int>(editAt.size()));
    }));
}

TEST_CASE("DraftAutosaver keeps several drafts pending and discard cancels one", "[store]") {
    QTemporaryDir dir;
    REQUIRE(dir.isValid());
    LocalStore store(dbPath(dir));
    DraftAutosaver autosaver(store);
    QStringList savedKeys;
    QObject::connect(&autosaver, &DraftAutosaver::saved,
                     [&](const QString&, const QString& key, qint64) { savedKeys << key; });

    store.saveDraft(makeDraft("kim", "CALL-3", QStringLiteral("이미 저장된 메모"), 500));
    autosaver.edited(makeDraft("kim", "CALL-1", QStringLiteral("첫 번째 통화"), 0));
    autosaver.edited(makeDraft("kim", "customer:C00001", QStringLiteral("고객 메모"), 0));
    autosaver.edited(makeDraft("kim", "CALL-3", QStringLiteral("이미 저장된 메모 추가"), 0));
    CHECK(autosaver.pendingCount() == 3);
    autosaver.discard("kim", "CALL-1");  // submitted before the pause ended
    autosaver.discard("kim", "CALL-3");  // also removes what the store already had
    CHECK(autosaver.pendingCount() == 1);

    REQUIRE(waitUntilMs([&] { return savedKeys.contains("customer:C00001"); }));
    spinFor(static_cast<int>(DraftAutosaver::kMaxDelayMs) + 300);
    CHECK(savedKeys == QStringList{"customer:C00001"});
    CHECK_FALSE(draft(store, "kim", "CALL-1"));
    CHECK_FALSE(draft(store, "kim", "CALL-3"));

    autosaver.edited(makeDraft("kim", "CALL-2", QStringLiteral("곧바로 저장"), 0));
    autosaver.flushNow();
    CHECK(autosaver.pendingCount() == 0);
    const auto flushed = draft(store, "kim", "CALL-2");
    REQUIRE(flushed);
    CHECK(flushed->text == QStringLiteral("곧바로 저장"));
}

TEST_CASE("draft survives the writing process being killed with SIGKILL", "[store]") {
    QTemporaryDir dir;
    REQUIRE(dir.isValid());
    const QString owner = QStringLiteral("counselor1");
    const QString key = QStringLiteral("CALL-77");

    SECTION("killed one second after typing stopped") {
        const QString text = koreanNote(30);
        TypistProcess typist(dbPath(dir), owner, key, text, 20);
        bool idle = false;
        while (auto line = typist.readLine()) {
            if (*line == "idle") {
                idle = true;
                break;
            }
        }
        REQUIRE(idle);
        // The subject: a draft is on disk within a second of the last key, without a save.
        std::this_thread::sleep_for(std::chrono::seconds(1));
        const int status = typist.killNow();
        REQUIRE(WIFSIGNALED(status));
        CHECK(WTERMSIG(status) == SIGKILL);

        LocalStore store(dbPath(dir));
        const auto stored = draft(store, owner, key);
        REQUIRE(stored);
        CHECK(stored->text == text);
    }

    SECTION("killed in the middle of typing") {
        const QString text = koreanNote(120);
        TypistProcess typist(dbPath(dir), owner, key, text, 20);
        std::vector<std::pair<int, qint64>> arrivals;  // (characters typed, when the line came)
        while (auto line = typist.readLine()) {
            const int n = typedCount(*line);
            if (n > 0)
                arrivals.emplace_back(n, steadyMs());
            if (n >= 60)
                break;
        }
        const qint64 killedAt = steadyMs();
        REQUIRE(!arrivals.empty());
        REQUIRE(arrivals.back().first >= 60);
        const int status = typist.killNow();
        REQUIRE(WIFSIGNALED(status));
        CHECK(WTERMSIG(status) == SIGKILL);

        // Everything typed at least one second before the kill must be in the store.
        int required = 0;
        for (const auto& [n, at] : arrivals) {
            if (at <= killedAt - 1000)
                required = n;
        }
        LocalStore store(dbPath(dir));
        const auto stored = draft(store, owner, key);
        INFO("required " << required << " characters, typed " << arrivals.back().first);
        if (required > 0)
            REQUIRE(stored);
        if (stored) {
            INFO("stored " << stored->text.size() << " characters");
            CHECK(text.startsWith(stored->text));
            CHECK(stored->text.size() >= required);
            CHECK(stored->text.size() < text.size());
        }
    }
}

TEST_CASE("Logout clears the owner's cached customers but keeps drafts, files are owner-only",
          "[store][security]") {
    QTemporaryDir dir;
    REQUIRE(dir.isValid());
    LocalStore store(dbPath(dir));
    store.putCache("kim", "customer", "C1", R"({"name":"김민준"})");
    store.putCache("lee", "customer", "C3", R"({"name":"박지호"})");
    store.saveDraft(makeDraft("kim", "CALL-1", QStringLiteral("통화 메모"), 1000));
    store.clearCache("kim");

    CHECK_FALSE(cached(store, "kim", "customer", "C1").first);
    CHECK(cached(store, "lee", "customer", "C3").first);  // another counselor's is theirs
    CHECK(drafts(store, "kim").size() == 1);              // the counselor's work stays
    store.flush();
    const QFileInfo db(dbPath(dir));
    CHECK(db.permissions() == (QFileDevice::ReadOwner | QFileDevice::WriteOwner |
                               QFileDevice::ReadUser | QFileDevice::WriteUser));
    const QFileInfo folder(db.absolutePath());
    CHECK_FALSE(folder.permissions() &
                (QFileDevice::ReadGroup | QFileDevice::ReadOther | QFileDevice::ExeOther));
}
