// A counselor process for the fault campaign: the real client core (ClientSession, LocalStore,
// DraftAutosaver's store, Outbox) writing notes the way the desktop does, driven line by line
// from stdin, and killed with SIGKILL whenever the campaign likes.
//
//   agentdesk_fault_counselor API_BASE_URL STORE_PATH USERNAME
//
// stdin:  "note ID TEXT"  the counselor types TEXT (saved as a draft, as the editor's autosave
//                         does) and submits it (queued in the outbox with the draft removed in
//                         the same transaction); commands wait while logged out
//         "status"        prints "pending N" (outbox submissions not yet delivered)
// stdout: "ready", "drafted ID", "queued ID", "delivered ID", "resubmitted ID", "pending N"
//         (one line each, flushed)
// On start, and after the server forgets the session, it logs in again until it can. Drafts
// left by a killed run are submitted again, as a counselor does from the restored-drafts bar.
#include <unistd.h>
#include <cstdio>
#include <deque>

#include <QCoreApplication>
#include <QHash>
#include <QSocketNotifier>
#include <QTimer>

#include "common/logging.h"
#include "crm/net/http_transport.h"
#include "crm/session/client_session.h"
#include "crm/session/outbox.h"
#include "crm/store/local_store.h"

using namespace agentdesk::crm;

namespace {

const QString kDraftPrefix = QStringLiteral("fault-");

void say(const QString& line) {
    std::printf("%s\n", qPrintable(line));
    std::fflush(stdout);
}

class Counselor : public QObject {
public:
    Counselor(const QString& base, const QString& storePath, const QString& username)
        : store_(storePath), session_(transport_, base, &store_), username_(username) {
        connect(&session_, &ClientSession::sessionExpired, this, [this] { scheduleLogin(); });
        Outbox* outbox = session_.outbox();
        connect(outbox, &Outbox::queued, this,
                [this](const QString& key) { say(QStringLiteral("queued ") + idOf(key)); });
        connect(outbox, &Outbox::delivered, this, [this](const QString& key, const Note&) {
            say(QStringLiteral("delivered ") + idOf(key));
        });
        connect(outbox, &Outbox::rejected, this, [this](const QString& key, const ApiError& e) {
            say(QStringLiteral("rejected ") + idOf(key) + QLatin1Char(' ') + e.describe());
        });
        loginTimer_.setSingleShot(true);
        connect(&loginTimer_, &QTimer::timeout, this, [this] { login(); });
        stdin_ = new QSocketNotifier(STDIN_FILENO, QSocketNotifier::Read, this);
        connect(stdin_, &QSocketNotifier::activated, this, [this] { readInput(); });
        login();
    }

private:
    void scheduleLogin() {
        ready_ = false;
        if (!loginTimer_.isActive() && !loggingIn_)
            loginTimer_.start(300);
    }

    void login() {
        loggingIn_ = true;
        session_.login(username_, QStringLiteral("demo"), [this](const ApiError& error) {
            loggingIn_ = false;
            if (error || session_.wrapupCodes().isEmpty()) {
                scheduleLogin();
                return;
            }
            ready_ = true;
            say(QStringLiteral("ready"));
            if (firstLogin_) {
                firstLogin_ = false;
                resubmitDrafts();
            }
            runCommands();
        });
    }

    void resubmitDrafts() {
        store_.loadDrafts(session_.owner(), this, [this](QList<NoteDraft> drafts) {
            for (const NoteDraft& draft : drafts) {
                if (!draft.key.startsWith(kDraftPrefix))
                    continue;
                submit(draft);
                say(QStringLiteral("resubmitted ") + draft.key.mid(kDraftPrefix.size()));
            }
        });
    }

    void readInput() {
        char buffer[4096];
        const ssize_t n = ::read(STDIN_FILENO, buffer, sizeof buffer);
        if (n <= 0) {
            stdin_->setEnabled(false);
            QCoreApplication::quit();
            return;
        }
        pendingInput_.append(buffer, static_cast<int>(n));
        for (int nl; (nl = pendingInput_.indexOf('\n')) >= 0;) {
            commands_.push_back(QString::fromUtf8(pendingInput_.left(nl)));
            pendingInput_.remove(0, nl + 1);
        }
        runCommands();
    }

    void runCommands() {
        while (!commands_.empty()) {
            const QString line = commands_.front();
            if (line == QLatin1String("status")) {
                commands_.pop_front();
                say(QStringLiteral("pending %1").arg(session_.outbox()->pendingCount()));
                continue;
            }
            if (!ready_)
                return;  // notes wait for a login
            commands_.pop_front();
            const QStringList parts = line.split(QLatin1Char(' '));
            if (parts.size() < 3 || parts[0] != QLatin1String("note"))
                continue;
            NoteDraft draft;
            draft.owner = session_.owner();
            draft.key = kDraftPrefix + parts[1];
            draft.customerId = QStringLiteral("C00001");
            draft.wrapupCode = session_.wrapupCodes().front().code;
            draft.text = parts.mid(2).join(QLatin1Char(' '));
            const QString id = parts[1];
            store_.saveDraft(draft, this, [this, draft, id](bool ok) {
                if (!ok)
                    return;
                say(QStringLiteral("drafted ") + id);
                submit(draft);
            });
        }
    }

    // As the editor does: a new idempotency key for each submit.
    void submit(const NoteDraft& draft) {
        NoteSubmission note;
        note.customerId = draft.customerId;
        note.wrapupCode = draft.wrapupCode;
        note.text = draft.text;
        const QString key = session_.outbox()->submitNote(note, draft.key);
        ids_.insert(key, draft.key.mid(kDraftPrefix.size()));
    }

    // The campaign's note id for an idempotency key of this run (else the key itself: a
    // submission replayed from a killed run).
    QString idOf(const QString& key) const { return ids_.value(key, key); }

    HttpTransport transport_;
    LocalStore store_;
    ClientSession session_;
    QString username_;
    QTimer loginTimer_;
    QSocketNotifier* stdin_ = nullptr;
    QByteArray pendingInput_;
    std::deque<QString> commands_;
    QHash<QString, QString> ids_;
    bool ready_ = false;
    bool loggingIn_ = false;
    bool firstLogin_ = true;
};

}  // namespace

int main(int argc, char* argv[]) {
    QCoreApplication app(argc, argv);
    if (argc != 4) {
        std::fprintf(stderr, "usage: %s API_BASE_URL STORE_PATH USERNAME\n", argv[0]);
        return 2;
    }
    agentdesk::logging::init({"agentdesk-fault-counselor", "", true, false, "error"});
    Counselor counselor(QString::fromUtf8(argv[1]), QString::fromUtf8(argv[2]),
                        QString::fromUtf8(argv[3]));
    return app.exec();
}
