#include "widgets/trainer/transcript_lines.h"

#include <QStringList>

namespace agentdesk::widgets {

namespace {
struct Prefix {
    const char* text;  // UTF-8
    const char* speaker;
};
// "고객님" before "고객" so the longer prefix wins.
constexpr Prefix kPrefixes[] = {
    {"고객님", "customer"}, {"고객", "customer"}, {"customer", "customer"}, {"caller", "customer"},
    {"상담사", "agent"},    {"상담원", "agent"},  {"agent", "agent"},       {"counselor", "agent"},
};
}  // namespace

QList<crm::DemoTranscriptLine> parseTranscript(const QString& text) {
    QList<crm::DemoTranscriptLine> lines;
    for (const QString& raw : text.split(QLatin1Char('\n'))) {
        QString line = raw.trimmed();
        if (line.isEmpty())
            continue;
        QString speaker = QStringLiteral("customer");
        for (const Prefix& p : kPrefixes) {
            const QString prefix = QString::fromUtf8(p.text);
            if (!line.startsWith(prefix, Qt::CaseInsensitive))
                continue;
            const QString rest = line.mid(prefix.size()).trimmed();
            // Full-width colons come from Korean input methods.
            if (rest.startsWith(QLatin1Char(':')) || rest.startsWith(QChar(0xFF1A))) {
                speaker = QString::fromLatin1(p.speaker);
                line = rest.mid(1).trimmed();
                break;
            }
        }
        if (line.isEmpty())
            continue;
        lines.append({speaker, line});
    }
    return lines;
}

}  // namespace agentdesk::widgets
