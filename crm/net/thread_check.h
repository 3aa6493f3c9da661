#pragma once
// docs/architecture.md: objects that live on one thread say so when they are called from another.
// Logs (does not abort) so a wrong-thread call shows up in the field logs, not as a crash.
#include <QObject>
#include <QThread>

#include "common/logging.h"

namespace agentdesk::crm {

inline bool onOwnerThread(const QObject* owner, const char* where) {
    if (QThread::currentThread() == owner->thread())
        return true;
    logging::get("crm")->error("{} called from a thread that does not own it", where);
    return false;
}

}  // namespace agentdesk::crm
