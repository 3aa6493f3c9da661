#include "widgets/evaluation/evaluation_view.h"

#include <QDate>
#include <QDir>
#include <QEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QSaveFile>
#include <QScrollArea>
#include <QSplitter>
#include <QStandardPaths>

#include "common/logging.h"
#include "crm/session/evaluations_model.h"
#include "widgets/assist/assist_panel.h"
#include "widgets/common/error_text.h"
#include "widgets/evaluation/evaluation_form.h"
#include "widgets/evaluation/evaluation_history.h"

namespace agentdesk::widgets {

EvaluationView::EvaluationView(crm::ClientSession& session, QWidget* parent)
    : QWidget(parent), session_(session) {
    setObjectName(QStringLiteral("evaluationView"));
    model_ = new crm::EvaluationsModel(session.api(), this);
    form_ = new EvaluationForm(this);
    history_ = new EvaluationHistory(this);

    auto* scroll = new QScrollArea(this);
    scroll->setObjectName(QStringLiteral("formScroll"));
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setWidget(form_);
    scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    scroll->setMinimumWidth(380);

    auto* split = new QSplitter(Qt::Horizontal, this);
    split->setObjectName(QStringLiteral("evaluationSplitter"));
    split->setChildrenCollapsible(false);
    // The call's transcript and checklist beside the form: what is scored is on screen.
    callAssist_ = new crm::AssistSession(session_.api(), this);
    transcript_ = new AssistPanel(*callAssist_, this);
    transcript_->setObjectName(QStringLiteral("evaluationTranscript"));
    transcript_->setUse(AssistPanel::Use::Review);
    transcript_->setMinimumWidth(320);
    split->addWidget(scroll);
    split->addWidget(transcript_);
    split->addWidget(history_);
    split->setStretchFactor(0, 0);
    split->setStretchFactor(1, 1);
    split->setStretchFactor(2, 1);
    split->setSizes({520, 600, 780});

    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(6, 6, 6, 6);
    layout->addWidget(split);

    connect(form_, &EvaluationForm::traineeChanged, this, &EvaluationView::onTraineeChanged);
    connect(form_, &EvaluationForm::callIdChanged, callAssist_, &crm::AssistSession::loadCall);
    connect(form_, &EvaluationForm::saveRequested, this, [this] {
        model_->save(form_->traineeId(), form_->callId(), form_->scores(), form_->comment());
    });
    connect(model_, &crm::EvaluationsModel::busyChanged, this, [this] {
        form_->setBusy(model_->saving());
        if (model_->loading())
            history_->setStatus(tr("Loading…"), false);
    });
    connect(model_, &crm::EvaluationsModel::saved, this, [this] {
        form_->clearScores();
        form_->showSaved();
    });
    connect(model_, &crm::EvaluationsModel::saveFailed, this,
            [this](const crm::ApiError& error) { form_->showSaveError(error); });
    connect(model_, &crm::EvaluationsModel::agentsChanged, this, [this] {
        form_->setTrainees(model_->trainees());
        prefillCall();
        showHistory();
    });
    connect(model_, &crm::EvaluationsModel::agentsFailed, this, [this](const crm::ApiError& e) {
        history_->setStatus(tr("The counselor list could not be loaded: %1").arg(errorText(e)),
                            true);
    });
    connect(model_, &crm::EvaluationsModel::evaluationsChanged, this, [this] {
        history_->setStatus({}, false);
        showHistory();
    });
    connect(model_, &crm::EvaluationsModel::loadFailed, this, [this](const crm::ApiError& e) {
        history_->setStatus(tr("The history could not be loaded: %1").arg(errorText(e)), true);
    });
    connect(history_, &EvaluationHistory::reloadRequested, this, [this] {
        model_->loadAgents();
        model_->reload();
    });
    connect(history_, &EvaluationHistory::exportRequested, this, &EvaluationView::chooseExportFile);

    retranslate();
    if (!session_.agent().agent().isSupervisor() && !session_.agent().agent().role.isEmpty()) {
        // The host should not show us to counselors; if it does, say why nothing works.
        form_->setReadOnlyReason(tr("Only trainers and team leads can evaluate calls."));
        return;
    }
    model_->loadAgents();
}

EvaluationView::~EvaluationView() = default;

void EvaluationView::evaluateCall(const QString& callId, const QString& agentId) {
    form_->setTraineeId(agentId);
    form_->setCallId(callId);
    autoCallId_.clear();  // chosen by the lead: keep it
    if (auto* first = form_->findChild<QWidget*>(QStringLiteral("greetingScore")))
        first->setFocus();
}

bool EvaluationView::exportCsv(const QString& path) {
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) {
        agentdesk::logging::get("ui")->warn("evaluation export: cannot open file: {}",
                                            file.errorString().toStdString());
        return false;
    }
    file.write(crm::evaluationsCsv(model_->evaluations(), model_->names()).toUtf8());
    return file.commit();
}

void EvaluationView::chooseExportFile() {
    if (lastExportDir_.isEmpty())
        lastExportDir_ = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
    const QString name =
        QStringLiteral("evaluations-%1-%2.csv")
            .arg(model_->agentId(), QDate::currentDate().toString(QStringLiteral("yyyyMMdd")));
    const QString path =
        QFileDialog::getSaveFileName(this, tr("Export evaluations"),
                                     QDir(lastExportDir_).filePath(name), tr("CSV files (*.csv)"));
    if (path.isEmpty())
        return;
    lastExportDir_ = QFileInfo(path).absolutePath();
    if (exportCsv(path))
        history_->setStatus(tr("Exported to %1").arg(QDir::toNativeSeparators(path)), false);
    else
        history_->setStatus(tr("The file could not be written. Choose another folder."), true);
}

void EvaluationView::onTraineeChanged(const QString& agentId) {
    model_->setAgentId(agentId);
    prefillCall();
    showHistory();
}

void EvaluationView::prefillCall() {
    const auto agent = model_->agentById(form_->traineeId());
    if (!agent || agent->callId.isEmpty())
        return;
    // Do not overwrite a call id the lead passed in or the trainer typed.
    if (!form_->callId().isEmpty() && form_->callId() != autoCallId_)
        return;
    autoCallId_ = agent->callId;
    form_->setCallId(agent->callId);
}

void EvaluationView::showHistory() {
    history_->setTraineeName(form_->traineeId().isEmpty() ? QString()
                                                          : model_->nameOf(form_->traineeId()));
    history_->setEvaluations(model_->evaluations(), model_->names());
}

void EvaluationView::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

void EvaluationView::retranslate() {
    setWindowTitle(tr("Call evaluation", "tab title; 상담 평가"));
}

}  // namespace agentdesk::widgets
