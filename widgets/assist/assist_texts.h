#pragma once
// Agent assist's words on screen, translated: moods, trends, abuse categories, speakers. A
// colour always comes with its text (colour-blind counselors read the word).
#include <QColor>
#include <QCoreApplication>
#include <QString>

namespace agentdesk::widgets {

class AssistTexts {
    Q_DECLARE_TR_FUNCTIONS(AssistTexts)
public:
    static QString mood(const QString& overall);  // negative | neutral | positive
    static QString trend(const QString& trend);   // steady | improving | worsening
    static QString abuse(const QString& category);
    static QString speaker(const QString& speaker);
    static QColor moodColor(const QString& overall);
    // "Customer mood: negative, worsening"
    static QString moodLine(const QString& overall, const QString& trend);
    // "02:05"
    static QString clock(int seconds);
};

}  // namespace agentdesk::widgets
