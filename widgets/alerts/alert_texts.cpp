#include "widgets/alerts/alert_texts.h"

#include <QApplication>
#include <QLocale>
#include <QStyle>

#include "crm/session/alerts_model.h"

namespace agentdesk::widgets {

namespace {
// A translation context without a QObject, so lupdate files these strings under AlertTexts.
class AlertTexts {
    Q_DECLARE_TR_FUNCTIONS(AlertTexts)
public:
    static QString title(const QString& kind);
    static QString description(const crm::Alert& a, const QString& agent, const QString& queue);
    static QString severity(const QString& severity);
};

QString AlertTexts::title(const QString& kind) {
    if (kind == QLatin1String("abuse_warning"))
        return tr("Abuse warning", "alert kind; 폭언 경고 (the counselor played the warning)");
    if (kind == QLatin1String("agent_ended_abuse"))
        return tr("Call ended for abuse", "alert kind; 폭언으로 상담사가 통화 종료");
    if (kind == QLatin1String("missed_call"))
        return tr("Missed call", "alert kind; 미응답 (a counselor did not answer in time)");
    if (kind == QLatin1String("long_wait"))
        return tr("Long wait", "alert kind; 장기 대기 (a caller waits too long in the queue)");
    if (kind == QLatin1String("sl_breach"))
        return tr("Service level below target", "alert kind; 서비스 레벨 미달");
    if (kind == QLatin1String("abuse_detected"))
        return tr("Abuse detected", "alert kind; 폭언 감지 (agent assist heard abusive language)");
    if (kind == QLatin1String("negative_sentiment"))
        return tr("Upset customer", "alert kind; 고객 불만 고조 (negative lines in a row)");
    if (kind == QLatin1String("protection_rest"))
        return tr("Protection rest", "alert kind; 보호 휴식 (rest after an abusive call)");
    return kind;
}

QString AlertTexts::description(const crm::Alert& a, const QString& agent, const QString& queue) {
    if (a.kind == QLatin1String("abuse_warning"))
        return tr("%1 played the abuse warning to the caller.", "%1 = counselor's name").arg(agent);
    if (a.kind == QLatin1String("agent_ended_abuse"))
        return tr("%1 ended the call after abuse warnings. Check on the counselor.",
                  "%1 = counselor's name")
            .arg(agent);
    if (a.kind == QLatin1String("missed_call"))
        return tr("%1 did not answer in time and was set to Not ready; the call went back to "
                  "the queue.",
                  "%1 = counselor's name; Not ready = 이석")
            .arg(agent);
    if (a.kind == QLatin1String("long_wait"))
        return tr("A caller has been waiting too long in %1.", "%1 = queue name").arg(queue);
    if (a.kind == QLatin1String("sl_breach"))
        return tr("The service level of %1 fell below its target.", "%1 = queue name").arg(queue);
    if (a.kind == QLatin1String("abuse_detected"))
        return tr("Abusive language on %1's call. Consider listening in.", "%1 = counselor's name")
            .arg(agent);
    if (a.kind == QLatin1String("negative_sentiment"))
        return tr("The customer on %1's call has been upset for %2 turns in a row.",
                  "%1 = counselor's name, %2 = number of turns")
            .arg(agent)
            .arg(a.count);
    if (a.kind == QLatin1String("protection_rest"))
        return tr("%1 is resting after an abusive call (%2 minutes); no calls are routed.",
                  "%1 = counselor's name, %2 = minutes")
            .arg(agent)
            .arg(a.count);
    return a.message;
}

QString AlertTexts::severity(const QString& severity) {
    if (severity == QLatin1String("critical"))
        return tr("Critical", "alert severity");
    if (severity == QLatin1String("warning"))
        return tr("Warning", "alert severity");
    return tr("Information", "alert severity");
}
}  // namespace

QString uiLanguage() {
    return QLocale().language() == QLocale::Korean ? QStringLiteral("ko") : QStringLiteral("en");
}

QString alertTitle(const QString& kind) {
    return AlertTexts::title(kind);
}

QString alertDescription(const crm::Alert& alert, const QString& agentName,
                         const QString& queueName) {
    return AlertTexts::description(alert, agentName, queueName);
}

QString severityText(const QString& severity) {
    return AlertTexts::severity(severity);
}

QColor severityColor(const QString& severity) {
    switch (crm::AlertsModel::severityRank(severity)) {
        case 2:
            return QColor(0xc6, 0x28, 0x28);
        case 1:
            return QColor(0xe6, 0x7e, 0x00);
        default:
            return QColor(0x15, 0x65, 0xc0);
    }
}

QColor severityTint(const QString& severity) {
    switch (crm::AlertsModel::severityRank(severity)) {
        case 2:
            return QColor(0xfd, 0xe8, 0xe8);
        case 1:
            return QColor(0xff, 0xf4, 0xde);
        default:
            return QColor(0xe8, 0xf1, 0xfb);
    }
}

QIcon severityIcon(const QString& severity) {
    QStyle* style = QApplication::style();
    switch (crm::AlertsModel::severityRank(severity)) {
        case 2:
            return style->standardIcon(QStyle::SP_MessageBoxCritical);
        case 1:
            return style->standardIcon(QStyle::SP_MessageBoxWarning);
        default:
            return style->standardIcon(QStyle::SP_MessageBoxInformation);
    }
}

QString alertTime(const QDateTime& at, const QDateTime& now) {
    if (!at.isValid())
        return {};
    const QDateTime local = at.toLocalTime();
    if (local.date() == now.toLocalTime().date())
        return local.toString(QStringLiteral("HH:mm:ss"));
    return local.toString(QStringLiteral("yyyy-MM-dd HH:mm:ss"));
}

}  // namespace agentdesk::widgets
