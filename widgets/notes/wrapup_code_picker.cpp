#include "widgets/notes/wrapup_code_picker.h"

#include <QEvent>
#include <QStandardItemModel>

namespace agentdesk::widgets {

namespace {
constexpr int kCodeRole = Qt::UserRole + 1;
}

WrapupCodePicker::WrapupCodePicker(QWidget* parent) : QComboBox(parent) {
    setObjectName(QStringLiteral("wrapupCodePicker"));
    setModel(new QStandardItemModel(this));
    setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    setMinimumContentsLength(14);
    setMaxVisibleItems(20);
    connect(this, qOverload<int>(&QComboBox::activated), this,
            [this](int) { emit codeChosen(currentCode()); });
    rebuild();
}

void WrapupCodePicker::setCodes(const QList<crm::WrapupCode>& codes) {
    const QString chosen = currentCode();
    codes_ = codes;
    rebuild();
    setCurrentCode(chosen);
}

QString WrapupCodePicker::currentCode() const {
    return currentData(kCodeRole).toString();
}

void WrapupCodePicker::setCurrentCode(const QString& code) {
    const int index = code.isEmpty() ? 0 : findData(code, kCodeRole);
    setCurrentIndex(index < 0 ? 0 : index);
}

int WrapupCodePicker::indexOf(const QString& code) const {
    return code.isEmpty() ? -1 : findData(code, kCodeRole);
}

const crm::WrapupCode* WrapupCodePicker::find(const QString& code) const {
    for (const crm::WrapupCode& c : codes_) {
        if (c.code == code)
            return &c;
    }
    return nullptr;
}

QString WrapupCodePicker::categoryTitle(const QString& category) const {
    if (category == QLatin1String("general"))
        return tr("General", "wrap-up code category");
    if (category == QLatin1String("card"))
        return tr("Cards and payments", "wrap-up code category");
    if (category == QLatin1String("cancel"))
        return tr("Cancellation and plans", "wrap-up code category");
    if (category == QLatin1String("protection"))
        return tr("Counselor protection", "wrap-up code category");
    return category;
}

void WrapupCodePicker::rebuild() {
    const QString chosen = currentCode();
    auto* model = static_cast<QStandardItemModel*>(this->model());
    model->clear();
    auto* placeholder = new QStandardItem(
        tr("Choose a wrap-up code…", "처리 코드: the code that closes after-call work"));
    placeholder->setData(QString(), kCodeRole);
    model->appendRow(placeholder);

    // Categories in the order their first code comes (the server's display order).
    QStringList categories;
    for (const crm::WrapupCode& c : codes_) {
        if (!categories.contains(c.category))
            categories.append(c.category);
    }
    const bool grouped = categories.size() > 1;
    const QString lang = noteLanguage();
    for (const QString& category : categories) {
        if (grouped) {
            auto* header = new QStandardItem(categoryTitle(category));
            header->setFlags(Qt::NoItemFlags);
            QFont bold = font();
            bold.setBold(true);
            header->setFont(bold);
            model->appendRow(header);
        }
        for (const crm::WrapupCode& c : codes_) {
            if (c.category != category)
                continue;
            auto* item = new QStandardItem(c.label(lang));
            item->setData(c.code, kCodeRole);
            item->setToolTip(c.code);
            model->appendRow(item);
        }
    }
    setCurrentCode(chosen);
}

void WrapupCodePicker::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange)
        rebuild();
    QComboBox::changeEvent(event);
}

}  // namespace agentdesk::widgets
