#pragma once
// Typing into a widget as a person does: ASCII as key presses, everything else (Hangul) as
// input-method commits, which is how Korean text reaches a Qt widget from an IME.
// (QTest::keyClicks cannot type characters outside Latin-1.)
#include <QApplication>
#include <QInputMethodEvent>
#include <QString>
#include <QTest>
#include <QWidget>

namespace agentdesk::test {

inline void typeText(QWidget* widget, const QString& text) {
    for (const QChar c : text) {
        if (c.unicode() < 0x80) {
            QTest::keyClick(widget, c.toLatin1());
        } else {
            QInputMethodEvent commit;
            commit.setCommitString(QString(c));
            QApplication::sendEvent(widget, &commit);
        }
    }
}

}  // namespace agentdesk::test
