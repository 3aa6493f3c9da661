#pragma once
// Saves note drafts while the counselor types, so that every keystroke is in the local store
// within a second: a save once typing pauses for kPauseMs, and during continuous typing no later
// than kMaxDelayMs after the first unsaved edit (below 1 s, leaving room for the write itself).
//
// Threads and ownership: lives on the GUI thread and is used only there (calls from another
// thread are logged and ignored). Saves are queued to the LocalStore, which writes on its worker
// thread; the LocalStore must outlive the autosaver. The destructor saves what is pending.
#include <algorithm>
#include <map>
#include <utility>

#include <QElapsedTimer>
#include <QObject>
#include <QString>
#include <QTimer>

#include "crm/store/local_store.h"

namespace agentdesk::crm {

class DraftAutosaver : public QObject {
    Q_OBJECT
public:
    static constexpr qint64 kPauseMs = 300;
    static constexpr qint64 kMaxDelayMs = 800;

    explicit DraftAutosaver(LocalStore& store, QObject* parent = nullptr);
    ~DraftAutosaver() override;

    // Call on every edit with the whole draft. updatedAtMs 0 is stamped with the current time.
    void edited(const NoteDraft& draft);
    // After a successful submit: drops a pending save for (owner, key) and removes the draft.
    void discard(const QString& owner, const QString& key);
    // Saves every pending draft now.
    void flushNow();

    // Drafts edited but not yet handed to the store.
    int pendingCount() const { return static_cast<int>(pending_.size()); }

signals:
    // The store confirmed a write of the draft edited at updatedAtMs.
    void saved(const QString& owner, const QString& key, qint64 updatedAtMs);

private:
    using Key = std::pair<QString, QString>;  // (owner, key)
    struct Pending {
        NoteDraft draft;
        qint64 firstEditMs = 0;  // of the oldest unsaved edit, on clock_
        qint64 lastEditMs = 0;
        qint64 deadline() const {
            return std::min(lastEditMs + kPauseMs, firstEditMs + kMaxDelayMs);
        }
    };

    bool onOwnThread(const char* what) const;
    void saveDue();
    void save(const Pending& pending, bool confirm = true);
    void reschedule();

    LocalStore& store_;
    QTimer timer_;
    QElapsedTimer clock_;
    std::map<Key, Pending> pending_;
};

}  // namespace agentdesk::crm
