// Test helper: "types" a note draft through DraftAutosaver into a LocalStore, one character
// (Unicode code point) per interval, so that a test can kill it with SIGKILL at a chosen moment
// and check what survived.
//
//   agentdesk_draft_typist DB_PATH OWNER KEY TEXT INTERVAL_MS
//
// Prints "typed N" after the N-th character and "idle" after the last (each line flushed), then
// keeps running until it is killed.
#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <vector>

#include <QCoreApplication>
#include <QString>
#include <QTimer>

#include "common/logging.h"
#include "crm/store/draft_autosaver.h"
#include "crm/store/local_store.h"

namespace {

// UTF-16 offsets just past each code point of text.
std::vector<qsizetype> codePointEnds(const QString& text) {
    std::vector<qsizetype> ends;
    for (qsizetype i = 0; i < text.size();) {
        const bool pair =
            text.at(i).isHighSurrogate() && i + 1 < text.size() && text.at(i + 1).isLowSurrogate();
        i += pair ? 2 : 1;
        ends.push_back(i);
    }
    return ends;
}

}  // namespace

int main(int argc, char* argv[]) {
    QCoreApplication app(argc, argv);
    if (argc != 6) {
        std::fprintf(stderr, "usage: %s DB_PATH OWNER KEY TEXT INTERVAL_MS\n", argv[0]);
        return 2;
    }
    agentdesk::logging::init({"agentdesk-draft-typist", "", true, false, "warn"});

    using agentdesk::crm::NoteDraft;
    agentdesk::crm::LocalStore store(QString::fromLocal8Bit(argv[1]));
    agentdesk::crm::DraftAutosaver autosaver(store);
    QObject::connect(&store, &agentdesk::crm::LocalStore::storeError, [](const QString& what) {
        std::fprintf(stderr, "store error: %s\n", qPrintable(what));
    });

    const QString owner = QString::fromUtf8(argv[2]);
    const QString key = QString::fromUtf8(argv[3]);
    const QString text = QString::fromUtf8(argv[4]);
    const int interval = std::atoi(argv[5]);
    const std::vector<qsizetype> ends = codePointEnds(text);

    std::size_t typed = 0;
    QTimer typist;
    typist.setTimerType(Qt::PreciseTimer);
    QObject::connect(&typist, &QTimer::timeout, [&] {
        if (typed < ends.size()) {
            ++typed;
            NoteDraft draft;
            draft.owner = owner;
            draft.key = key;
            draft.callId = key;
            draft.text = text.left(ends[typed - 1]);
            autosaver.edited(draft);
            // Flushed: a line the test has read is a character already typed.
            std::printf("typed %zu\n", typed);
            std::fflush(stdout);
        }
        if (typed == ends.size()) {
            typist.stop();
            std::printf("idle\n");
            std::fflush(stdout);
        }
    });
    typist.start(std::max(1, interval));
    return app.exec();
}
