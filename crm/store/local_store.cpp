#include "crm/store/local_store.h"

#include "crm/store/local_store_worker.h"

namespace agentdesk::crm {

using namespace local_store_detail;

namespace {

NoteDraft readDraft(const Statement& row) {
    NoteDraft draft;
    draft.owner = qstr(row.text(0));
    draft.key = qstr(row.text(1));
    draft.customerId = qstr(row.text(2));
    draft.callId = qstr(row.text(3));
    draft.wrapupCode = qstr(row.text(4));
    draft.text = qstr(row.text(5));
    draft.updatedAtMs = row.integer(6);
    return draft;
}
constexpr const char* kDraftColumns =
    "owner, key, customer_id, call_id, wrapup_code, text, updated_at_ms";

}  // namespace

QString defaultLocalStorePath() {
    QString dataHome = qEnvironmentVariable("XDG_DATA_HOME");
    // The XDG spec says to ignore a relative path.
    if (dataHome.isEmpty() || QDir::isRelativePath(dataHome))
        dataHome = QDir::homePath() + QStringLiteral("/.local/share");
    const QString dir = dataHome + QStringLiteral("/agentdesk");
    if (!QDir().mkpath(dir))
        logging::get("store")->warn("cannot create the local store directory");
    return dir + QStringLiteral("/client.db");
}

LocalStore::LocalStore(const QString& path, LocalStoreOptions options, QObject* parent)
    : QObject(parent), d_(std::make_unique<Impl>(this, path, std::move(options))) {
    d_->submit("open", [d = d_.get()](Worker& w) { d->open(w); });
    d_->thread = std::thread([d = d_.get()] { d->runLoop(); });
}

LocalStore::~LocalStore() {
    flush();
    {
        std::lock_guard lock(d_->mutex);
        d_->stopping = true;
    }
    d_->wake.notify_one();
    d_->thread.join();
    d_->contexts->disconnectAll();
}

QString LocalStore::path() const {
    return d_->path;
}

void LocalStore::flush() {
    if (std::this_thread::get_id() == d_->thread.get_id()) {
        d_->log->error("flush() called on the store's own thread; ignored");
        return;
    }
    std::unique_lock lock(d_->mutex);
    const quint64 target = d_->queued;
    d_->idle.wait(lock, [&] { return d_->finished >= target; });
}

// --- Drafts ---

void LocalStore::saveDraft(NoteDraft draft, QObject* context, std::function<void(bool)> done) {
    auto gate = d_->contexts->gateFor(context);
    auto report = [gate, done](bool ok) {
        if (done)
            deliver(gate, [done, ok] { done(ok); });
    };
    d_->submit(
        "saveDraft",
        [draft = std::move(draft), report](Worker& w) {
            if (draft.owner.isEmpty() || draft.key.isEmpty())
                throw std::invalid_argument("a draft needs an owner and a key");
            const qint64 updatedAt = draft.updatedAtMs != 0 ? draft.updatedAtMs : w.now();
            // No "newer wins" guard: jobs run in call order, and a clock set back must not
            // make the latest keystrokes lose.
            w.database()
                .prepare(
                    "INSERT INTO drafts (owner, key, customer_id, call_id, wrapup_code, text, "
                    "updated_at_ms) VALUES (?, ?, ?, ?, ?, ?, ?) "
                    "ON CONFLICT (owner, key) DO UPDATE SET customer_id = excluded.customer_id, "
                    "call_id = excluded.call_id, wrapup_code = excluded.wrapup_code, "
                    "text = excluded.text, updated_at_ms = excluded.updated_at_ms")
                .bind(1, str(draft.owner))
                .bind(2, str(draft.key))
                .bind(3, str(draft.customerId))
                .bind(4, str(draft.callId))
                .bind(5, str(draft.wrapupCode))
                .bind(6, str(draft.text))
                .bind(7, updatedAt)
                .run();
            report(true);
        },
        [report](const QString&) { report(false); });
}

void LocalStore::removeDraft(const QString& owner, const QString& key) {
    d_->submit("removeDraft", [owner, key](Worker& w) {
        w.database()
            .prepare("DELETE FROM drafts WHERE owner = ? AND key = ?")
            .bind(1, str(owner))
            .bind(2, str(key))
            .run();
    });
}

void LocalStore::loadDrafts(const QString& owner, QObject* context,
                            std::function<void(QList<NoteDraft>)> done) {
    d_->submitRead<QList<NoteDraft>>("loadDrafts", context, std::move(done), [owner](Worker& w) {
        auto query =
            w.database().prepare(std::string("SELECT ") + kDraftColumns +
                                 " FROM drafts WHERE owner = ? ORDER BY updated_at_ms DESC, key");
        query.bind(1, str(owner));
        QList<NoteDraft> drafts;
        while (query.step())
            drafts.append(readDraft(query));
        return drafts;
    });
}

void LocalStore::loadDraft(const QString& owner, const QString& key, QObject* context,
                           std::function<void(std::optional<NoteDraft>)> done) {
    d_->submitRead<std::optional<NoteDraft>>(
        "loadDraft", context, std::move(done), [owner, key](Worker& w) {
            auto query = w.database().prepare(std::string("SELECT ") + kDraftColumns +
                                              " FROM drafts WHERE owner = ? AND key = ?");
            query.bind(1, str(owner)).bind(2, str(key));
            std::optional<NoteDraft> draft;
            if (query.step())
                draft = readDraft(query);
            query.reset();
            return draft;
        });
}

void LocalStore::purgeExpired() {
    d_->submit("purgeExpired", [](Worker& w) { purge(w); });
}

}  // namespace agentdesk::crm
