#include "widgets/common/error_text.h"

#include <QCoreApplication>

namespace agentdesk::widgets {

namespace {
// A translation context without a QObject, so lupdate files these strings under ErrorText.
class ErrorText {
    Q_DECLARE_TR_FUNCTIONS(ErrorText)
public:
    static QString of(const crm::ApiError& error);
};
}  // namespace

QString errorText(const crm::ApiError& error) {
    return ErrorText::of(error);
}

QString ErrorText::of(const crm::ApiError& error) {
    using Kind = crm::ApiError::Kind;
    switch (error.kind) {
        case Kind::None:
            return {};
        case Kind::Transport:
            if (error.isTls())
                return tr(
                    "The server's certificate could not be verified (TLS). Check the server "
                    "address, or trust its CA in the settings.");
            if (error.curlCode == 28)
                return tr("The server did not answer in time. Try again.");
            if (error.curlCode == 6)
                return tr("The server name could not be found. Check the server address.");
            return tr("The server cannot be reached. Check the address and the network.");
        case Kind::Protocol:
            return tr("The server sent an answer this app does not understand.");
        case Kind::Http:
            break;
    }
    switch (error.httpStatus) {
        case 401:
            return error.code == QLatin1String("unauthorized") &&
                           error.message.contains(QLatin1String("password"))
                       ? tr("Wrong username or password.")
                       : tr("Your session has expired. Log in again.");
        case 403:
            return tr("Your role may not do this.");
        case 404:
            return tr("Not found: it may have been removed or moved on.");
        case 409:
            return error.code == QLatin1String("version_conflict")
                       ? tr("Someone else changed this in the meantime.")
                       : tr("Not possible right now: the call or your state has moved on.");
        case 413:
            return tr("Too large to send.");
        case 422:
            return tr("Some fields are not valid; see the marked fields.");
        case 429:
            return tr("Too many requests. Try again in a moment.");
        default:
            break;
    }
    if (error.httpStatus >= 500)
        return tr("The server had a problem (%1). Try again.").arg(error.httpStatus);
    return tr("The request was refused (%1).").arg(error.httpStatus);
}

}  // namespace agentdesk::widgets
