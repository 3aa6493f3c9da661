#pragma once
// The agentdesk command line: agentdesk [--server URL|demo] [--user NAME] [--lang ko|en]
// [--demo-rate N] [--help] [--version] [tel:NUMBER]. Options override the saved settings for
// this run; a tel: link (app/tel_link.h) is dialled once the counselor is logged in.
#include <optional>

#include <QString>
#include <QStringList>

namespace agentdesk::app {

struct CommandLine {
    std::optional<QString> server;  // "demo" or a URL
    QString user;
    QString language;
    double demoRate = 2.0;
    bool help = false;
    bool version = false;
    QString telNumber;  // E.164, from a tel: link argument; empty when none
    QString error;      // non-empty: the arguments were not understood
};

CommandLine parseCommandLine(const QStringList& arguments);
QString commandLineHelp();

}  // namespace agentdesk::app
