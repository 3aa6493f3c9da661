#include "crm/store/draft_autosaver.h"

#include <algorithm>
#include <limits>

#include <QDateTime>
#include <QThread>

#include <spdlog/spdlog.h>

#include "common/logging.h"

namespace agentdesk::crm {

DraftAutosaver::DraftAutosaver(LocalStore& store, QObject* parent)
    : QObject(parent), store_(store) {
    // A coarse timer may fire 5 % late; the 1 s promise needs the precise one.
    timer_.setTimerType(Qt::PreciseTimer);
    timer_.setSingleShot(true);
    connect(&timer_, &QTimer::timeout, this, &DraftAutosaver::saveDue);
    clock_.start();
}

DraftAutosaver::~DraftAutosaver() {
    // Nobody is left to hear about these writes.
    for (const auto& [key, entry] : pending_)
        save(entry, false);
}

bool DraftAutosaver::onOwnThread(const char* what) const {
    if (QThread::currentThread() == thread())
        return true;
    logging::get("store")->error("DraftAutosaver::{} called off its own thread; ignored", what);
    return false;
}

void DraftAutosaver::edited(const NoteDraft& draft) {
    if (!onOwnThread("edited"))
        return;
    const qint64 now = clock_.elapsed();
    auto [it, inserted] = pending_.try_emplace(Key{draft.owner, draft.key});
    Pending& entry = it->second;
    entry.draft = draft;
    if (entry.draft.updatedAtMs == 0)
        entry.draft.updatedAtMs = QDateTime::currentMSecsSinceEpoch();
    if (inserted)
        entry.firstEditMs = now;
    entry.lastEditMs = now;
    reschedule();
}

void DraftAutosaver::discard(const QString& owner, const QString& key) {
    if (!onOwnThread("discard"))
        return;
    pending_.erase(Key{owner, key});
    // Queued after any save already handed over, so the draft ends up gone.
    store_.removeDraft(owner, key);
    reschedule();
}

void DraftAutosaver::flushNow() {
    if (!onOwnThread("flushNow"))
        return;
    for (const auto& [key, entry] : pending_)
        save(entry);
    pending_.clear();
    timer_.stop();
}

void DraftAutosaver::saveDue() {
    const qint64 now = clock_.elapsed();
    for (auto it = pending_.begin(); it != pending_.end();) {
        if (it->second.deadline() <= now) {
            save(it->second);
            it = pending_.erase(it);
        } else {
            ++it;
        }
    }
    reschedule();
}

void DraftAutosaver::save(const Pending& entry, bool confirm) {
    const NoteDraft& draft = entry.draft;
    if (!confirm) {
        store_.saveDraft(draft);
        return;
    }
    store_.saveDraft(
        draft, this,
        [this, owner = draft.owner, key = draft.key, updatedAt = draft.updatedAtMs](bool ok) {
            if (ok)
                emit saved(owner, key, updatedAt);
        });
}

void DraftAutosaver::reschedule() {
    if (pending_.empty()) {
        timer_.stop();
        return;
    }
    qint64 next = std::numeric_limits<qint64>::max();
    for (const auto& [key, entry] : pending_)
        next = std::min(next, entry.deadline());
    timer_.start(static_cast<int>(std::max<qint64>(0, next - clock_.elapsed())));
}

}  // namespace agentdesk::crm
