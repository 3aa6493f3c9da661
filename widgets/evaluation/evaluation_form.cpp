#include "widgets/evaluation/evaluation_form.h"

#include <QComboBox>
#include <QEvent>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

#include "crm/model/training.h"
#include "crm/session/evaluations_model.h"
#include "widgets/common/error_text.h"
#include "widgets/common/relative_font.h"
#include "widgets/common/tone.h"
#include "widgets/evaluation/evaluation_texts.h"
#include "widgets/evaluation/score_input.h"

namespace agentdesk::widgets {

namespace {

QLabel* errorLabel(const char* name, QWidget* parent) {
    auto* label = new QLabel(parent);
    label->setObjectName(QLatin1String(name));
    label->setStyleSheet(toneStyle(Tone::Error));
    label->setWordWrap(true);
    label->hide();
    return label;
}

void showError(QLabel* label, const QString& text) {
    label->setText(text);
    label->setVisible(!text.isEmpty());
}

// A field with its inline error under it.
QWidget* withError(QWidget* field, QLabel* error, QWidget* parent) {
    auto* box = new QWidget(parent);
    auto* v = new QVBoxLayout(box);
    v->setContentsMargins(0, 0, 0, 0);
    v->setSpacing(2);
    v->addWidget(field);
    v->addWidget(error);
    return box;
}

}  // namespace

EvaluationForm::EvaluationForm(QWidget* parent) : QWidget(parent) {
    title_ = new QLabel(this);
    title_->setObjectName(QStringLiteral("formTitle"));
    setRelativeFont(title_, 1.2, true);

    trainee_ = new QComboBox(this);
    trainee_->setObjectName(QStringLiteral("trainee"));
    trainee_->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    trainee_->setMinimumContentsLength(16);
    traineeError_ = errorLabel("traineeError", this);

    callId_ = new QLineEdit(this);
    connect(callId_, &QLineEdit::editingFinished, this, [this] { emit callIdChanged(callId()); });
    callId_->setObjectName(QStringLiteral("callId"));
    callId_->setClearButtonEnabled(true);
    callIdError_ = errorLabel("callIdError", this);

    scoresTitle_ = new QLabel(this);
    scoresTitle_->setObjectName(QStringLiteral("scoresTitle"));
    QFont bold = scoresTitle_->font();
    bold.setBold(true);
    scoresTitle_->setFont(bold);

    comment_ = new QPlainTextEdit(this);
    comment_->setObjectName(QStringLiteral("comment"));
    comment_->setTabChangesFocus(true);
    comment_->setMinimumHeight(70);
    comment_->setMaximumHeight(150);

    preview_ = new QLabel(this);
    preview_->setObjectName(QStringLiteral("servicePreview"));
    grade_ = new QLabel(this);
    grade_->setObjectName(QStringLiteral("grade"));
    grade_->setStyleSheet(QStringLiteral(
        "QLabel { background: #1b7f3b; color: white; border-radius: 4px; padding: 2px 8px; "
        "font-weight: bold; }"));
    grade_->hide();

    save_ = new QPushButton(this);
    save_->setObjectName(QStringLiteral("saveEvaluation"));
    save_->setDefault(true);
    clear_ = new QPushButton(this);
    clear_->setObjectName(QStringLiteral("clearEvaluation"));
    status_ = new QLabel(this);
    status_->setObjectName(QStringLiteral("formStatus"));
    status_->setWordWrap(true);

    form_ = new QFormLayout;
    form_->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    form_->setLabelAlignment(Qt::AlignRight | Qt::AlignVCenter);
    // QFormLayout makes no label for an empty text: make them here, texts in retranslate().
    auto row = [this](QWidget* field, QWidget* buddy) {
        auto* label = new QLabel(this);
        label->setBuddy(buddy);
        form_->addRow(label, field);
    };
    row(withError(trainee_, traineeError_, this), trainee_);
    row(withError(callId_, callIdError_, this), callId_);
    form_->addRow(scoresTitle_);
    for (const char* dim : crm::kEvaluationDimensions) {
        auto* input = new ScoreInput(QLatin1String(dim), this);
        inputs_ << input;
        row(input, input->spinBox());
        connect(input, &ScoreInput::scoreChanged, this, [this] {
            updatePreview();
            if (!statusIsError_)
                setStatus({}, false);  // "saved" was about the last evaluation, not this one
        });
    }
    row(comment_, comment_);

    auto* previewRow = new QHBoxLayout;
    previewRow->addWidget(preview_, 1);
    previewRow->addWidget(grade_);

    auto* buttons = new QHBoxLayout;
    buttons->addWidget(status_, 1);
    buttons->addWidget(clear_);
    buttons->addWidget(save_);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(title_);
    layout->addLayout(form_);
    layout->addLayout(previewRow);
    layout->addLayout(buttons);
    layout->addStretch(1);

    connect(trainee_, &QComboBox::currentIndexChanged, this, [this] {
        showError(traineeError_, {});
        emit traineeChanged(traineeId());
    });
    connect(callId_, &QLineEdit::textEdited, this, [this] { showError(callIdError_, {}); });
    connect(save_, &QPushButton::clicked, this, [this] {
        if (validate())
            emit saveRequested();
    });
    connect(clear_, &QPushButton::clicked, this, [this] {
        clearScores();
        clearErrors();
        setStatus({}, false);
    });
    retranslate();
    updatePreview();
}

void EvaluationForm::setTrainees(const QList<crm::Agent>& trainees) {
    const QString current = traineeId();
    {
        const QSignalBlocker block(trainee_);
        trainee_->clear();
        for (const crm::Agent& a : trainees)
            trainee_->addItem(QStringLiteral("%1 (%2)").arg(a.name, a.id), a.id);
        if (!current.isEmpty() && trainee_->findData(current) < 0)
            trainee_->addItem(current, current);
        trainee_->setCurrentIndex(current.isEmpty() ? (trainees.isEmpty() ? -1 : 0)
                                                    : trainee_->findData(current));
    }
    if (traineeId() != current)
        emit traineeChanged(traineeId());
}

QString EvaluationForm::traineeId() const {
    return trainee_->currentData().toString();
}

void EvaluationForm::setTraineeId(const QString& agentId) {
    int index = trainee_->findData(agentId);
    if (index < 0 && !agentId.isEmpty()) {
        trainee_->addItem(agentId, agentId);
        index = trainee_->count() - 1;
    }
    trainee_->setCurrentIndex(index);
}

QString EvaluationForm::callId() const {
    return callId_->text().trimmed();
}

void EvaluationForm::setCallId(const QString& callId) {
    callId_->setText(callId);
    showError(callIdError_, {});
    emit callIdChanged(this->callId());
}

QMap<QString, int> EvaluationForm::scores() const {
    QMap<QString, int> out;
    for (ScoreInput* input : inputs_) {
        if (input->isSet())
            out.insert(input->dimension(), input->score());
    }
    return out;
}

void EvaluationForm::setScore(const QString& dimension, int score) {
    if (ScoreInput* input = scoreInput(dimension))
        input->setScore(score);
}

ScoreInput* EvaluationForm::scoreInput(const QString& dimension) const {
    for (ScoreInput* input : inputs_) {
        if (input->dimension() == dimension)
            return input;
    }
    return nullptr;
}

QString EvaluationForm::comment() const {
    return comment_->toPlainText().trimmed();
}

void EvaluationForm::setComment(const QString& comment) {
    comment_->setPlainText(comment);
}

bool EvaluationForm::validate() {
    clearErrors();
    bool ok = true;
    if (traineeId().isEmpty()) {
        showError(traineeError_, tr("Choose the counselor to evaluate."));
        ok = false;
    }
    if (callId().isEmpty()) {
        showError(callIdError_, tr("Enter the call id of the evaluated call."));
        ok = false;
    }
    for (ScoreInput* input : inputs_) {
        if (!input->isSet()) {
            input->setError(tr("Give a score from 0 to 100."));
            ok = false;
        } else if (input->score() > 100) {
            input->setError(tr("The score must be between 0 and 100."));
            ok = false;
        }
    }
    if (!ok)
        setStatus(tr("Complete the marked fields."), true);
    return ok;
}

void EvaluationForm::clearErrors() {
    showError(traineeError_, {});
    showError(callIdError_, {});
    for (ScoreInput* input : inputs_)
        input->setError({});
}

void EvaluationForm::showSaveError(const crm::ApiError& error) {
    const QMap<QString, QString> fields = error.fieldErrors();
    for (auto it = fields.cbegin(); it != fields.cend(); ++it) {
        const QString& field = it.key();
        // The server's message is English only; keep a translated sentence first.
        if (field == QLatin1String("agentId")) {
            showError(traineeError_, tr("The server does not know this agent (%1).").arg(*it));
        } else if (field == QLatin1String("callId")) {
            showError(callIdError_, tr("The call id was refused (%1).").arg(*it));
        } else if (field.startsWith(QLatin1String("scores."))) {
            if (ScoreInput* input = scoreInput(field.mid(7)))
                input->setError(tr("The score was refused (%1).").arg(*it));
        }
    }
    setStatus(tr("Not saved: %1").arg(errorText(error)), true);
}

void EvaluationForm::showSaved() {
    setStatus(tr("Evaluation saved."), false);
}

void EvaluationForm::clearScores() {
    for (ScoreInput* input : inputs_)
        input->clear();
    comment_->clear();
    updatePreview();
}

void EvaluationForm::setBusy(bool busy) {
    busy_ = busy;
    save_->setEnabled(!busy_ && !readOnly_);
    if (busy)
        setStatus(tr("Saving…"), false);
}

void EvaluationForm::setReadOnlyReason(const QString& reason) {
    readOnly_ = !reason.isEmpty();
    save_->setEnabled(!busy_ && !readOnly_);
    if (readOnly_)
        setStatus(reason, true);
}

void EvaluationForm::setStatus(const QString& text, bool error) {
    statusIsError_ = error;
    status_->setText(text);
    status_->setStyleSheet(error ? toneStyle(Tone::Error) : QStringLiteral("color: #1b7f3b;"));
}

void EvaluationForm::updatePreview() {
    crm::Evaluation draft;
    draft.scores = scores();
    const double service = crm::serviceScore(draft);
    const int empathy = draft.scores.value(QStringLiteral("empathy"), -1);
    const QString dash = tr("—", "value not available yet");
    preview_->setText(
        tr("Service %1 · Empathy %2 · Average %3")
            .arg(service < 0 ? dash : QString::number(service, 'f', 1),
                 empathy < 0 ? dash : QString::number(empathy),
                 draft.scores.size() == 5 ? QString::number(draft.average(), 'f', 1) : dash));
    const QString grade = gradeText(draft);
    grade_->setText(grade);
    grade_->setVisible(!grade.isEmpty());
}

void EvaluationForm::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

void EvaluationForm::retranslate() {
    title_->setText(tr("Evaluate a call", "form title; 상담 평가"));
    auto label = [this](QWidget* field) {
        return qobject_cast<QLabel*>(form_->labelForField(field));
    };
    if (QLabel* l = label(trainee_->parentWidget()))
        l->setText(tr("Counselor", "the trainee being evaluated; 평가 대상 상담사"));
    if (QLabel* l = label(callId_->parentWidget()))
        l->setText(tr("Call"));
    callId_->setAccessibleName(tr("Call"));
    trainee_->setToolTip(tr("The counselor whose call you evaluate."));
    callId_->setPlaceholderText(tr("Call id, e.g. call-6b046cc8-1"));
    callId_->setToolTip(tr("Filled in with the counselor's current or last call when known."));
    scoresTitle_->setText(tr("Scores (0–100)"));
    for (ScoreInput* input : inputs_) {
        if (QLabel* l = label(input)) {
            l->setText(dimensionLabel(input->dimension()));
            l->setToolTip(dimensionHint(input->dimension()));
        }
        input->setAccessibleLabel(dimensionLabel(input->dimension()));
        input->setToolTip(dimensionHint(input->dimension()));
    }
    if (QLabel* l = label(comment_))
        l->setText(tr("Comment"));
    comment_->setPlaceholderText(tr("What went well, what to practise next"));
    preview_->setToolTip(gradeRuleHint());
    grade_->setToolTip(gradeRuleHint());
    save_->setText(tr("Save evaluation"));
    clear_->setText(tr("Clear scores"));
    updatePreview();
}

}  // namespace agentdesk::widgets
