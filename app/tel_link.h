#pragma once
// tel: links (RFC 3966) handed to `agentdesk` by the desktop when a click-to-dial link is
// clicked elsewhere: "tel:+82-2-1234-5678", "tel:010-1234-5678;phone-context=+82". The number
// is read by QUrl and normalised by the project's Korean phone parser (common/phone.h).
#include <QString>

namespace agentdesk::app {

struct TelLink {
    QString e164;   // "+8221234..." when the link is valid
    QString error;  // why it is not (English, for stderr), empty when valid
    bool ok() const { return error.isEmpty(); }
};

// True for an argument that is meant as a tel: link (the scheme, in any case).
bool isTelLinkArgument(const QString& argument);

// Reads a tel: URI. Visual separators (- . ( ) and escaped spaces) are allowed; the
// parameter phone-context must be +82 or a domain name when given; extensions (ext, isub) and
// numbers that are not Korean phone numbers are refused.
TelLink parseTelLink(const QString& uri);

}  // namespace agentdesk::app
