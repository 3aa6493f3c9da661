#include "crm/session/evaluations_model.h"

#include <QJsonArray>
#include <QLocale>

#include "common/csv_text.h"

namespace agentdesk::crm {

namespace {

QString number1(double value) {
    return value < 0 ? QString() : QString::number(value, 'f', 1);
}

// Free text for the CSV (common/csv_text.h): formula guard and RFC 4180 quoting.
QString csvText(const QString& text) {
    return QString::fromStdString(agentdesk::csv::textField(text.toStdString()));
}

QString csvNumber(const QString& number) {
    return QString::fromStdString(agentdesk::csv::quoteField(number.toStdString()));
}

}  // namespace

double serviceScore(const Evaluation& evaluation) {
    double sum = 0;
    for (const char* dim : kServiceDimensions) {
        const auto it = evaluation.scores.constFind(QLatin1String(dim));
        if (it == evaluation.scores.constEnd())
            return -1;
        sum += *it;
    }
    return sum / std::size(kServiceDimensions);
}

bool isExcellent(const Evaluation& evaluation) {
    const double service = serviceScore(evaluation);
    return service >= 92 && evaluation.scores.value(QStringLiteral("empathy"), -1) >= 80;
}

QMap<QString, double> dimensionAverages(const QList<Evaluation>& evaluations) {
    QMap<QString, double> sums;
    QMap<QString, int> counts;
    auto add = [&](const QString& key, double value) {
        sums[key] += value;
        counts[key] += 1;
    };
    for (const Evaluation& e : evaluations) {
        for (const char* dim : kEvaluationDimensions) {
            const auto it = e.scores.constFind(QLatin1String(dim));
            if (it != e.scores.constEnd())
                add(QLatin1String(dim), *it);
        }
        if (!e.scores.isEmpty())
            add(QStringLiteral("average"), e.average());
        if (const double service = serviceScore(e); service >= 0)
            add(QStringLiteral("service"), service);
    }
    QMap<QString, double> out;
    for (auto it = sums.cbegin(); it != sums.cend(); ++it)
        out.insert(it.key(), it.value() / counts.value(it.key()));
    return out;
}

QString evaluationsCsv(const QList<Evaluation>& evaluations, const QHash<QString, QString>& names) {
    QStringList header{QStringLiteral("createdAt"),    QStringLiteral("evaluationId"),
                       QStringLiteral("callId"),       QStringLiteral("agentId"),
                       QStringLiteral("agentName"),    QStringLiteral("evaluatorId"),
                       QStringLiteral("evaluatorName")};
    for (const char* dim : kEvaluationDimensions)
        header << QLatin1String(dim);
    header << QStringLiteral("average") << QStringLiteral("service") << QStringLiteral("excellent")
           << QStringLiteral("comment");

    // U+FEFF becomes common/csv_text.h's kUtf8Bom when the text is written as UTF-8.
    // (QString::fromUtf8 would drop those bytes as a byte order mark.)
    QString out = QString(QChar(0xFEFF)) + header.join(QLatin1Char(',')) +
                  QString::fromLatin1(agentdesk::csv::kRecordEnd.data(),
                                      static_cast<qsizetype>(agentdesk::csv::kRecordEnd.size()));
    for (const Evaluation& e : evaluations) {
        QStringList row{
            csvNumber(e.createdAt.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss"))),
            csvText(e.id),
            csvText(e.callId),
            csvText(e.agentId),
            csvText(names.value(e.agentId)),
            csvText(e.evaluatorId),
            csvText(names.value(e.evaluatorId))};
        for (const char* dim : kEvaluationDimensions) {
            const auto it = e.scores.constFind(QLatin1String(dim));
            row << (it == e.scores.constEnd() ? QString() : QString::number(*it));
        }
        row << number1(e.scores.isEmpty() ? -1 : e.average()) << number1(serviceScore(e))
            << (isExcellent(e) ? QStringLiteral("1") : QStringLiteral("0")) << csvText(e.comment);
        std::vector<std::string> fields;
        fields.reserve(static_cast<std::size_t>(row.size()));
        for (const QString& field : row)
            fields.push_back(field.toStdString());
        out += QString::fromStdString(agentdesk::csv::record(fields));
    }
    return out;
}

EvaluationsModel::EvaluationsModel(ApiClient& api, QObject* parent) : QObject(parent), api_(api) {}

EvaluationsModel::~EvaluationsModel() {
    // Handlers capture `this`; none may run once we are gone.
    for (ApiClient::RequestId id : {agentsRequest_, loadRequest_, saveRequest_}) {
        if (id)
            api_.cancel(id);
    }
}

void EvaluationsModel::loadAgents() {
    if (agentsRequest_)
        api_.cancel(agentsRequest_);
    agentsRequest_ = api_.agents(this, [this](const QList<Agent>& agents, const ApiError& err) {
        agentsRequest_ = 0;
        if (err) {
            emit agentsFailed(err);
            return;
        }
        agents_ = agents;
        emit agentsChanged();
    });
}

QList<Agent> EvaluationsModel::trainees() const {
    QList<Agent> out;
    for (const Agent& a : agents_) {
        if (a.role == QLatin1String("counselor"))
            out << a;
    }
    return out;
}

std::optional<Agent> EvaluationsModel::agentById(const QString& agentId) const {
    for (const Agent& a : agents_) {
        if (a.id == agentId)
            return a;
    }
    return std::nullopt;
}

QString EvaluationsModel::nameOf(const QString& agentId) const {
    const auto agent = agentById(agentId);
    return agent && !agent->name.isEmpty() ? agent->name : agentId;
}

QHash<QString, QString> EvaluationsModel::names() const {
    QHash<QString, QString> out;
    for (const Agent& a : agents_)
        out.insert(a.id, a.name);
    return out;
}

void EvaluationsModel::setAgentId(const QString& agentId) {
    if (agentId == agentId_)
        return;
    agentId_ = agentId;
    evaluations_.clear();
    emit evaluationsChanged();
    reload();
}

void EvaluationsModel::reload() {
    if (loadRequest_) {
        api_.cancel(loadRequest_);
        loadRequest_ = 0;
    }
    if (agentId_.isEmpty()) {
        emit busyChanged();
        return;
    }
    const QString wanted = agentId_;
    loadRequest_ = api_.evaluations(
        this, wanted, [this, wanted](const QList<Evaluation>& list, const ApiError& err) {
            loadRequest_ = 0;
            emit busyChanged();
            if (wanted != agentId_)
                return;
            if (err) {
                emit loadFailed(err);
                return;
            }
            evaluations_ = list;
            emit evaluationsChanged();
        });
    emit busyChanged();
}

void EvaluationsModel::save(const QString& agentId, const QString& callId,
                            const QMap<QString, int>& scores, const QString& comment) {
    if (saveRequest_)
        return;  // one at a time: a double click must not score the call twice
    QJsonObject scoreJson;
    for (auto it = scores.cbegin(); it != scores.cend(); ++it)
        scoreJson.insert(it.key(), it.value());
    const QJsonObject body{{QStringLiteral("callId"), callId},
                           {QStringLiteral("agentId"), agentId},
                           {QStringLiteral("scores"), scoreJson},
                           {QStringLiteral("comment"), comment}};
    saveRequest_ = api_.evaluate(this, body, [this](const QJsonDocument& doc, const ApiError& err) {
        saveRequest_ = 0;
        emit busyChanged();
        if (err) {
            emit saveFailed(err);
            return;
        }
        const Evaluation evaluation = Evaluation::fromJson(doc.object());
        if (evaluation.agentId == agentId_) {
            evaluations_.prepend(evaluation);  // newest first, as the server lists them
            emit evaluationsChanged();
        }
        emit saved(evaluation);
    });
    emit busyChanged();
}

}  // namespace agentdesk::crm
