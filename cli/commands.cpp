#include "cli/commands.h"

#include <cstdio>
#include <iostream>
#include <string>

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTimer>
#include <QUuid>

#include "crm/api/api_client.h"
#include "crm/events/event_stream.h"

namespace agentdesk::cli {

using crm::ApiClient;
using crm::ApiError;

namespace {

void finish(int code) {
    QCoreApplication::exit(code);
}

void usage(const QString& text) {
    printError(QStringLiteral("usage: agentdesk-cli %1").arg(text));
    QTimer::singleShot(0, [] { finish(kExitUsage); });
}

// An ApiClient with the saved login's token, or null (and the loop ends) when not logged in.
ApiClient* loggedInClient(CliContext& ctx, crm::HttpTransport& transport) {
    const auto login = ctx.loadLogin();
    if (!login) {
        printError(QStringLiteral("error: not logged in to %1; run: agentdesk-cli login USERNAME")
                       .arg(ctx.server));
        QTimer::singleShot(0, [] { finish(kExitFailed); });
        return nullptr;
    }
    auto* api = new ApiClient(transport, ctx.server, ctx.root);
    api->setToken(login->token);
    QObject::connect(api, &ApiClient::unauthorized, [] {
        printError(QStringLiteral("error: the saved login has expired; log in again"));
    });
    return api;
}

QString json(const QJsonObject& o) {
    return QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Compact));
}

// Ends the command with the outcome of a 202 command.
ApiClient::DoneHandler commandDone(const QString& what, const QString& requestId) {
    return [what, requestId](const ApiError& error) {
        if (error) {
            finish(reportError(what, error));
            return;
        }
        printLine(QStringLiteral("%1: accepted (request %2)").arg(what, requestId));
        finish(kExitOk);
    };
}

QString readPassword() {
    const QString fromEnv = qEnvironmentVariable("AGENTDESK_PASSWORD");
    if (!fromEnv.isEmpty())
        return fromEnv;
    std::fputs("password: ", stderr);
    std::string line;
    std::getline(std::cin, line);
    return QString::fromStdString(line);
}

}  // namespace

void runLogin(CliContext& ctx, crm::HttpTransport& transport) {
    if (ctx.args.isEmpty())
        return usage(QStringLiteral("login USERNAME [--password P]   (or AGENTDESK_PASSWORD)"));
    const QString username = ctx.args.value(0);
    QString password;
    const int at = static_cast<int>(ctx.args.indexOf(QStringLiteral("--password")));
    password = at > 0 ? ctx.args.value(at + 1) : readPassword();
    auto* api = new ApiClient(transport, ctx.server, ctx.root);
    api->login(
        api, username, password, [&ctx, username](const crm::LoginResult& r, const ApiError& e) {
            if (e)
                return finish(reportError(QStringLiteral("login"), e));
            if (!ctx.saveLogin({ctx.server, username, r.token, r.expiresAt.toString(Qt::ISODate)}))
                printError(QStringLiteral("warning: could not save the login to %1")
                               .arg(CliContext::sessionFilePath()));
            printLine(QStringLiteral("logged in as %1 (%2, %3) on %4 until %5")
                          .arg(r.agent.name, r.agent.id, r.agent.role, ctx.server,
                               r.expiresAt.toLocalTime().toString(Qt::ISODate)));
            finish(kExitOk);
        });
}

void runLogout(CliContext& ctx, crm::HttpTransport& transport) {
    ApiClient* api = loggedInClient(ctx, transport);
    if (!api)
        return;
    api->logout(api, [&ctx](const ApiError& e) {
        if (e && !e.isUnauthorized())
            return finish(reportError(QStringLiteral("logout"), e));
        ctx.forgetLogin();
        printLine(QStringLiteral("logged out"));
        finish(kExitOk);
    });
}

void runEvents(CliContext& ctx, crm::HttpTransport& transport) {
    ApiClient* api = loggedInClient(ctx, transport);
    if (!api)
        return;
    auto* stream = new crm::EventStream(*api, ctx.root);
    QObject::connect(stream, &crm::EventStream::statusChanged, [stream](crm::ConnectionStatus s) {
        printError(QStringLiteral("-- %1").arg(crm::connectionStatusToString(s)));
        if (s == crm::ConnectionStatus::AuthExpired)
            finish(kExitFailed);
        Q_UNUSED(stream);
    });
    QObject::connect(stream, &crm::EventStream::snapshotReceived, [](const crm::Snapshot& s) {
        printLine(QStringLiteral("%1 snapshot {\"agent\":\"%2\",\"state\":\"%3\",\"call\":\"%4\"}")
                      .arg(s.lastEventId)
                      .arg(s.agent.id, crm::agentStateToString(s.agent.state),
                           s.call ? s.call->id : QString()));
    });
    QObject::connect(stream, &crm::EventStream::eventReceived, [](const crm::StreamEvent& e) {
        printLine(QStringLiteral("%1 %2 %3").arg(e.id).arg(e.type, json(e.data)));
    });
    stream->start();
}

void runState(CliContext& ctx, crm::HttpTransport& transport) {
    const QString state = ctx.args.value(0);
    const crm::AgentState target = state == QLatin1String("acw") ? crm::AgentState::AfterCallWork
                                                                 : crm::agentStateFromString(state);
    if (target != crm::AgentState::Ready && target != crm::AgentState::NotReady &&
        target != crm::AgentState::AfterCallWork)
        return usage(QStringLiteral("state ready | not_ready [REASON] | acw"));
    ApiClient* api = loggedInClient(ctx, transport);
    if (!api)
        return;
    auto id = std::make_shared<QString>();
    *id = api->setState(api, target, ctx.args.value(1),
                        [id](const ApiError& e) { commandDone(QStringLiteral("state"), *id)(e); });
}

void runCall(CliContext& ctx, crm::HttpTransport& transport) {
    static const QStringList simple{QStringLiteral("answer"), QStringLiteral("reject"),
                                    QStringLiteral("hold"),   QStringLiteral("resume"),
                                    QStringLiteral("mute"),   QStringLiteral("unmute")};
    const QString action = ctx.args.value(0);
    const QString usageText = QStringLiteral(
        "call answer|reject|hold|resume|mute|unmute|warn | hangup [--abuse] | dtmf DIGITS |\n"
        "       record pause|resume | transfer queue|agent|number TARGET [--consult] |\n"
        "       wrapup CODE [--note NOTE_ID] [--next ready|not_ready] | dial NUMBER   [--call ID]");
    const bool known = simple.contains(action) || action == QLatin1String("warn") ||
                       action == QLatin1String("hangup") || action == QLatin1String("dtmf") ||
                       action == QLatin1String("record") || action == QLatin1String("transfer") ||
                       action == QLatin1String("wrapup") || action == QLatin1String("dial");
    if (!known)
        return usage(usageText);
    ApiClient* api = loggedInClient(ctx, transport);
    if (!api)
        return;
    const QStringList args = ctx.args;
    const auto option = [&args](const QString& name) {
        const int at = static_cast<int>(args.indexOf(name));
        return at >= 0 ? args.value(at + 1) : QString();
    };
    if (action == QLatin1String("dial")) {
        if (args.value(1).isEmpty())
            return usage(usageText);
        api->dial(api, args.value(1), {}, {}, [](const QString& callId, const ApiError& e) {
            if (e)
                return finish(reportError(QStringLiteral("dial"), e));
            printLine(QStringLiteral("dialling: call %1").arg(callId));
            finish(kExitOk);
        });
        return;
    }
    // Acts on --call ID, else on the current call (for wrapup: the call in after-call work).
    auto act = [api, action, args, option, usageText](const QString& callId) {
        if (callId.isEmpty()) {
            printError(QStringLiteral("error: there is no current call"));
            return finish(kExitFailed);
        }
        auto id = std::make_shared<QString>();
        auto done = [id, action](const ApiError& e) { commandDone(action, *id)(e); };
        if (simple.contains(action)) {
            *id = api->callAction(api, callId, action, done);
        } else if (action == QLatin1String("warn")) {
            *id = api->callAction(api, callId, QStringLiteral("abuse-warning"), done);
        } else if (action == QLatin1String("hangup")) {
            *id = api->hangup(api, callId, args.contains(QStringLiteral("--abuse")), done);
        } else if (action == QLatin1String("dtmf") && !args.value(1).isEmpty()) {
            *id = api->sendDtmf(api, callId, args.value(1), done);
        } else if (action == QLatin1String("record") &&
                   (args.value(1) == QLatin1String("pause") ||
                    args.value(1) == QLatin1String("resume"))) {
            *id =
                api->setRecordingPaused(api, callId, args.value(1) == QLatin1String("pause"), done);
        } else if (action == QLatin1String("transfer") && !args.value(2).isEmpty()) {
            *id =
                api->transfer(api, callId, args.value(1), args.value(2),
                              args.contains(QStringLiteral("--consult")) ? QStringLiteral("consult")
                                                                         : QStringLiteral("blind"),
                              done);
        } else if (action == QLatin1String("wrapup") && !args.value(1).isEmpty()) {
            *id = api->wrapup(api, callId, args.value(1), option(QStringLiteral("--note")),
                              option(QStringLiteral("--next")), done);
        } else {
            usage(usageText);
        }
    };
    const QString explicitCall = option(QStringLiteral("--call"));
    if (!explicitCall.isEmpty())
        return act(explicitCall);
    if (action == QLatin1String("wrapup")) {
        api->me(api, [act](const crm::Agent& me, const ApiError& e) {
            if (e)
                return finish(reportError(QStringLiteral("wrapup"), e));
            act(me.state == crm::AgentState::AfterCallWork ? me.callId : QString());
        });
        return;
    }
    api->currentCall(api, [act](const std::optional<crm::Call>& call, const ApiError& e) {
        if (e)
            return finish(reportError(QStringLiteral("call"), e));
        act(call ? call->id : QString());
    });
}

void runQueues(CliContext& ctx, crm::HttpTransport& transport) {
    ApiClient* api = loggedInClient(ctx, transport);
    if (!api)
        return;
    api->queues(
        api, ctx.args.value(0), [](const QList<crm::QueueStats>& queues, const ApiError& e) {
            if (e)
                return finish(reportError(QStringLiteral("queues"), e));
            printLine(
                QStringLiteral("queue      waiting longest  ewt  offered answered abandoned  "
                               "SL%    ASA   AHT  ready busy acw notready"));
            for (const auto& q : queues) {
                printLine(QStringLiteral("%1 %2 %3 %4 %5 %6 %7 %8 %9 %10 %11 %12 %13 %14")
                              .arg(q.id, -10)
                              .arg(q.waiting, 7)
                              .arg(q.longestWaitSec, 7)
                              .arg(q.ewtSec, 4)
                              .arg(q.offered, 8)
                              .arg(q.answered, 8)
                              .arg(q.abandoned, 9)
                              .arg(q.serviceLevelPct, 5, 'f', 1)
                              .arg(q.asaSec, 6, 'f', 1)
                              .arg(q.ahtSec, 5, 'f', 0)
                              .arg(q.agentsReady, 6)
                              .arg(q.agentsOnCall, 4)
                              .arg(q.agentsAcw, 3)
                              .arg(q.agentsNotReady, 8));
            }
            finish(kExitOk);
        });
}

void runCustomer(CliContext& ctx, crm::HttpTransport& transport) {
    const QString what = ctx.args.value(0);
    if (what.isEmpty())
        return usage(QStringLiteral("customer NAME|PHONE|ID   |   customer 360 CUSTOMER_ID"));
    ApiClient* api = loggedInClient(ctx, transport);
    if (!api)
        return;
    if (what == QLatin1String("360")) {
        api->customer360(api, ctx.args.value(1),
                         [](const crm::Customer360&, const QByteArray& raw, const ApiError& e) {
                             if (e)
                                 return finish(reportError(QStringLiteral("customer 360"), e));
                             printLine(QString::fromUtf8(
                                 QJsonDocument::fromJson(raw).toJson(QJsonDocument::Indented)));
                             finish(kExitOk);
                         });
        return;
    }
    api->searchCustomers(
        api, what, 20, [](const QList<crm::CustomerListItem>& list, const ApiError& e) {
            if (e)
                return finish(reportError(QStringLiteral("customer"), e));
            for (const auto& c : list) {
                const QString phone = c.phones.isEmpty() ? QString() : c.phones.first().number;
                printLine(QStringLiteral("%1  %2  %3  %4%5%6")
                              .arg(c.id, c.name, phone, c.grade,
                                   c.vip ? QStringLiteral("  VIP") : QString(),
                                   c.abusiveHistory ? QStringLiteral("  !abusive") : QString()));
            }
            if (list.isEmpty())
                printLine(QStringLiteral("no customer found"));
            finish(kExitOk);
        });
}

void runKnowledge(CliContext& ctx, crm::HttpTransport& transport) {
    const QString query = ctx.args.join(QLatin1Char(' '));
    if (query.isEmpty())
        return usage(QStringLiteral("kb QUERY"));
    ApiClient* api = loggedInClient(ctx, transport);
    if (!api)
        return;
    api->searchKnowledge(api, query, 10, {}, [](const QList<crm::KbHit>& hits, const ApiError& e) {
        if (e)
            return finish(reportError(QStringLiteral("kb"), e));
        for (const auto& h : hits)
            printLine(QStringLiteral("%1  %2").arg(h.id, h.title));
        if (hits.isEmpty())
            printLine(QStringLiteral("no article found"));
        finish(kExitOk);
    });
}

void runNote(CliContext& ctx, crm::HttpTransport& transport) {
    if (ctx.args.size() < 3)
        return usage(QStringLiteral("note CUSTOMER_ID WRAPUP_CODE TEXT [--call ID] [--key KEY]"));
    ApiClient* api = loggedInClient(ctx, transport);
    if (!api)
        return;
    crm::NoteSubmission note;
    note.customerId = ctx.args.value(0);
    note.wrapupCode = ctx.args.value(1);
    note.text = ctx.args.value(2);
    const int callAt = static_cast<int>(ctx.args.indexOf(QStringLiteral("--call")));
    note.callId = callAt > 0 ? ctx.args.value(callAt + 1) : QString();
    const int keyAt = static_cast<int>(ctx.args.indexOf(QStringLiteral("--key")));
    note.idempotencyKey =
        keyAt > 0 ? ctx.args.value(keyAt + 1) : QUuid::createUuid().toString(QUuid::WithoutBraces);
    api->createNote(api, note, [](const crm::Note& n, const ApiError& e) {
        if (e)
            return finish(reportError(QStringLiteral("note"), e));
        printLine(QStringLiteral("note %1 saved (version %2)").arg(n.id).arg(n.version));
        finish(kExitOk);
    });
}

}  // namespace agentdesk::cli
