#include "widgets/assist/assist_texts.h"

namespace agentdesk::widgets {

QString AssistTexts::mood(const QString& overall) {
    if (overall == QLatin1String("negative"))
        return tr("negative");
    if (overall == QLatin1String("positive"))
        return tr("positive");
    return tr("neutral");
}

QString AssistTexts::trend(const QString& trend) {
    if (trend == QLatin1String("improving"))
        return tr("improving");
    if (trend == QLatin1String("worsening"))
        return tr("worsening");
    return tr("steady");
}

QString AssistTexts::abuse(const QString& category) {
    if (category == QLatin1String("insult"))
        return tr("Insult");
    if (category == QLatin1String("threat"))
        return tr("Threat");
    if (category == QLatin1String("sexual"))
        return tr("Sexual harassment");
    return tr("Profanity");
}

QString AssistTexts::speaker(const QString& speaker) {
    return speaker == QLatin1String("agent") ? tr("Counselor") : tr("Customer");
}

QColor AssistTexts::moodColor(const QString& overall) {
    if (overall == QLatin1String("negative"))
        return QColor(0xc6, 0x28, 0x28);
    if (overall == QLatin1String("positive"))
        return QColor(0x2e, 0x7d, 0x32);
    return QColor(0x61, 0x61, 0x61);
}

QString AssistTexts::moodLine(const QString& overall, const QString& trendName) {
    if (trendName.isEmpty() || trendName == QLatin1String("steady"))
        return tr("Customer mood: %1").arg(mood(overall));
    return tr("Customer mood: %1, %2").arg(mood(overall), trend(trendName));
}

QString AssistTexts::clock(int seconds) {
    return QStringLiteral("%1:%2")
        .arg(seconds / 60, 2, 10, QLatin1Char('0'))
        .arg(seconds % 60, 2, 10, QLatin1Char('0'));
}

}  // namespace agentdesk::widgets
