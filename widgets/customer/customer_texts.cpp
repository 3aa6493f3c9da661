#include "widgets/customer/customer_texts.h"

#include <QCoreApplication>
#include <QLocale>

namespace agentdesk::widgets {

QString CustomerTexts::productKind(const QString& kind) {
    if (kind == QLatin1String("card"))
        return tr("Card");
    if (kind == QLatin1String("loan"))
        return tr("Loan");
    if (kind == QLatin1String("mobile_plan"))
        return tr("Mobile plan");
    if (kind == QLatin1String("internet"))
        return tr("Internet");
    if (kind == QLatin1String("insurance"))
        return tr("Insurance");
    return kind;
}

QString CustomerTexts::productStatus(const QString& status) {
    if (status == QLatin1String("active"))
        return tr("Active");
    if (status == QLatin1String("suspended"))
        return tr("Suspended");
    if (status == QLatin1String("closed"))
        return tr("Closed");
    return status;
}

QString CustomerTexts::caseStatus(const QString& status) {
    if (status == QLatin1String("open"))
        return tr("Open", "case status");
    if (status == QLatin1String("pending"))
        return tr("Pending", "case status");
    if (status == QLatin1String("closed"))
        return tr("Closed", "case status");
    return status;
}

QString CustomerTexts::casePriority(const QString& priority) {
    if (priority == QLatin1String("high"))
        return tr("High priority");
    if (priority == QLatin1String("normal"))
        return tr("Normal priority");
    if (priority == QLatin1String("low"))
        return tr("Low priority");
    return priority;
}

QString CustomerTexts::channel(const QString& channel, const QString& direction) {
    if (channel == QLatin1String("memo"))
        return tr("Memo", "a note written without a call");
    if (channel == QLatin1String("chat"))
        return tr("Chat");
    if (channel == QLatin1String("email"))
        return tr("E-mail");
    if (channel == QLatin1String("call"))
        return direction == QLatin1String("outbound") ? tr("Outbound call", "발신")
                                                      : tr("Inbound call", "인입 콜");
    return channel;
}

QString CustomerTexts::endReason(const QString& endReason) {
    if (endReason == QLatin1String("completed"))
        return tr("Completed");
    if (endReason == QLatin1String("transferred"))
        return tr("Transferred", "호전환");
    if (endReason == QLatin1String("agent_ended_abuse"))
        return tr("Ended by agent (abuse)", "상담원 선종료");
    if (endReason == QLatin1String("abandoned"))
        return tr("Abandoned", "포기호");
    return endReason;
}

QString CustomerTexts::phoneLabel(const QString& label) {
    if (label == QLatin1String("mobile"))
        return tr("Mobile");
    if (label == QLatin1String("home"))
        return tr("Home");
    if (label == QLatin1String("work"))
        return tr("Work");
    if (label == QLatin1String("other"))
        return tr("Other", "phone label");
    return label;
}

QString CustomerTexts::consent(const QString& key) {
    if (key == QLatin1String("marketing"))
        return tr("Marketing");
    if (key == QLatin1String("sms"))
        return tr("SMS");
    if (key == QLatin1String("email"))
        return tr("E-mail", "consent to e-mail");
    if (key == QLatin1String("thirdParty"))
        return tr("Third parties", "consent to share with third parties");
    if (key == QLatin1String("recording"))
        return tr("Recording", "consent to call recording");
    return key;
}

QString CustomerTexts::grade(const QString& grade) {
    if (grade == QLatin1String("VIP"))
        return tr("VIP");
    if (grade == QLatin1String("GOLD"))
        return tr("Gold", "customer grade");
    if (grade == QLatin1String("SILVER"))
        return tr("Silver", "customer grade");
    if (grade == QLatin1String("NORMAL"))
        return tr("Normal", "customer grade");
    return grade;
}

QString CustomerTexts::language(const QString& code) {
    if (code == QLatin1String("ko"))
        return tr("Korean");
    if (code == QLatin1String("en"))
        return tr("English");
    return code;
}

QString CustomerTexts::won(qint64 amount) {
    // The C locale prints no group separators; Korean ones are the familiar commas.
    return QStringLiteral("₩") + QLocale(QLocale::Korean, QLocale::SouthKorea).toString(amount);
}

QString CustomerTexts::fieldMessage(const QString& m) {
    if (m == QLatin1String("is required") || m == QLatin1String("must not be empty"))
        return tr("Required.");
    if (m == QLatin1String("is not an e-mail address"))
        return tr("Not an e-mail address (name@example.com).");
    if (m == QLatin1String("is not a Korean phone number"))
        return tr("Not a Korean phone number.");
    if (m == QLatin1String("is listed twice"))
        return tr("This number is listed twice.");
    if (m == QLatin1String("must be a past date as YYYY-MM-DD"))
        return tr("A past date as YYYY-MM-DD.");
    if (m == QLatin1String("must hold 1 to 5 numbers"))
        return tr("Give 1 to 5 phone numbers.");
    if (m == QLatin1String("only one number can be primary"))
        return tr("Only one number can be primary.");
    if (m == QLatin1String("cannot be cleared"))
        return tr("Cannot be left empty.");
    if (m.startsWith(QLatin1String("is longer than")))
        return tr("Too long.");
    return m;
}

}  // namespace agentdesk::widgets
