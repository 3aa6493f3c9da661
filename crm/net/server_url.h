#pragma once
// Server addresses as the clients take them (one, or the nodes of one center), and which are
// safe to send a password to.
#include <QString>
#include <QStringList>

namespace agentdesk::crm {

// True for a plain http:// URL whose host is not this computer (localhost, 127.0.0.0/8, ::1):
// passwords, tokens and customer data would cross the network readable. Clients refuse such a
// server unless the user allowed it explicitly, and show a warning when they do.
// For a comma-separated list: true when any of them is.
bool isPlainHttpToRemote(const QString& url);

// One address as the API client uses it: scheme://host[:port]/api/v1 (a trailing /api/v1 and
// slashes are tolerated). With assumeHttp, an address without a scheme is http://. Empty when it
// is not an http or https URL with a host.
QString normaliseServerUrl(const QString& text, bool assumeHttp = false);

// Several addresses, separated by commas (the nodes of one center, tried in turn): each
// normalised, duplicates dropped. Empty when the text holds none or any of them is not valid.
QStringList parseServerList(const QString& text, bool assumeHttp = false);

// A comma-separated list as a person types it: without /api/v1, ", " between addresses.
QString serverListForDisplay(const QString& list);

}  // namespace agentdesk::crm
